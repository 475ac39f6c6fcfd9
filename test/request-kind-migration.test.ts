import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connection.ts';
import { migrateTo, migrateToLatest } from '../src/db/migrate.ts';
import { testDatabases } from './databases.ts';
import { scratchSchema } from './fresh-databases.ts';

/**
 * 0017 gives requests a kind (条例 第四十一条): every request before it is a disclosure request, with no
 * correction; a correction request keeps outcome and decided_on empty (requests_decided_has_outcome).
 */
for (const { name, url } of testDatabases()) {
  describe(`0017 the request kind [${name}]`, () => {
    let db: Db;
    let drop: () => Promise<void> = async () => {};

    beforeAll(async () => {
      ({ db, drop } = await scratchSchema(url));
      await migrateTo(db, '0015-agency-remedies');
      await sql`insert into agencies (code, name, short_name, kind, created_at)
        values ('a', '甲', '甲', 'county', '2021-01-01T00:00:00Z')`.execute(db.kysely);
      await sql`insert into requests (agency_id, applicant_type, channel, received_on, decided_on, outcome)
        select id, 'natural_person', 'letter', '2021-03-01', '2021-03-20', 'granted' from agencies where code = 'a'`.execute(
        db.kysely,
      );
      await migrateToLatest(db);
    });
    afterAll(async () => {
      await drop();
    });

    it('条例第四十一条: an earlier request is a disclosure request, with no correction', async () => {
      const row = await db.kysely
        .selectFrom('requests')
        .select(['kind', 'correction', 'correction_outcome', 'correction_decided_on', 'outcome'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        kind: 'disclosure',
        correction: null,
        correction_outcome: null,
        correction_decided_on: null,
        outcome: 'granted',
      });
    });

    it('条例第四十一条: a decided correction request leaves decided_on and outcome (table 三’s) empty', async () => {
      const agency = await db.kysely.selectFrom('agencies').select('id').executeTakeFirstOrThrow();
      await db.kysely
        .insertInto('requests')
        .values({
          ...{
            agency_id: agency.id,
            applicant_type: 'natural_person',
            channel: 'letter',
            received_on: '2021-04-01',
          },
          ...{ decided_on: null, outcome: null, fee_fen: 0, mixed_items: 0, kind: 'record_correction' },
          ...{ correction_outcome: 'corrected', correction_decided_on: '2021-04-10' },
        })
        .execute();
      await expect(
        db.kysely
          .updateTable('requests')
          .set({ decided_on: '2021-04-10' })
          .where('kind', '=', 'record_correction')
          .execute(),
      ).rejects.toThrow();
    });
  });
}
