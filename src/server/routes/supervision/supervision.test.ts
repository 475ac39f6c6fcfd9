import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import type { SupervisionOverview } from '../../../contract/supervision.ts';
import { signInAs } from '../../testing.ts';
import { PASSWORD, supervisionProvince, URL } from './supervision-testing.ts';

/** The supervisor's 工作台: its rows and figures, who may read it, the supervisor role, 督办 (supervision-testing.ts: the province). */
describeEachWithDemo('the supervisor’s 工作台 (GET …/supervision)', (use) => {
  const province = supervisionProvince(use);
  const { headers } = province;
  let app: FastifyInstance;
  beforeAll(() => {
    app = province.app();
  });

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

  it('says a bad year in Chinese', async () => {
    const res = await app.inject({
      url: '/api/v1/agencies/city/supervision?year=1999',
      headers: headers.root,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('年度应为');
  });
});
