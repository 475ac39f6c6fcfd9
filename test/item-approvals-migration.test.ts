import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connection.ts';
import { migrateTo, migrateToLatest } from '../src/db/migrate.ts';
import { testDatabases } from './databases.ts';
import { scratchSchema } from './fresh-databases.ts';

/**
 * 0028 lets a request for approval (提请审批, 0026) point at an item (提请签发发布: 发布 is the
 * 审批负责人's): request_id becomes nullable, item_id is added, and exactly one of them is set. The
 * rows written before it are kept as they were (SQLite rebuilds the table), and its ids go on.
 */
for (const { name, url } of testDatabases()) {
  describe(`0028 requests for approval of an item [${name}]`, () => {
    let db: Db;
    let drop: () => Promise<void> = async () => {};
    let agencyId = 0;
    let requestId = 0;
    let itemId = 0;

    const row = (values: { request_id: number | null; item_id: number | null; action: string }) => ({
      agency_id: agencyId,
      ...values,
      payload: '{}',
      reason: '提请说明',
      requested_by: 'wang',
      requested_at: '2026-12-01T02:00:00.000Z',
      state: 'pending',
    });

    beforeAll(async () => {
      ({ db, drop } = await scratchSchema(url));
      await migrateTo(db, '0027-site-files');
      await sql`insert into agencies (code, name, short_name, kind, created_at)
        values ('a', '甲', '甲', 'county', '2026-01-01T00:00:00Z')`.execute(db.kysely);
      agencyId = (await db.kysely.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id;
      await sql`insert into requests (agency_id, applicant_type, channel, received_on)
        values (${agencyId}, 'natural_person', 'letter', '2026-11-02')`.execute(db.kysely);
      requestId = (await db.kysely.selectFrom('requests').select('id').executeTakeFirstOrThrow()).id;
      // two rows before 0028, the first deleted: the ids go on after the highest ever given
      for (const state of ['returned', 'pending'])
        await sql`insert into approval_requests
          (agency_id, request_id, action, payload, reason, requested_by, requested_at, state, decided_by)
          values (${agencyId}, ${requestId}, 'extend', '{"days":10,"reason":"调取档案"}', '调取档案', 'wang',
            '2026-11-20T02:00:00.000Z', ${state}, ${state === 'returned' ? 'zhao' : null})`.execute(
          db.kysely,
        );
      await sql`delete from approval_requests where state = 'pending'`.execute(db.kysely);
      await migrateToLatest(db);
      itemId = (
        await db.kysely
          .insertInto('items')
          .values({
            agency_id: agencyId,
            index_no: null,
            title: '关于2026年预算公开的说明',
            body_html: '<p>正文</p>',
            body_text: '正文',
            category: 'a20.7',
            column_code: null,
            issuer: '甲',
            doc_number: null,
            formed_on: '2026-11-30',
            published_on: null,
            validity: 'valid',
            subject: '',
            status: 'approved',
            is_policy_document: 0,
            is_interpretation: 0,
            is_meeting: 0,
            is_online_interview: 0,
            interprets_item_id: null,
            reviewer: 'li',
            reviewed_on: '2026-12-01',
            review_result: 'approved',
            review_opinion: '同意公开',
            withdrawn_on: null,
            withdrawn_reason: null,
            version: 3,
            created_at: '2026-11-30T02:00:00.000Z',
            updated_at: '2026-12-01T02:00:00.000Z',
            created_by: 'wang',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    afterAll(async () => {
      await drop();
    });

    it('keeps the requests for approval written before it, each a case’s', async () => {
      const rows = await db.kysely.selectFrom('approval_requests').selectAll().execute();
      expect(rows).toEqual([
        expect.objectContaining({
          id: 1,
          agency_id: agencyId,
          request_id: requestId,
          item_id: null,
          action: 'extend',
          payload: '{"days":10,"reason":"调取档案"}',
          state: 'returned',
          decided_by: 'zhao',
        }),
      ]);
    });

    it('takes an item’s request; its id follows the highest ever given', async () => {
      const inserted = await db.kysely
        .insertInto('approval_requests')
        .values(row({ request_id: null, item_id: itemId, action: 'publish' }))
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(inserted.id).toBe(3);
    });

    it('refuses a second pending request for the same item and action (the partial unique index)', async () => {
      await expect(
        db.kysely
          .insertInto('approval_requests')
          .values(row({ request_id: null, item_id: itemId, action: 'publish' }))
          .execute(),
      ).rejects.toThrow(/unique|UNIQUE/);
    });

    it.each([
      ['neither a case nor an item', null, null],
      ['both a case and an item', 'request', 'item'],
    ] as const)('refuses a request about %s (approval_requests_one_subject)', async (_what, r, i) => {
      await expect(
        db.kysely
          .insertInto('approval_requests')
          .values(row({ request_id: r ? requestId : null, item_id: i ? itemId : null, action: 'withdraw' }))
          .execute(),
      ).rejects.toThrow(/check|CHECK|approval_requests_one_subject/);
    });

    it('still refuses a second pending request for a case’s action', async () => {
      await db.kysely
        .insertInto('approval_requests')
        .values(row({ request_id: requestId, item_id: null, action: 'extend' }))
        .execute();
      await expect(
        db.kysely
          .insertInto('approval_requests')
          .values(row({ request_id: requestId, item_id: null, action: 'extend' }))
          .execute(),
      ).rejects.toThrow(/unique|UNIQUE/);
    });

    it('goes with its item', async () => {
      await db.kysely.deleteFrom('items').where('id', '=', itemId).execute();
      const left = await db.kysely.selectFrom('approval_requests').select(['item_id']).execute();
      expect(left.every((r) => r.item_id === null)).toBe(true);
    });
  });
}
