import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { loadCalendar } from '../../../calendar/load-calendar.ts';
import type { WorkCalendar } from '../../../domain/calendar/types.ts';
import { buildServer } from '../../app.ts';
import { workingDaysUntil } from './dashboard.ts';

const OPERATOR = { 'x-gongkai-user': 'op' };
const TODAY = '2026-11-26'; // a Thursday; the week ends on Sunday 29 November
const BASE = '/api/v1/agencies/a';

function residentId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

const applicant = {
  name: '张三',
  idType: 'resident_id',
  idNumber: residentId('37100219800101123'),
  phone: '13800000000',
  address: '山东省威海市环翠区某路1号',
  information: '某年度财政预算执行情况',
  form: 'paper',
  delivery: 'post',
};

const day = (offset: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase('GET /api/v1/agencies/:code/dashboard', (use) => {
  let app: FastifyInstance;
  let calendar: WorkCalendar;
  const registered: Array<{ requestId: number; dueOn: string; version: number }> = [];

  beforeAll(async () => {
    const db = use();
    const created_at = '2026-01-01T00:00:00Z';
    const agency = await db.kysely
      .insertInto('agencies')
      .values({
        ...{ code: 'a', name: '某区人民政府办公室', short_name: '某区', parent_id: null, kind: 'government' },
        ...{ address: '', postcode: '', phone: '', website: '', website_name: '', office: '', created_at },
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await db.kysely
      .insertInto('users')
      .values({ username: 'op', display_name: '经办人', created_at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('user_roles')
      .values({ user_id: user.id, agency_id: agency.id, role: 'operator' })
      .execute();
    app = await buildServer({ db, now: () => new Date(`${TODAY}T02:00:00Z`), trustUserHeader: true });
    await app.ready();
    calendar = await loadCalendar(db);
    for (let offset = -40; offset <= 0; offset += 2) {
      const res = await app.inject({
        method: 'POST',
        url: `${BASE}/requests`,
        headers: OPERATOR,
        payload: { channel: 'letter', applicantType: 'natural_person', applicant, receivedOn: day(offset) },
      });
      expect(res.statusCode, res.body).toBe(201);
      registered.push(res.json());
    }
  });
  afterAll(() => app.close());

  const dashboard = async () => {
    const res = await app.inject({ url: `${BASE}/dashboard?limit=50`, headers: OPERATOR });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      today: string;
      weekEnd: string;
      lists: Array<{
        key: string;
        label: string;
        count: number;
        cases: Array<{ id: number; counterDate: string; workingDaysLeft: number }>;
      }>;
    };
  };

  it('puts each open case in overdue, due today or due this week by its due date, with working days left', async () => {
    const view = await dashboard();
    expect(view).toMatchObject({ today: TODAY, weekEnd: '2026-11-29' });
    const list = (key: string) => view.lists.find((l) => l.key === key);
    const expected = {
      overdue: registered.filter((r) => r.dueOn < TODAY),
      due_today: registered.filter((r) => r.dueOn === TODAY),
      due_this_week: registered.filter((r) => r.dueOn > TODAY && r.dueOn <= '2026-11-29'),
    };
    expect(expected.overdue.length).toBeGreaterThan(0);
    for (const [key, cases] of Object.entries(expected)) {
      expect(list(key)?.count, key).toBe(cases.length);
      expect(
        list(key)
          ?.cases.map((c) => c.id)
          .sort(),
      ).toEqual(cases.map((c) => c.requestId).sort());
      for (const c of list(key)?.cases ?? [])
        expect(c.workingDaysLeft).toBe(workingDaysUntil(calendar, TODAY, c.counterDate));
    }
    for (const c of list('overdue')?.cases ?? []) expect(c.workingDaysLeft).toBeLessThan(0);
    expect(list('due_today')?.label).toBe('今日到期');
  });

  it('moves a case asked for correction to 待补正, counting to the applicant’s date', async () => {
    const target = registered[registered.length - 1];
    const res = await app.inject({
      method: 'POST',
      url: `${BASE}/requests/${target.requestId}/actions/request_correction`,
      headers: OPERATOR,
      payload: {
        expectedVersion: target.version,
        payload: { until: '2026-12-08', what: '请补充所需信息的名称' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const waiting = (await dashboard()).lists.find((l) => l.key === 'awaiting_correction');
    expect(waiting?.count).toBe(1);
    expect(waiting?.cases[0]).toMatchObject({ id: target.requestId, counterDate: '2026-12-08' });
    expect(waiting?.cases[0].workingDaysLeft).toBe(calendar.workingDaysBetween(TODAY, '2026-12-08'));
  });

  it('has a tile per queue view (新收 today and this week, 办理中, 即将到期, 已逾期, 待审批), each the queue’s total', async () => {
    const view = (await dashboard()) as unknown as {
      weekStart: string;
      tiles: Array<{
        key: string;
        label: string;
        count: number;
        filter: string;
        receivedFrom?: string;
        receivedTo?: string;
      }>;
    };
    expect(view.weekStart).toBe('2026-11-23');
    expect(view.tiles.map((t) => t.label)).toEqual([
      '今日新收',
      '本周新收',
      '办理中',
      '即将到期',
      '已逾期',
      '申请待审批',
    ]);
    const tile = (key: string) => view.tiles.find((t) => t.key === key);
    expect(tile('received_today')).toMatchObject({
      filter: 'all',
      receivedFrom: TODAY,
      receivedTo: TODAY,
      count: 1,
    });
    // received every other day from 40 days ago: this week (from Monday 23 November) holds the 24th and today
    expect(tile('received_this_week')).toMatchObject({
      receivedFrom: '2026-11-23',
      receivedTo: TODAY,
      count: 2,
    });
    expect(tile('overdue')?.count).toBe(registered.filter((r) => r.dueOn < TODAY).length);
    expect(tile('pending_approval')?.count).toBe(0);
    for (const t of view.tiles) {
      const params = new URLSearchParams({ filter: t.filter, limit: '1' });
      if (t.receivedFrom) params.set('receivedFrom', t.receivedFrom);
      if (t.receivedTo) params.set('receivedTo', t.receivedTo);
      const queue = await app.inject({ url: `${BASE}/requests?${params}`, headers: OPERATOR });
      expect(queue.json().total, t.key).toBe(t.count);
    }
  });

  it('asks who is calling and whether they work for the agency', async () => {
    expect((await app.inject(`${BASE}/dashboard`)).statusCode).toBe(401);
    const unknown = await app.inject({ url: '/api/v1/agencies/nobody/dashboard', headers: OPERATOR });
    expect(unknown.statusCode).toBe(404);
  });
});
