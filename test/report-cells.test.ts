import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAnnualReport } from '../src/commands/build-annual-report.ts';
import { cellRecords } from '../src/db/queries/cell-records.ts';
import { loadReportFacts } from '../src/db/queries/report-facts.ts';
import { cellSource, PUBLICATION_FLAGS, publicationCount } from '../src/domain/report/cell-source.ts';
import { formatById } from '../src/domain/report/formats/registry.ts';
import { describeEachWithDraftDemo } from './databases.ts';
import { addRequest, demoApp, OPERATOR, REPORTS, send } from './report-app.ts';

const { cellCodes: CELL_CODES } = formatById('2021');

const RECORD_CELLS = CELL_CODES.filter((code) => cellSource(code)?.kind !== 'figures');
const PUBLICATION_CODES = [
  'publications.total',
  ...['website', 'wechat', 'weibo', 'douyin', 'gazette'].map((c) => `publications.channel.${c}`),
  ...PUBLICATION_FLAGS.map((f) => `publications.${f}`),
];

describeEachWithDraftDemo('the records behind a cell', (use) => {
  let app: FastifyInstance;
  let agency: { id: number; code: string };
  beforeAll(async () => {
    app = await demoApp(use());
    agency = await use()
      .kysely.selectFrom('agencies')
      .select(['id', 'code'])
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow();
  });
  afterAll(() => app.close());

  it.each([2020, 2021])(
    'counts exactly the value of every table cell of %i (the facts SQL’s year rules)',
    async (year) => {
      // The cells whose records the editor lists are the 2021 format's; 2020 is built in it too.
      const report = await buildAnnualReport(use(), 'lingang', year, { format: formatById('2021') });
      const facts = await loadReportFacts(use(), 'lingang', year);
      if (!report || !facts) throw new Error('no report');
      const mismatches: string[] = [];
      let nonZero = 0;
      for (const code of [...RECORD_CELLS, ...PUBLICATION_CODES]) {
        const source = cellSource(code);
        if (!source || source.kind === 'figures') throw new Error(`no records source for ${code}`);
        const { total } = await cellRecords(use(), agency, year, source, { offset: 0, limit: 1 });
        const expected =
          source.kind === 'publications'
            ? publicationCount(facts.current.publications, source)
            : report.cells[code];
        if (total !== expected) mismatches.push(`${code}: ${total} records, cell ${expected}`);
        if (total > 0) nonZero += 1;
      }
      expect(mismatches).toEqual([]);
      expect(nonZero).toBeGreaterThan(10);
    },
  );

  it('counts exactly the value of every table cell of 2020 in the 2019 format (its own codes too)', async () => {
    const format = formatById('2019');
    expect(format.cellCodes.filter((code) => cellSource(code) === null)).toEqual([]);
    // two of the three outcomes the 2019 row （六）其他处理 counts
    await addRequest(use(), { receivedOn: '2020-03-02', decidedOn: '2020-04-01', outcome: 'other.no_fee' });
    await addRequest(use(), { receivedOn: '2020-05-06', decidedOn: '2020-06-01', outcome: 'other.other' });
    const report = await buildAnnualReport(use(), 'lingang', 2020);
    if (!report) throw new Error('no report');
    expect(report.format).toBe('2019');
    const mismatches: string[] = [];
    const records = format.cellCodes.filter((code) => cellSource(code)?.kind !== 'figures');
    for (const code of records) {
      const source = cellSource(code);
      if (!source || source.kind === 'figures') throw new Error(`no records source for ${code}`);
      const { total } = await cellRecords(use(), agency, 2020, source, { offset: 0, limit: 1 });
      if (total !== report.cells[code])
        mismatches.push(`${code}: ${total} records, cell ${report.cells[code]}`);
    }
    expect(mismatches).toEqual([]);
    const own = ['t2.normative.published', 't2.normative.published_total', 't3.other.total'];
    expect(own.every((code) => records.includes(code))).toBe(true);
    expect(own.map((code) => report.cells[code])).not.toContain(0);
    expect(report.cells['t3.other.total']).toBeGreaterThanOrEqual(2);
  });

  it('counts review cases by group and result as of 31 December', async () => {
    const cases: Array<[string, string, string | null, string | null]> = [
      ['review', '2021-03-01', '2021-05-01', 'upheld'],
      ['review', '2021-11-01', '2022-01-10', 'corrected'],
      ['review', '2021-12-01', null, null],
      ['suit_direct', '2021-06-01', '2021-09-01', 'other'],
      ['suit_after_review', '2020-06-01', '2021-02-01', 'upheld'],
    ];
    for (const [grp, filed_on, decided_on, result] of cases)
      await use()
        .kysely.insertInto('review_cases')
        .values({ agency_id: agency.id, grp, request_id: null, filed_on, decided_on, result })
        .execute();
    const report = await buildAnnualReport(use(), 'lingang', 2021);
    if (!report) throw new Error('no report');
    expect([report.cells['t4.review.pending'], report.cells['t4.review.total']]).toEqual([2, 3]);
    for (const code of CELL_CODES.filter((c) => c.startsWith('t4.'))) {
      const source = cellSource(code);
      if (source?.kind !== 'reviews') throw new Error(code);
      const { total } = await cellRecords(use(), agency, 2021, source, { offset: 0, limit: 1 });
      expect([code, total]).toEqual([code, report.cells[code]]);
    }
  });

  it('lists a page of requests with their outcome, applicant column and a link', async () => {
    const res = await send(
      app,
      'GET',
      `${REPORTS}/2021/cells/t3.new.total/records?limit=4&offset=2`,
      OPERATOR,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      cell: 't3.new.total',
      source: 'records',
      value: 6,
      total: 6,
      offset: 2,
      limit: 4,
    });
    expect(body.records).toHaveLength(4);
    expect(body.records[0]).toMatchObject({
      type: 'request',
      fields: { applicantType: expect.any(String), receivedOn: expect.stringMatching(/^2021-/) },
      link: expect.stringMatching(/^\/api\/v1\/agencies\/lingang\/requests\/\d+$/),
    });
  });

  it('says a cell of the yearly figures has no records', async () => {
    const res = await send(app, 'GET', `${REPORTS}/2021/cells/t2.fees.amount_wan/records`, OPERATOR);
    expect(res.json()).toMatchObject({ source: 'figures', value: '706', total: 0, records: [] });
    expect(res.json().note).toContain('年度数据');
  });

  it('answers 404 for a code that is not a cell (in Chinese, no code in it), and 401 without a user', async () => {
    const res = await send(app, 'GET', `${REPORTS}/2021/cells/t3.nosuch.total/records`, OPERATOR);
    expect([res.statusCode, res.json().error.message]).toEqual([
      404,
      '报告中没有这一单元格，请在报告表格中点击要查看的数字。',
    ]);
    expect((await send(app, 'GET', `${REPORTS}/2021/cells/t3.new.total/records`, {})).statusCode).toBe(401);
  });
});
