import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connection.ts';
import { appendEvent } from '../src/db/events.ts';
import { migrateTo, migrateToLatest } from '../src/db/migrate.ts';
import { testDatabases } from './databases.ts';
import { scratchSchema } from './fresh-databases.ts';

/**
 * 0012 folds the four event logs into one: every old row is in `events` afterwards, with all it
 * said, and the letters still point at their case events.
 */
for (const { name, url } of testDatabases()) {
  describe(`0012 one event log [${name}]`, () => {
    let db: Db;
    let drop: () => Promise<void> = async () => {};
    const ids = { a: 0, b: 0, request: 0, item: 0, user: 0, extended: 0, letter: 0 };
    const docx = new Uint8Array([80, 75, 3, 4, 0, 255]);

    beforeAll(async () => {
      ({ db, drop } = await scratchSchema(url));
      await migrateTo(db, '0011-letter-deliveries');
      await seedOldRows();
      await migrateToLatest(db);
    });
    afterAll(async () => {
      await drop();
    });

    /** One of every kind of old row, through plain SQL (the old tables have no types any more). */
    async function seedOldRows(): Promise<void> {
      const k = db.kysely;
      const id = async (query: ReturnType<typeof sql<{ id: number }>>) =>
        Number((await query.execute(k)).rows[0].id);
      for (const code of ['a', 'b'] as const)
        ids[code] = await id(sql<{
          id: number;
        }>`insert into agencies (code, name, short_name, kind, created_at)
          values (${`agency-${code}`}, ${`机关${code}`}, ${code}, 'county', '2021-01-01T00:00:00.000Z') returning id`);
      ids.request = await id(sql<{
        id: number;
      }>`insert into requests (agency_id, applicant_type, channel, received_on)
        values (${ids.a}, 'natural_person', 'online', '2021-03-01') returning id`);
      ids.item = await id(sql<{
        id: number;
      }>`insert into items (agency_id, title, body_html, body_text, category,
          issuer, formed_on, validity, subject, status, version, created_at, updated_at, created_by)
        values (${ids.a}, '通知', '<p>正文</p>', '正文', 'a20.1', '某局', '2021-02-01', 'valid', '其他', 'draft', 2,
          '2021-02-01T01:00:00.000Z', '2021-02-02T01:00:00.000Z', 'clerk') returning id`);
      ids.user = await id(sql<{ id: number }>`insert into users (username, display_name, created_at)
        values ('clerk', '办事员', '2021-01-01T00:00:00.000Z') returning id`);

      const caseEvent = (seq: number, type: string, on: string, before: string | null, data: object) =>
        sql<{
          id: number;
        }>`insert into case_events (agency_id, request_id, seq, type, occurred_on, recorded_at, actor,
            state_before, state_after, data)
          values (${ids.a}, ${ids.request}, ${seq}, ${type}, ${on}, ${`${on}T02:00:00.000Z`}, 'clerk', ${before},
            'open', ${JSON.stringify(data)}) returning id`;
      await id(caseEvent(1, 'received', '2021-03-01', null, { channel: 'online' }));
      ids.extended = await id(caseEvent(2, 'extended', '2021-03-20', 'open', { clock: { days: 20 } }));
      ids.letter = await id(sql<{
        id: number;
      }>`insert into letters (agency_id, request_id, event_id, kind, file_name,
          html, docx, created_at, sent_on, sent_method, sent_tracking_no, sent_note, sent_by, sent_recorded_at)
        values (${ids.a}, ${ids.request}, ${ids.extended}, 'extension', '延期告知书.docx', '<p>延期</p>', ${docx},
          '2021-03-20T02:00:00.000Z', '2021-03-21', 'post', 'EMS123', '挂号', 'clerk', '2021-03-21T03:00:00.000Z')
        returning id`);

      for (const [seq, type, before, after] of [
        [1, 'created', null, 'draft'],
        [2, 'edited', 'draft', 'draft'],
      ] as const)
        await sql`insert into item_events (agency_id, item_id, seq, type, at, actor, state_before, state_after, data)
          values (${ids.a}, ${ids.item}, ${seq}, ${type}, ${`2021-02-0${seq}T01:00:00.000Z`}, 'clerk', ${before},
            ${after}, ${JSON.stringify({ step: seq })})`.execute(k);

      for (const [agency, subjectType, subjectId, type, at] of [
        [ids.a, 'normative_document', '5', 'registry.issued', '2021-04-01T00:00:00.000Z'],
        [ids.a, 'normative_document', '5', 'registry.repealed', '2021-05-01T00:00:00.000Z'],
        [ids.a, 'agency_column', 'budget', 'column_added', '2021-04-02T00:00:00.000Z'],
        [ids.a, 'annual_report', '2021', 'report.draft_saved', '2021-04-03T00:00:00.000Z'],
        [ids.b, 'annual_report', '2021', 'report.draft_saved', '2021-04-04T00:00:00.000Z'],
      ] as const)
        await sql`insert into events (agency_id, subject_type, subject_id, type, actor, at, data)
          values (${agency}, ${subjectType}, ${subjectId}, ${type}, 'admin', ${at}, ${JSON.stringify({ type })})`.execute(
          k,
        );

      for (const [agency, type, at] of [
        [null, 'created', '2021-01-01T00:00:00.000Z'],
        [ids.a, 'role_granted', '2021-01-02T00:00:00.000Z'],
        [ids.b, 'role_granted', '2021-01-03T00:00:00.000Z'],
      ] as const)
        await sql`insert into user_events (user_id, agency_id, type, actor, at, data)
          values (${ids.user}, ${agency}, ${type}, 'cli:root', ${at}, ${JSON.stringify({ role: 'operator' })})`.execute(
          k,
        );
    }

    const rows = () =>
      db.kysely
        .selectFrom('events')
        .select(['name', 'subject_type', 'subject_id', 'seq', 'agency_id', 'actor', 'at'])
        .select(['occurred_on', 'state_before', 'state_after', 'data'])
        .orderBy('at')
        .execute();

    it('keeps every row of the four logs, with everything it said', async () => {
      const all = await rows();
      expect(all).toHaveLength(12);
      const a = ids.a;
      const b = ids.b;
      const r = String(ids.request);
      const i = String(ids.item);
      const u = String(ids.user);
      const data = (value: object) => JSON.stringify(value);
      expect(all).toEqual(
        [
          [
            'users.created',
            'user',
            u,
            1,
            null,
            'cli:root',
            '2021-01-01T00:00:00.000Z',
            null,
            null,
            null,
            data({ role: 'operator' }),
          ],
          [
            'users.role_granted',
            'user',
            u,
            1,
            a,
            'cli:root',
            '2021-01-02T00:00:00.000Z',
            null,
            null,
            null,
            data({ role: 'operator' }),
          ],
          [
            'users.role_granted',
            'user',
            u,
            1,
            b,
            'cli:root',
            '2021-01-03T00:00:00.000Z',
            null,
            null,
            null,
            data({ role: 'operator' }),
          ],
          [
            'items.created',
            'item',
            i,
            1,
            a,
            'clerk',
            '2021-02-01T01:00:00.000Z',
            null,
            null,
            'draft',
            data({ step: 1 }),
          ],
          [
            'items.edited',
            'item',
            i,
            2,
            a,
            'clerk',
            '2021-02-02T01:00:00.000Z',
            null,
            'draft',
            'draft',
            data({ step: 2 }),
          ],
          [
            'requests.received',
            'request',
            r,
            1,
            a,
            'clerk',
            '2021-03-01T02:00:00.000Z',
            '2021-03-01',
            null,
            'open',
            data({ channel: 'online' }),
          ],
          [
            'requests.extended',
            'request',
            r,
            2,
            a,
            'clerk',
            '2021-03-20T02:00:00.000Z',
            '2021-03-20',
            'open',
            'open',
            data({ clock: { days: 20 } }),
          ],
          [
            'registry.issued',
            'normative_document',
            '5',
            1,
            a,
            'admin',
            '2021-04-01T00:00:00.000Z',
            null,
            null,
            null,
            data({ type: 'registry.issued' }),
          ],
          [
            'settings.column_added',
            'agency_column',
            'budget',
            1,
            a,
            'admin',
            '2021-04-02T00:00:00.000Z',
            null,
            null,
            null,
            data({ type: 'column_added' }),
          ],
          [
            'report.draft_saved',
            'annual_report',
            '2021',
            1,
            a,
            'admin',
            '2021-04-03T00:00:00.000Z',
            null,
            null,
            null,
            data({ type: 'report.draft_saved' }),
          ],
          [
            'report.draft_saved',
            'annual_report',
            '2021',
            1,
            b,
            'admin',
            '2021-04-04T00:00:00.000Z',
            null,
            null,
            null,
            data({ type: 'report.draft_saved' }),
          ],
          [
            'registry.repealed',
            'normative_document',
            '5',
            2,
            a,
            'admin',
            '2021-05-01T00:00:00.000Z',
            null,
            null,
            null,
            data({ type: 'registry.repealed' }),
          ],
        ].map(
          ([
            name,
            subject_type,
            subject_id,
            seq,
            agency_id,
            actor,
            at,
            occurred_on,
            state_before,
            state_after,
            json,
          ]) => ({
            name,
            subject_type,
            subject_id,
            seq,
            agency_id,
            actor,
            at,
            occurred_on,
            state_before,
            state_after,
            data: json,
          }),
        ),
      );
    });

    it('keeps the letters, pointing at their case event by its old id', async () => {
      const letter = await db.kysely
        .selectFrom('letters')
        .innerJoin('events', 'events.id', 'letters.event_id')
        .select(['letters.id', 'letters.event_id', 'events.name', 'letters.docx', 'letters.sent_tracking_no'])
        .select([
          'letters.sent_on',
          'letters.sent_method',
          'letters.sent_note',
          'letters.sent_by',
          'letters.html',
        ])
        .executeTakeFirstOrThrow();
      expect(letter).toMatchObject({
        id: ids.letter,
        event_id: ids.extended,
        name: 'requests.extended',
        html: '<p>延期</p>',
        sent_on: '2021-03-21',
        sent_method: 'post',
        sent_tracking_no: 'EMS123',
        sent_note: '挂号',
        sent_by: 'clerk',
      });
      expect([...new Uint8Array(letter.docx)]).toEqual([...docx]);
      const orphan = db.kysely
        .insertInto('letters')
        .values({
          agency_id: ids.a,
          request_id: ids.request,
          event_id: 999_999,
          kind: 'extension',
          file_name: 'x.docx',
          html: '',
          docx,
          created_at: '2021-03-22T00:00:00.000Z',
        })
        .execute();
      await expect(orphan).rejects.toThrow();
    });

    it('appends after the copied rows: new ids, the next number, the same number refused', async () => {
      const next = await appendEvent(db.kysely, {
        name: 'requests.decided',
        subject: { type: 'request', id: ids.request },
        agency: ids.a,
        actor: 'clerk',
        at: new Date('2021-04-10T02:00:00.000Z'),
        occurredOn: '2021-04-10',
        state: { before: 'open', after: 'decided' },
      });
      const max = await db.kysely
        .selectFrom('events')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('id', '<>', next)
        .executeTakeFirstOrThrow();
      expect(next).toBeGreaterThan(Number(max.id));
      const row = await db.kysely
        .selectFrom('events')
        .select('seq')
        .where('id', '=', next)
        .executeTakeFirstOrThrow();
      expect(row.seq).toBe(3);
      const again = db.kysely
        .insertInto('events')
        .values({
          agency_id: ids.a,
          name: 'requests.decided',
          subject_type: 'request',
          subject_id: String(ids.request),
          seq: 3,
          actor: 'other',
          at: '2021-04-10T02:00:01.000Z',
          data: '{}',
        })
        .execute();
      await expect(again).rejects.toThrow();
    });
  });
}
