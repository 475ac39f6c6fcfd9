import { describe, expect, it } from 'vitest';
import { buildAnnualReport } from '../src/commands/build-annual-report.ts';
import { importRecords } from '../src/commands/import-records.ts';
import { testContext } from '../src/commands/testing-context.ts';
import type { Db } from '../src/db/connection.ts';
import { describeEachDatabase } from './databases.ts';

async function* lines(records: Array<Record<string, unknown> | string>): AsyncGenerator<string> {
  for (const r of records) yield typeof r === 'string' ? r : JSON.stringify(r);
}

const agency = (code: string) => ({ type: 'agency', code, name: `测试机关${code}`, kind: 'department' });
const request = (
  code: string,
  received: string,
  decided: string | null,
  outcome: string | null,
  extra = {},
) => ({
  type: 'request',
  agency: code,
  applicant_type: 'business',
  channel: 'online',
  received,
  decided,
  outcome,
  ...extra,
});

async function run(db: Db, records: Array<Record<string, unknown> | string>) {
  return importRecords(testContext(db, { actor: { username: 'test' } }), {
    lines: lines(records),
    source: 'test.jsonl',
  });
}

async function count(db: Db, table: 'agencies' | 'requests' | 'publications' | 'events'): Promise<number> {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('gongkai import', (use) => {
  it('sets the review body, court and complaint channel from the agency line, and keeps them when a line leaves them out (复议法 第二十三条第二款)', async () => {
    const remedies = {
      review_body: '威海市人民政府',
      court: '威海市环翠区人民法院',
      complaint_channel: '威海市人民政府办公室',
    };
    expect((await run(use(), [{ ...agency('imp-rm'), ...remedies }])).ok).toBe(true);
    expect((await run(use(), [agency('imp-rm')])).ok).toBe(true);
    const row = await use()
      .kysely.selectFrom('agencies')
      .select(['review_body', 'court', 'complaint_channel'])
      .where('code', '=', 'imp-rm')
      .executeTakeFirstOrThrow();
    expect(row).toEqual(remedies);
  });

  it('条例第二十九条第一款: imports an oral application (channel oral) and counts it in the draft narrative', async () => {
    const result = await run(use(), [
      agency('imp-oral'),
      request('imp-oral', '2021-03-04', '2021-03-20', 'granted', {
        channel: 'oral',
        applicant_type: 'natural_person',
      }),
    ]);
    expect(result.ok).toBe(true);
    const row = await use()
      .kysely.selectFrom('requests')
      .innerJoin('agencies', 'agencies.id', 'requests.agency_id')
      .select('requests.channel')
      .where('agencies.code', '=', 'imp-oral')
      .executeTakeFirstOrThrow();
    expect(row.channel).toBe('oral');
    const report = await buildAnnualReport(use(), 'imp-oral', 2021);
    expect(JSON.stringify(report?.narrative)).toContain('口头提出申请1件');
  });

  it('keeps the agency tree a tree: no agency below itself, none under a retired one (docs/agencies.md)', async () => {
    const under = (code: string, parent: string) => ({ ...agency(code), parent });
    expect((await run(use(), [agency('imp-top'), under('imp-mid', 'imp-top')])).ok).toBe(true);
    const loop = await run(use(), [under('imp-top', 'imp-mid')]);
    expect(loop.ok).toBe(false);
    expect(loop.problems[0]).toMatchObject({ line: 1, reason: expect.stringContaining('会形成循环') });
    await use()
      .kysely.updateTable('agencies')
      .set({ retired_on: '2026-01-01' })
      .where('code', '=', 'imp-mid')
      .execute();
    const retired = await run(use(), [under('imp-low', 'imp-mid')]);
    expect(retired.problems[0]?.reason).toContain('已于 2026-01-01 撤销');
    expect((await run(use(), [under('imp-mid', 'imp-top')])).ok).toBe(true);
  });

  describe('rejects a whole file for one bad line, naming the line and the field', () => {
    it.each([
      ['a bad date', request('imp-a', '2021-02-30', null, null), 'received'],
      ['an unknown outcome', request('imp-a', '2021-02-01', '2021-02-10', 'granted_all'), 'outcome'],
      ['an unknown agency', request('nowhere', '2021-02-01', null, null), '机关代码“nowhere”不存在'],
      ['a decision without an outcome', request('imp-a', '2021-02-01', '2021-02-10', null), 'outcome'],
      ['a line that is not JSON', '{"type": "request",', 'JSON'],
    ])('%s in the middle of a good file', async (_situation, bad, mentions) => {
      const before = await count(use(), 'requests');
      const result = await run(use(), [
        agency('imp-a'),
        request('imp-a', '2021-01-04', '2021-01-20', 'granted'),
        bad,
        request('imp-a', '2021-03-04', null, null),
      ]);
      expect(result.ok).toBe(false);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0].line).toBe(3);
      expect(result.problems[0].reason).toContain(mentions);
      expect(await count(use(), 'requests')).toBe(before);
      const written = await use()
        .kysely.selectFrom('agencies')
        .select('id')
        .where('code', '=', 'imp-a')
        .execute();
      expect(written).toEqual([]);
    });
  });

  describe('admin_figures: the 2019 format’s own figures (reports on 2019 and 2020)', () => {
    const figures = (code: string, year: number, extra = {}) => ({
      type: 'admin_figures',
      agency: code,
      year,
      license: 120,
      penalty: 30,
      enforcement: 4,
      fees_wan: '1.5',
      ...extra,
    });

    it('takes them for 2020, fills their cells, and leaves an unstated one empty', async () => {
      const result = await run(use(), [
        agency('imp-f'),
        figures('imp-f', 2020, {
          license_items_prev: 56,
          license_items_change: -3,
          procurement_projects: 2,
          procurement_amount_yuan: 184719,
        }),
      ]);
      expect(result.problems).toEqual([]);
      const report = await buildAnnualReport(use(), 'imp-f', 2020);
      expect(report?.format).toBe('2019');
      expect(report?.cells['t2.license.decisions']).toBe(120);
      expect(report?.cells['t2.license.items_prev']).toBe(56);
      expect(report?.cells['t2.license.items_change']).toBe(-3);
      expect(report?.cells['t2.procurement.projects']).toBe(2);
      expect(report?.cells['t2.procurement.amount_yuan']).toBe('184719');
      expect(report?.cells['t2.penalty.items_prev']).toBeUndefined();
    });

    it.each([
      ['to the 分, as a real report prints it', 'imp-w1', '24252.311082', 24_252_311_082],
      ['with trailing zeros, printed as written', 'imp-w2', '0.350000', 350_000],
    ])('takes fees_wan %s (“%s”)', async (_situation, code, feesWan, fen) => {
      const result = await run(use(), [agency(code), figures(code, 2021, { fees_wan: feesWan })]);
      expect(result.problems).toEqual([]);
      const report = await buildAnnualReport(use(), code, 2021);
      expect(report?.cells['t2.fees.amount_wan']).toBe(feesWan);
      expect(report?.violations.filter((v) => v.code === 'R6')).toEqual([]);
      const row = await use()
        .kysely.selectFrom('admin_figures')
        .innerJoin('agencies', 'agencies.id', 'admin_figures.agency_id')
        .select(['fees_fen', 'fees_wan_text'])
        .where('agencies.code', '=', code)
        .executeTakeFirstOrThrow();
      expect([Number(row.fees_fen), row.fees_wan_text]).toEqual([fen, feesWan]);
    });

    it('refuses them for 2021 (the 2021 format has no such cell), naming the field, and writes nothing', async () => {
      const result = await run(use(), [agency('imp-g'), figures('imp-g', 2021, { procurement_projects: 2 })]);
      expect(result.ok).toBe(false);
      expect(result.problems[0].line).toBe(2);
      expect(result.problems[0].reason).toContain('字段 procurement_projects（政府集中采购 采购项目数量）');
      expect(result.problems[0].reason).toContain('2021 年度报告');
      const written = await use()
        .kysely.selectFrom('agencies')
        .select('id')
        .where('code', '=', 'imp-g')
        .execute();
      expect(written).toEqual([]);
    });

    it('refuses a negative 上一年项目数量, naming the field in the words of the format', async () => {
      const result = await run(use(), [agency('imp-h'), figures('imp-h', 2020, { fees_items_prev: -1 })]);
      expect(result.problems[0].reason).toContain(
        '字段 fees_items_prev（行政事业性收费 上一年项目数量）的值“-1”',
      );
    });
  });

  describe('report_deadline: the deadline an agency outside 条例 第四十九条 sets itself (R10)', () => {
    const township = (extra = {}) => ({
      type: 'agency',
      code: 'imp-town',
      name: '某某镇人民政府',
      kind: 'township',
      ...extra,
    });
    const r10 = async () => {
      const report = await buildAnnualReport(use(), 'imp-town', 2021, { today: '2022-04-15' });
      return (report?.violations ?? [])
        .filter((v) => v.code === 'R10' && v.message.includes('期限'))
        .map((v) => [v.severity, v.message]);
    };

    it('without it, R10 says the agency has none and how to set it', async () => {
      expect((await run(use(), [township()])).ok).toBe(true);
      expect(await r10()).toEqual([['warning', expect.stringContaining('尚未设定年度报告的发布期限')]]);
    });

    it('with it, R10 counts from it and does not cite 第四十九条; an update without it keeps it', async () => {
      expect((await run(use(), [township({ report_deadline: '03-31' })])).ok).toBe(true);
      expect(await r10()).toEqual([
        ['error', expect.stringContaining('已超过本机关设定的发布期限2022-03-31')],
      ]);
      expect((await run(use(), [township({ phone: '0631-1234567' })])).ok).toBe(true);
      const row = await use()
        .kysely.selectFrom('agencies')
        .select('report_deadline')
        .where('code', '=', 'imp-town')
        .executeTakeFirstOrThrow();
      expect(row.report_deadline).toBe('03-31');
    });

    it('refuses a deadline that is not 月-日, naming the field, and writes nothing', async () => {
      const result = await run(use(), [township({ code: 'imp-town2', report_deadline: '3月31日' })]);
      expect(result.ok).toBe(false);
      expect(result.problems[0].reason).toContain('report_deadline（年度报告发布期限）应为“月-日”');
      const written = await use()
        .kysely.selectFrom('agencies')
        .select('id')
        .where('code', '=', 'imp-town2')
        .execute();
      expect(written).toEqual([]);
    });
  });

  it('lists every bad line of a file, not only the first', async () => {
    const result = await run(use(), [
      agency('imp-b'),
      request('imp-b', '2021-13-01', null, null),
      request('imp-b', '2021-01-01', null, null),
      { type: 'meeting' },
    ]);
    expect(result.problems.map((p) => p.line)).toEqual([2, 4]);
  });

  it('attributes a request received on 12-30 and decided on 01-05 to both years', async () => {
    const result = await run(use(), [
      agency('imp-c'),
      request('imp-c', '2021-12-30', '2022-01-05', 'granted', { ref: 'r1' }),
      {
        type: 'review_case',
        agency: 'imp-c',
        group: 'review',
        request: 'r1',
        filed: '2022-02-01',
        decided: null,
        result: null,
      },
    ]);
    expect(result.problems).toEqual([]);
    const y2021 = await buildAnnualReport(use(), 'imp-c', 2021);
    const y2022 = await buildAnnualReport(use(), 'imp-c', 2022);
    expect(y2021?.cells['t3.new.business']).toBe(1);
    expect(y2021?.cells['t3.carried_out.business']).toBe(1);
    expect(y2021?.cells['t3.total.business']).toBe(0);
    expect(y2022?.cells['t3.carried_in.business']).toBe(1);
    expect(y2022?.cells['t3.granted.business']).toBe(1);
    expect(y2022?.cells['t3.new.business']).toBe(0);
    expect(y2022?.cells['t4.review.pending']).toBe(1);
    expect(y2022?.violations.filter((v) => v.code === 'R1' || v.code === 'R7')).toEqual([]);
  });

  it('writes an event saying who imported what', async () => {
    const before = await count(use(), 'events');
    const result = await run(use(), [agency('imp-d'), request('imp-d', '2021-05-05', null, null)]);
    expect(result.ok).toBe(true);
    expect(await count(use(), 'events')).toBe(before + 1);
    const event = await use()
      .kysely.selectFrom('events')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(event.name).toBe('records.imported');
    expect(event.actor).toBe('test');
    expect(JSON.parse(event.data).counts).toEqual({ agency: 1, request: 1 });
  });

  it('links an interpretation to its policy document, even when it comes first', async () => {
    const pub = (extra: Record<string, unknown>) => ({
      type: 'publication',
      agency: 'imp-e',
      title: '关于促进就业的实施意见',
      category: 'a20.1',
      channel: 'website',
      formed: '2021-03-01',
      published: '2021-03-05',
      ...extra,
    });
    const result = await run(use(), [
      agency('imp-e'),
      pub({ ref: 'i1', interpretation: true, interprets: 'p1', title: '政策解读' }),
      pub({ ref: 'p1', policy_document: true }),
    ]);
    expect(result.problems).toEqual([]);
    const rows = await use()
      .kysely.selectFrom('publications')
      .select(['id', 'ref', 'interprets_id'])
      .where('ref', 'in', ['i1', 'p1'])
      .execute();
    const policy = rows.find((r) => r.ref === 'p1');
    expect(rows.find((r) => r.ref === 'i1')?.interprets_id).toBe(policy?.id);
  });

  it('names the line of a duplicate ref, and counts nothing of a rejected file', async () => {
    const result = await run(use(), [
      agency('imp-g'),
      request('imp-g', '2021-01-04', null, null, { ref: 'dup' }),
      request('imp-g', '2021-01-05', null, null, { ref: 'dup' }),
    ]);
    expect(result.problems).toEqual([{ line: 3, reason: expect.stringContaining('第2行') }]);
    expect(result.counts).toEqual({});
  });

  it('refuses a channel the agency does not have', async () => {
    const result = await run(use(), [
      agency('imp-f'),
      {
        type: 'publication',
        agency: 'imp-f',
        title: 't',
        category: 'a20.2',
        channel: 'tiktok',
        formed: '2021-01-01',
        published: '2021-01-02',
      },
    ]);
    expect(result.problems[0].reason).toContain('channel');
  });
});
