/**
 * 政务新媒体 closed spells (migration 0045, domain/new-media/periods.ts): rebuilt from the event log
 * for accounts stepped before the table existed, and read by the daily inspection — a day inside a
 * past closed spell does not count the reopened account as operating, and a reopened account's
 * silence counts from its reopening.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connection.ts';
import { appendEvent } from '../src/db/events.ts';
import { migrateTo, migrateToLatest } from '../src/db/migrate.ts';
import { inspectionInput } from '../src/db/queries/inspection.ts';
import { closuresOf } from '../src/db/queries/new-media-closures.ts';
import { addAgency } from './accounts.ts';
import { testDatabases } from './databases.ts';
import { scratchSchema } from './fresh-databases.ts';

/** The inspection's calendar is read only for the 标准目录's deadlines, which these agencies lack. */
const CALENDAR = { addWorkingDays: (date: string) => date };

for (const { name, url } of testDatabases()) {
  describe(`政务新媒体 closed spells [${name}]`, () => {
    let db: Db;
    let drop: () => Promise<void> = async () => {};
    let agency = 0;
    const accounts: Record<string, number> = {};

    /** An account as the registry wrote it before 0045 (its state and closed_on as left by its last step). */
    const account = async (
      code: string,
      state: string,
      closedOn: string | null,
      cancelledOn: string | null,
    ) => {
      await db.kysely
        .insertInto('agency_channels')
        .values({ agency_id: agency, code, name: code, sort: 1 })
        .execute();
      const row = await db.kysely
        .insertInto('new_media_accounts')
        .values({
          ...{ agency_id: agency, channel_code: code, platform: 'wechat', name: `账号${code}` },
          ...{ host_unit: '临港区人民政府办公室', opened_on: '2020-05-01', closed_on: closedOn },
          ...{ cancelled_on: cancelledOn, state, filing_status: 'filed', manager: '张三' },
          ...{ created_at: '2020-05-01T00:00:00Z', updated_at: '2020-05-01T00:00:00Z' },
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      accounts[code] = Number(row.id);
    };
    const step = (code: string, event: string, on: string, stateBefore: string) =>
      appendEvent(db.kysely, {
        name: `new_media.${event}`,
        subject: { type: 'new_media_account', id: accounts[code] },
        agency,
        actor: 'nm-admin',
        at: new Date(`${on}T02:00:00Z`),
        data: { stateBefore, on, reason: '测试' },
      });

    beforeAll(async () => {
      ({ db, drop } = await scratchSchema(url));
      await migrateTo(db, '0044-partial-publication-indexes');
      agency = await addAgency(db, 'nm-spells');
      // a: closed, reopened, closed again (closed now); b: reopened (its spell only in the log);
      // c: cancelled while operating; d: closed with no event (written before the log)
      await account('a', 'closed', '2024-06-01', null);
      await account('b', 'operating', null, null);
      await account('c', 'cancelled', '2023-03-01', '2023-03-01');
      await account('d', 'closed', '2022-02-02', null);
      await step('a', 'closed', '2022-01-01', 'operating');
      await step('a', 'reopened', '2022-03-01', 'closed');
      await step('a', 'closed', '2024-06-01', 'operating');
      await step('b', 'closed', '2025-01-10', 'operating');
      await step('b', 'reopened', '2025-02-20', 'closed');
      await step('c', 'cancelled', '2023-03-01', 'operating');
      await migrateToLatest(db);
    });
    afterAll(async () => {
      await drop();
    });

    it('0045 rebuilds each account’s closed spells from its events (or its closed_on)', async () => {
      const closures = await closuresOf(db.kysely, Object.values(accounts));
      expect(
        Object.fromEntries(Object.entries(accounts).map(([code, id]) => [code, closures.get(id)])),
      ).toEqual({
        a: [
          { closedOn: '2022-01-01', reopenedOn: '2022-03-01' },
          { closedOn: '2024-06-01', reopenedOn: null },
        ],
        b: [{ closedOn: '2025-01-10', reopenedOn: '2025-02-20' }],
        c: [{ closedOn: '2023-03-01', reopenedOn: null }],
        d: [{ closedOn: '2022-02-02', reopenedOn: null }],
      });
    });

    it.each<[string, string, string[]]>([
      ['before any closing', '2021-12-31', ['a', 'b', 'c', 'd']],
      ['inside a’s first spell (a reopened since)', '2022-01-15', ['b', 'c', 'd']],
      ['a reopened', '2022-03-01', ['a', 'b', 'c']],
      ['c cancelled', '2023-03-01', ['a', 'b']],
      ['inside b’s spell (b reopened since)', '2025-02-19', []],
      ['b reopened', '2025-02-20', ['b']],
    ])('the inspection of a day %s (%s) inspects %j', async (_situation, day, expected) => {
      const input = await inspectionInput(db.kysely, agency, day, CALENDAR);
      const names = new Map(Object.entries(accounts).map(([code, id]) => [id, code]));
      expect((input.accounts ?? []).map((a) => names.get(a.id))).toEqual(expected);
    });

    it('a reopened account is silent from its reopening, not from before its closing', async () => {
      const input = await inspectionInput(db.kysely, agency, '2025-03-01', CALENDAR);
      expect(input.accounts).toEqual([
        expect.objectContaining({ id: accounts.b, openedOn: '2025-02-20', lastPostedOn: null }),
      ]);
    });
  });
}
