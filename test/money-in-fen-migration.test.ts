import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connection.ts';
import { migrateTo, migrateToLatest } from '../src/db/migrate.ts';
import { amountsInFen } from '../src/db/migrations/0029-money-in-fen.ts';
import { figuresOfRow } from '../src/db/queries/admin-figures.ts';
import { thawReport } from '../src/domain/report/snapshot.ts';
import { testDatabases } from './databases.ts';
import { scratchSchema } from './fresh-databases.ts';

/** A published version as 0009–0028 froze it: the report (cells as printed) and the year's facts in 元. */
const REPORT = {
  format: '2021',
  year: 2021,
  cells: { 't2.fees.amount_wan': '706', 't2.license.decisions': 5416 },
  narrative: { overview: [] },
};
const SNAPSHOT_0028 = {
  format: 1,
  report: REPORT,
  facts: {
    year: 2021,
    admin: { licenseDecisions: 5416, penaltyDecisions: 271, enforcementDecisions: 21, feesYuan: 7060000 },
    requests: { feesYuan: 1700, mixedItemsNotPartial: 0 },
  },
};

const EVENTS: Array<[string, unknown]> = [
  ['requests.fee_notice', { amountYuan: 1700, breakdown: ['第31–100页，每页10元，计700元'] }],
  ['requests.fee_paid', { amountYuan: 1700 }],
  [
    'report.figures_saved',
    {
      before: null,
      after: { licenseDecisions: 1, penaltyDecisions: 2, enforcementDecisions: 3, feesYuan: 3500 },
    },
  ],
  ['report.figures_imported', { before: null, after: { procurementAmountYuan: 184719, feesYuan: 0 } }],
  ['requests.extended', { reason: '需要更多时间', days: 20 }],
];

