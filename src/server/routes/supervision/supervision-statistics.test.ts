import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import { registerRequest } from '../../../commands/requests/register-request.ts';
import { testContext } from '../../../commands/testing-context.ts';
import type { SupervisionOverview } from '../../../contract/supervision.ts';
import { supervisionProvince, URL } from './supervision-testing.ts';

/** A region's consolidated statistics, the trends and the counts kept ahead (supervision-testing.ts: the province). */
describeEachWithDemo('the supervisor’s statistics, trends and counts kept ahead', (use) => {
  const province = supervisionProvince(use);
  const { headers } = province;
  let app: FastifyInstance;
  beforeAll(() => {
    app = province.app();
  });

  it('consolidates the region’s report tables: each cell the sum of the agencies’, checked by R1–R8; JSON and CSV', async () => {
    const url = '/api/v1/agencies/city/supervision/statistics';
    const res = await app.inject({ url: `${url}.json?year=2021`, headers: headers['city-sup'] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const lingang = (await app.inject({ url: '/api/v1/public/agencies/lingang/reports/2021' })).json().report
      .cells;
    expect(body).toMatchObject({ agency: 'city', year: 2021, format: '2021', agencies: 3, unread: [] });
    // the district's one request of December 2021 is added to lingang's
    expect(body.cells['t3.new.total']).toBe(lingang['t3.new.total'] + 1);
    expect(body.cells['t3.new.natural_person']).toBe(lingang['t3.new.natural_person'] + 1);
    expect(body.cells['t2.normative.valid']).toBe(lingang['t2.normative.valid']);
    expect(body.cells['t2.fees.amount_wan']).toBe(lingang['t2.fees.amount_wan']);
    expect(Array.isArray(body.violations)).toBe(true);
    const csv = await app.inject({ url: `${url}.csv?year=2021`, headers: headers['city-sup'] });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('cell,label,value');
    expect(
      lines.find((l) => l.startsWith('t3.new.total,'))?.endsWith(`,${lingang['t3.new.total'] + 1}`),
    ).toBe(true);
    expect(
      (await app.inject({ url: `${url}.json?year=2021`, headers: headers['sibling-sup'] })).statusCode,
    ).toBe(403);
  });

  it('exports the region’s statistics as XLSX: the three tables as printed, every cell by code, the findings', async () => {
    const url = '/api/v1/agencies/city/supervision/statistics';
    const json = (await app.inject({ url: `${url}.json?year=2021`, headers: headers['city-sup'] })).json();
    const res = await app.inject({ url: `${url}.xlsx?year=2021`, headers: headers['city-sup'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toContain('statistics-city-2021.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([res.rawPayload]));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '按单元格代码',
      '表内校验',
    ]);
    const t3 = workbook.worksheets[1];
    expect(String(t3?.getCell(1, 1).value)).toMatch(
      /^市 .*2021年政府信息公开工作统计（含下级2个机关汇总）$|2021年政府信息公开工作统计（含下级2个机关汇总）$/,
    );
    // 表三's total of new requests, where the printed table has it: the last data column of its row
    const values: unknown[] = [];
    t3?.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(json.cells['t3.new.total']);
    expect(t3?.model.merges.length).toBeGreaterThan(5);
    const byCode = workbook.getWorksheet('按单元格代码');
    const rows: Record<string, unknown> = {};
    byCode?.eachRow((row, n) => {
      if (n > 1) rows[String(row.getCell(1).value)] = row.getCell(3).value;
    });
    expect(Object.keys(rows)).toHaveLength(Object.keys(json.cells).length);
    expect(rows['t3.new.total']).toBe(json.cells['t3.new.total']);
    // amounts print as stored (text unless a whole number)
    expect(String(rows['t2.fees.amount_wan'])).toBe(String(json.cells['t2.fees.amount_wan']));
    const checks = workbook.getWorksheet('表内校验');
    expect(checks?.rowCount).toBe(1 + Math.max(1, json.violations.length));
    expect(
      (await app.inject({ url: `${url}.xlsx?year=2021`, headers: headers['sibling-sup'] })).statusCode,
    ).toBe(403);
    const bad = await app.inject({ url: `${url}.xlsx?year=1999`, headers: headers['city-sup'] });
    expect([bad.statusCode, bad.json().error.message]).toEqual([400, expect.stringContaining('年度应为')]);
  });

  it('draws the subtree’s trends year over year: each year’s figures as in that year’s 工作台, and their charts as SVG', async () => {
    const url = '/api/v1/agencies/city/supervision/trends';
    const res = await app.inject({ url: `${url}?to=2022&years=3`, headers: headers['city-sup'] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2020, 2021, 2022]);
    const y2021 = (
      await app.inject({ url: '/api/v1/agencies/city/supervision?year=2021', headers: headers['city-sup'] })
    ).json().agencies[0].subtree;
    expect(body.years[1]).toMatchObject({
      received: y2021.received,
      decided: y2021.decided,
      published: y2021.published,
      medianWorkingDays: y2021.medianWorkingDays,
      timelyRate: Math.round(y2021.timelyRate * 1000) / 10,
      reports: y2021.reports,
    });
    expect(body.charts.map((c: { key: string }) => c.key)).toEqual([
      'requests',
      'answer-days',
      'publications',
      'rates',
      'reports',
    ]);
    const requests = body.charts[0].svg as string;
    expect(requests).toMatch(/^<svg\b/);
    expect(requests).not.toContain('<script');
    expect(requests).toContain(`收到申请2020年${body.years[0].received}件、2021年${y2021.received}件`);
    expect(requests).toContain('2022年');
    // 5 years by default, ending this year (2022 by the test's clock)
    const byDefault = (await app.inject({ url, headers: headers['city-sup'] })).json();
    expect(byDefault.years.map((y: { year: number }) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect((await app.inject({ url, headers: headers['sibling-sup'] })).statusCode).toBe(403);
    expect((await app.inject({ url, headers: headers['city-staff'] })).statusCode).toBe(403);
    const bad = await app.inject({ url: `${url}?years=30`, headers: headers['city-sup'] });
    expect([bad.statusCode, bad.json().error.message]).toEqual([
      400,
      expect.stringContaining('年数应为1到10之间的整数'),
    ]);
  });

  it('keeps its counts ahead and counts again what changed: a request registered shows at once', async () => {
    const read = async () => {
      const res = await app.inject({ url: URL, headers: headers['city-sup'] });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as SupervisionOverview;
    };
    const stats = async () =>
      (
        await app.inject({
          url: '/api/v1/agencies/city/supervision/statistics.json?year=2021',
          headers: headers['city-sup'],
        })
      ).json();
    const before = await read();
    const cellsBefore = await stats();
    // every change is in up to the server's now, nothing waits for a recount
    expect(before).toMatchObject({ countedUpTo: '2022-04-15T02:00:00.000Z', pending: 0 });
    expect(cellsBefore).toMatchObject({ countedUpTo: '2022-04-15T02:00:00.000Z', pending: 0 });
    const db = use();
    const district = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'city-district')
      .executeTakeFirstOrThrow();
    await registerRequest(testContext(db, { now: '2021-12-20' }), {
      agencyId: district.id,
      channel: 'letter',
      applicantType: 'natural_person',
      receivedOn: '2021-12-20',
      applicant: {
        name: '李四',
        idType: 'resident_id',
        idNumber: '11010519491231002X',
        phone: '13800138000',
        address: '某区测试路2号',
        information: '2021年某区道路维修经费',
        form: 'paper',
        delivery: 'post',
      },
    });
    const after = await read();
    const row = (o: SupervisionOverview, code: string) => o.agencies.find((a) => a.code === code);
    expect(row(after, 'city-district')?.own.received).toBe(
      (row(before, 'city-district')?.own.received ?? 0) + 1,
    );
    expect(row(after, 'city-district')?.own.open).toBe((row(before, 'city-district')?.own.open ?? 0) + 1);
    expect(row(after, 'city')?.subtree.received).toBe((row(before, 'city')?.subtree.received ?? 0) + 1);
    expect(row(after, 'lingang')?.own).toEqual(row(before, 'lingang')?.own);
    expect((await stats()).cells['t3.new.total']).toBe(cellsBefore.cells['t3.new.total'] + 1);
  });
});
