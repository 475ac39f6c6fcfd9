import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../../db/connection.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { buildServer } from '../../app.ts';

let db: Db;
let app: FastifyInstance;
const ADMIN = { 'x-gongkai-user': 'admin' };

beforeAll(async () => {
  db = openDb('sqlite::memory:');
  await migrateToLatest(db);
  const created_at = '2026-01-01T00:00:00Z';
  await db.kysely
    .insertInto('agencies')
    .values({
      ...{ code: 'a', name: '某机关', short_name: '某', parent_id: null, kind: 'government', address: '' },
      ...{ postcode: '', phone: '', website: '', website_name: '', office: '', created_at },
    })
    .execute();
  await db.kysely
    .insertInto('users')
    .values({ username: 'admin', display_name: '平台管理员', created_at, platform_admin: 1 })
    .execute();
  app = await buildServer({ db, now: () => new Date('2026-11-26T02:00:00Z'), trustUserHeader: true });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('GET /api/v1/calendar', () => {
  it('shows this year by default: confirmed, with the Monday–Friday days off and the 调休 weekend days', async () => {
    const res = await app.inject('/api/v1/calendar');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ year: 2026, confirmed: true, overrides: [], notices: [] });
    expect(view.confirmedYears).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(view.holidays).toContain('2026-10-01');
    expect(view.holidays).not.toContain('2026-10-03');
    expect(view.workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('shows 2027 as not confirmed, counted from 放假办法 第二条 (festivals) and 第六条 (补假)', async () => {
    expect((await app.inject('/api/v1/calendar?year=2027')).json()).toMatchObject({
      confirmed: false,
      holidays: [
        '2027-01-01',
        '2027-02-05',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-04-05',
        '2027-05-03',
        '2027-05-04',
        '2027-06-09',
        '2027-09-15',
        '2027-10-01',
        '2027-10-04',
        '2027-10-05',
      ],
      workdays: [],
    });
  });

  it('answers 400 for a year outside the calendar', async () => {
    const res = await app.inject('/api/v1/calendar?year=1999');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'year', message: '年份应为 2000–2100 之间的整数' }]);
  });
});

describe('calendar changes', () => {
  it.each([
    [
      'a bad date and no source',
      { date: '2027/01/05', kind: 'holiday', source: '' },
      ['date', 'source'],
      '“日期”应写成 YYYY-MM-DD',
    ],
    ['an impossible date', { date: '2027-02-30', kind: 'holiday', source: 'x' }, ['date'], '有效日期'],
    ['an unknown kind', { date: '2027-01-05', kind: 'off', source: 'x' }, ['kind'], 'holiday（放假）'],
    ['a date outside the calendar', { date: '2101-01-03', kind: 'holiday', source: 'x' }, ['date'], '超出'],
  ])('refuses an override with %s (400, each field named)', async (_case, payload, fields, message) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/overrides',
      headers: ADMIN,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(fields);
    expect(res.json().error.message).toContain(message);
  });

  it('answers 404 when removing an override that does not exist', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/v1/calendar/overrides/2027-01-05',
      headers: ADMIN,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('2027-01-05');
  });

  it('adds an override, shows it, and recomputes (no cases here)', async () => {
    const payload = { date: '2026-12-31', kind: 'holiday', source: '某府办发〔2026〕9号' };
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/overrides',
      headers: ADMIN,
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      override: payload,
      replaced: null,
      recompute: { checked: 0, changed: 0, failed: [] },
    });
    const view = (await app.inject({ url: '/api/v1/calendar?year=2026', headers: ADMIN })).json();
    expect(view.holidays).toContain('2026-12-31');
    expect(view.overrides).toMatchObject([{ ...payload, actor: 'admin', actorName: '平台管理员' }]);
    // the public sees the date and its source, not who of the staff entered it
    const open = await app.inject('/api/v1/calendar?year=2026');
    expect(open.json().overrides).toEqual([{ ...payload, createdAt: view.overrides[0].createdAt }]);
    expect(open.body).not.toContain('admin');
    expect(open.body).not.toContain('平台管理员');
  });

  it('documents the routes under the calendar tag', async () => {
    const spec = (await app.inject('/api/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/calendar', '/api/v1/calendar/overrides', '/api/v1/calendar/notices']),
    );
    expect(spec.paths['/api/v1/calendar/notices'].post.tags).toEqual(['calendar']);
  });
});
