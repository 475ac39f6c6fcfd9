import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import { registerRequest } from '../../../commands/requests/register-request.ts';
import { testContext } from '../../../commands/testing-context.ts';
import type { SupervisionOverview } from '../../../contract/supervision.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'supervise-2026';
const URL = '/api/v1/agencies/city/supervision?year=2021';

/**
 * The demo agency (lingang, its 2021 published) under a city, beside a district with one request
 * overdue; a sibling city with its own supervisor. The 工作台's figures of lingang are the published
 * report's cells: the same records, counted by another path.
 */
describeEachWithDemo('the supervisor’s 工作台 (GET …/supervision)', (use) => {
  let app: FastifyInstance;
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    const db = use();
    const city = await addAgency(db, 'city', '某市人民政府办公室');
    await db.kysely.updateTable('agencies').set({ parent_id: city }).where('code', '=', 'lingang').execute();
    const district = await addAgency(db, 'city-district', '某区人民政府办公室', city);
    await db.kysely
      .insertInto('requests')
      .values({
        ...{
          agency_id: district,
          applicant_type: 'natural_person',
          channel: 'online',
          received_on: '2021-12-01',
        },
        ...{ state: 'open', due_on: '2021-12-29', mixed_items: 0, fee_fen: 0, kind: 'disclosure' },
      })
      .execute();
    const sibling = await addAgency(db, 'sibling', '邻市人民政府办公室');
    await addUser(db, { username: 'city-sup', password: PASSWORD, agencyId: city, roles: ['supervisor'] });
    await addUser(db, {
      username: 'sibling-sup',
      password: PASSWORD,
      agencyId: sibling,
      roles: ['supervisor'],
    });
    await addUser(db, {
      username: 'city-staff',
      password: PASSWORD,
      agencyId: city,
      roles: ['agency_admin'],
    });
    await addUser(db, { username: 'root', password: PASSWORD, platformAdmin: true });
    app = await buildServer({ db, now: () => new Date('2022-04-15T02:00:00Z') });
    await app.ready();
    for (const who of ['city-sup', 'sibling-sup', 'city-staff', 'root'])
      headers[who] = (await signInAs(app, who, PASSWORD)).headers;
  });
  afterAll(() => app?.close());

  it('shows the subtree in tree order, each agency with its own figures and its subtree’s', async () => {
    const res = await app.inject({ url: URL, headers: headers['city-sup'] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as SupervisionOverview;
    expect(body.agencies.map((a) => [a.code, a.depth, a.parentCode])).toEqual([
      ['city', 0, null],
      ['city-district', 1, 'city'],
      ['lingang', 1, 'city'],
    ]);
    const [city, district, lingang] = body.agencies;
    const report = await app.inject({ url: '/api/v1/public/agencies/lingang/reports/2021' });
    expect(report.statusCode, report.body).toBe(200);
    const cells = report.json().report.cells as Record<string, number>;
    expect(lingang.report).toMatchObject({ status: 'published', statusLabel: '已发布', version: 1 });
    expect(lingang.own.received).toBe(cells['t3.new.total']);
    expect(lingang.own.outcomes.granted).toBe(cells['t3.granted.total']);
    expect(lingang.own.outcomes.partial).toBe(cells['t3.partial.total']);
    expect(lingang.own.reviews.filed).toBe(cells['t4.review.total']);
    expect(lingang.own.reviews.corrected).toBe(cells['t4.review.corrected']);
    expect(lingang.own.medianWorkingDays).toBeGreaterThan(0);
    expect(lingang.own.medianWorkingDays).toBeLessThanOrEqual(40);
    expect(lingang.own.published).toBeGreaterThan(0);
    expect(district.own).toMatchObject({
      received: 1,
      open: 1,
      overdue: 1,
      decided: 0,
      medianWorkingDays: null,
    });
    expect(district.report.status).toBe('overdue');
    // the city: its own nothing, its subtree everything below it
    expect(city.own.received).toBe(0);
    expect(city.subtree.agencies).toBe(3);
    expect(city.subtree.received).toBe(lingang.own.received + 1);
    expect(city.subtree.overdue).toBe(lingang.own.overdue + 1);
    expect(city.subtree.published).toBe(lingang.own.published);
    expect(city.subtree.reports).toEqual({ none: 0, draft: 0, published: 1, overdue: 2 });
    expect(city.subtree.medianWorkingDays).toBe(lingang.own.medianWorkingDays);
  });

  it('rolls up each agency’s latest 网站自查 and its 督办 not closed', async () => {
    const db = use();
    const district = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'city-district')
      .executeTakeFirstOrThrow();
    const row = (day: string, indicator: string, state: string) => ({
      ...{ agency_id: district.id, day, indicator, value: 20, threshold: 14, state },
      ...{ details: '{}', run_at: `${day}T01:00:00Z` },
    });
    await db.kysely
      .insertInto('inspection_results')
      .values([
        row('2022-04-10', 'home.stale', 'ok'),
        row('2022-04-14', 'home.stale', 'failed'),
        row('2022-04-14', 'columns.blank', 'alarm'),
      ])
      .execute();
    const body = (await app.inject({ url: URL, headers: headers['city-sup'] })).json() as SupervisionOverview;
    const byCode = new Map(body.agencies.map((a) => [a.code, a]));
    expect(byCode.get('city-district')?.inspection).toEqual({
      day: '2022-04-14',
      vetoes: 1,
      alarms: 1,
      failingBelow: 1,
    });
    expect(byCode.get('lingang')?.inspection).toMatchObject({ day: null, vetoes: 0, failingBelow: 0 });
    expect(byCode.get('city')?.inspection.failingBelow).toBe(1);
    expect(byCode.get('city')?.reminders.openBelow).toBe(byCode.get('lingang')?.reminders.open);
  });

  it.each([
    ['a supervisor over the city', 'city-sup', 200],
    ['a platform administrator', 'root', 200],
    ['a supervisor of another city', 'sibling-sup', 403],
    ['the city’s own staff (no supervisor role)', 'city-staff', 403],
  ])('%s → %s', async (_who, username, status) => {
    const res = await app.inject({ url: URL, headers: headers[username] });
    expect(res.statusCode, res.body).toBe(status);
  });

  it('lets a supervisor read the agencies below, never write there; another subtree’s supervisor reads nothing', async () => {
    const reads = [
      '/api/v1/agencies/lingang/requests',
      '/api/v1/agencies/lingang/reports',
      '/api/v1/agencies/lingang/items',
    ];
    for (const url of reads) {
      expect((await app.inject({ url, headers: headers['city-sup'] })).statusCode, url).toBe(200);
      expect((await app.inject({ url, headers: headers['sibling-sup'] })).statusCode, url).toBe(403);
    }
    const hidden = await app.inject({ url: '/api/v1/agencies/lingang/users', headers: headers['city-sup'] });
    expect(hidden.statusCode).toBe(403);
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies/lingang/items',
      headers: headers['city-sup'],
      payload: { title: '督查' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('has the supervisor role granted by a platform administrator only', async () => {
    const url = '/api/v1/agencies/city/users/city-staff/roles/supervisor';
    const byAdmin = await app.inject({ method: 'PUT', url, headers: headers['city-staff'] });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().error.message).toContain('只能由平台管理员授予或撤销');
    const byRoot = await app.inject({ method: 'PUT', url, headers: headers.root });
    expect(byRoot.statusCode, byRoot.body).toBe(200);
    const staff = (await signInAs(app, 'city-staff', PASSWORD)).headers;
    expect((await app.inject({ url: URL, headers: staff })).statusCode).toBe(200);
    const revoked = await app.inject({ method: 'DELETE', url, headers: headers.root });
    expect(revoked.statusCode).toBe(200);
    expect((await app.inject({ url: URL, headers: staff })).statusCode).toBe(403);
  });

  it('督办: a supervisor sends a reminder, the agency answers it, the supervisor closes it; each an event', async () => {
    const operator = (await signInAs(app, 'lingang-operator', 'demo-operator-2021')).headers;
    const base = '/api/v1/agencies/lingang/reminders';
    const body = {
      subject: 'report',
      subjectLabel: '2021年度报告',
      message: '请核对表三的合计。',
      dueOn: '2022-04-30',
    };
    const bad = await app.inject({
      method: 'POST',
      url: base,
      headers: headers['city-sup'],
      payload: { ...body, dueOn: '2022-04-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('办理期限不能早于今天');
    for (const who of ['sibling-sup', 'root'])
      expect(
        (await app.inject({ method: 'POST', url: base, headers: headers[who], payload: body })).statusCode,
        who,
      ).toBe(403);
    expect(
      (await app.inject({ method: 'POST', url: base, headers: operator, payload: body })).statusCode,
    ).toBe(403);
    const sent = await app.inject({ method: 'POST', url: base, headers: headers['city-sup'], payload: body });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as number;
    const seen = await app.inject({ url: base, headers: operator });
    expect(seen.json().reminders[0]).toMatchObject({
      id,
      state: 'open',
      stateLabel: '待答复',
      from: { code: 'city' },
      overdue: false,
    });
    const early = await app.inject({
      method: 'POST',
      url: `${base}/${id}/close`,
      headers: headers['city-sup'],
      payload: { expectedVersion: 1 },
    });
    expect(early.statusCode).toBe(409);
    const empty = await app.inject({
      method: 'POST',
      url: `${base}/${id}/answer`,
      headers: operator,
      payload: { expectedVersion: 1, text: ' ' },
    });
    expect(empty.json().error.message).toContain('请填写答复内容');
    const answered = await app.inject({
      method: 'POST',
      url: `${base}/${id}/answer`,
      headers: operator,
      payload: { expectedVersion: 1, text: '已核对并更正。' },
    });
    expect(answered.json()).toEqual({ state: 'answered', version: 2 });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `${base}/${id}/close`,
          headers: operator,
          payload: { expectedVersion: 2 },
        })
      ).statusCode,
    ).toBe(403);
    const closed = await app.inject({
      method: 'POST',
      url: `${base}/${id}/close`,
      headers: headers['city-sup'],
      payload: { expectedVersion: 2 },
    });
    expect(closed.json()).toEqual({ state: 'closed', version: 3 });
    const all = await app.inject({
      url: '/api/v1/agencies/city/supervision/reminders',
      headers: headers['city-sup'],
    });
    expect(all.json().reminders.map((r: { id: number; answer: string }) => [r.id, r.answer])).toEqual([
      [id, '已核对并更正。'],
    ]);
    const events = await use()
      .kysely.selectFrom('events')
      .select('name')
      .where('subject_type', '=', 'reminder')
      .where('subject_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.name)).toEqual([
      'supervision.reminder_sent',
      'supervision.reminder_answered',
      'supervision.reminder_closed',
    ]);
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

  it('says a bad year in Chinese', async () => {
    const res = await app.inject({
      url: '/api/v1/agencies/city/supervision?year=1999',
      headers: headers.root,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('年度应为');
  });
});