/** 0029 makes every amount whole 分 (×100), keeping beside each figure the text the report printed. */
for (const { name, url } of testDatabases()) {
  describe(`0029 money in 分 [${name}]`, () => {
    let db: Db;
    let drop: () => Promise<void> = async () => {};

    beforeAll(async () => {
      ({ db, drop } = await scratchSchema(url));
      await migrateTo(db, '0028-item-approvals');
      const k = db.kysely;
      await sql`insert into agencies (code, name, short_name, kind, created_at)
        values ('a', '甲', '甲', 'county', '2021-01-01T00:00:00Z')`.execute(k);
      const { rows } = await sql<{ id: number }>`select id from agencies where code = 'a'`.execute(k);
      const id = rows[0].id;
      await sql`insert into admin_figures (agency_id, year, license_decisions, penalty_decisions, enforcement_decisions,
          fees_yuan, procurement_amount_yuan)
        values (${id}, 2020, 4980, 240, 18, 6523000, 184719), (${id}, 2021, 5416, 271, 21, 7060000, null),
          (${id}, 2019, 1, 1, 1, 3500, 12345678901)`.execute(k);
      await sql`insert into requests (agency_id, applicant_type, channel, received_on, decided_on, outcome, fee_yuan)
        values (${id}, 'natural_person', 'letter', '2021-03-01', '2021-03-20', 'granted', 1700)`.execute(k);
      let seq = 0;
      for (const [event, data] of EVENTS)
        await sql`insert into events (agency_id, name, subject_type, subject_id, seq, actor, at, data)
          values (${id}, ${event}, 'request', '1', ${++seq}, 'op', '2021-03-20T00:00:00Z', ${JSON.stringify(data)})`.execute(
          k,
        );
      await sql`insert into annual_report_versions (agency_id, year, version, published_on, actor, recorded_at, snapshot)
        values (${id}, 2021, 1, '2022-01-20', 'ap', '2022-01-20T00:00:00Z', ${JSON.stringify(SNAPSHOT_0028)})`.execute(
        k,
      );
      await migrateToLatest(db);
    });
    afterAll(async () => {
      await drop();
    });

    it.each([
      [
        'the seed’s 706 万元, no procurement stated',
        2021,
        {
          fees_fen: 706_000_000,
          fees_wan_text: '706',
          procurement_amount_fen: null,
          procurement_amount_yuan_text: null,
        },
      ],
      [
        'the demo’s 652.3 万元 and a procurement of 184719 元',
        2020,
        {
          fees_fen: 652_300_000,
          fees_wan_text: '652.3',
          procurement_amount_fen: 18_471_900,
          procurement_amount_yuan_text: '184719',
        },
      ],
      [
        '0.35 万元, and a procurement beyond 32 bits',
        2019,
        {
          fees_fen: 350_000,
          fees_wan_text: '0.35',
          procurement_amount_fen: 1_234_567_890_100,
          procurement_amount_yuan_text: '12345678901',
        },
      ],
    ])('a yearly figures row: %s', async (_situation, year, expected) => {
      const row = await db.kysely
        .selectFrom('admin_figures')
        .selectAll()
        .where('year', '=', year)
        .executeTakeFirstOrThrow();
      const { fees_fen, fees_wan_text, procurement_amount_fen, procurement_amount_yuan_text } = row;
      expect({
        fees_fen: Number(fees_fen),
        fees_wan_text,
        procurement_amount_fen: procurement_amount_fen === null ? null : Number(procurement_amount_fen),
        procurement_amount_yuan_text,
      }).toEqual(expected);
      expect(figuresOfRow(row)).toMatchObject({ feesWan: expected.fees_wan_text });
    });

    it('refuses to read a row whose text and 分 disagree (corrupt)', async () => {
      await db.kysely
        .updateTable('admin_figures')
        .set({ fees_wan_text: '706.01' })
        .where('year', '=', 2021)
        .execute();
      const row = await db.kysely
        .selectFrom('admin_figures')
        .selectAll()
        .where('year', '=', 2021)
        .executeTakeFirstOrThrow();
      expect(() => figuresOfRow(row)).toThrow(/706\.01/);
      await db.kysely
        .updateTable('admin_figures')
        .set({ fees_wan_text: '706' })
        .where('year', '=', 2021)
        .execute();
    });

    it('a request’s fee paid: 1700 元 → 170000 分', async () => {
      const row = await db.kysely.selectFrom('requests').select('fee_fen').executeTakeFirstOrThrow();
      expect(Number(row.fee_fen)).toBe(170_000);
    });

    it('the events’ amounts in 分, the rest of their data as it was', async () => {
      const rows = await db.kysely.selectFrom('events').select(['name', 'data']).orderBy('seq').execute();
      expect(rows.map((r) => [r.name, JSON.parse(r.data)])).toEqual([
        ['requests.fee_notice', { amountFen: 170_000, breakdown: ['第31–100页，每页10元，计700元'] }],
        ['requests.fee_paid', { amountFen: 170_000 }],
        [
          'report.figures_saved',
          {
            before: null,
            after: {
              licenseDecisions: 1,
              penaltyDecisions: 2,
              enforcementDecisions: 3,
              feesFen: 350_000,
              feesWan: '0.35',
            },
          },
        ],
        [
          'report.figures_imported',
          {
            before: null,
            after: { feesFen: 0, procurementAmountFen: 18_471_900, procurementAmountYuan: '184719' },
          },
        ],
        ['requests.extended', { reason: '需要更多时间', days: 20 }],
      ]);
    });

    it('a published version: its facts in 分, its report (cells as printed) untouched', async () => {
      const row = await db.kysely
        .selectFrom('annual_report_versions')
        .select('snapshot')
        .executeTakeFirstOrThrow();
      const snapshot = thawReport(row.snapshot);
      expect(snapshot.report).toEqual(REPORT);
      expect(snapshot.facts.admin).toEqual({
        licenseDecisions: 5416,
        penaltyDecisions: 271,
        enforcementDecisions: 21,
        feesFen: 706_000_000,
        feesWan: '706',
      });
      expect(snapshot.facts.requests).toEqual({ feesFen: 170_000, mixedItemsNotPartial: 0 });
    });
  });
}

describe('amountsInFen', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['nothing to convert', { a: 1, b: ['x'] }, { a: 1, b: ['x'] }, false],
    [
      'a cell code that says yuan is not an amount’s name',
      { 't2.procurement.amount_yuan': 5 },
      { 't2.procurement.amount_yuan': 5 },
      false,
    ],
    ['an amount in a list', [{ amountYuan: 2 }], [{ amountFen: 200 }], true],
    ['fees outside yearly figures get no 万元 text', { feesYuan: 3 }, { feesFen: 300 }, true],
    ['text amounts are left alone', { amountYuan: '3' }, { amountYuan: '3' }, false],
  ])('%s', (_situation, value, expected, changed) => {
    expect(amountsInFen(value)).toBe(changed);
    expect(value).toEqual(expected);
  });
});
