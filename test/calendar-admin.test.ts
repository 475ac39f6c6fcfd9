import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCalendar } from '../src/calendar/load-calendar.ts';
import { recomputeOpenDeadlines } from '../src/commands/calendar/recompute-open-deadlines.ts';
import type { Actor } from '../src/commands/context.ts';
import { applyCaseAction } from '../src/commands/requests/apply-case-action.ts';
import { registerRequest } from '../src/commands/requests/register-request.ts';
import { testContext } from '../src/commands/testing-context.ts';
import type { Db } from '../src/db/connection.ts';
import { chineseDaysData } from '../src/domain/calendar/chinese-days-data.ts';
import type { WorkCalendar } from '../src/domain/calendar/types.ts';
import { createWorkCalendar } from '../src/domain/calendar/work-calendar.ts';
import { buildServer } from '../src/server/app.ts';
import { describeEachDatabase } from './databases.ts';

/**
 * INVENTED TEST DATA, not the State Council's notice for 2027 (unpublished when this was written):
 * New Year 2027-01-01 (a Friday) to 01-03 off, a made-up Spring Festival block, one 调休 Saturday.
 */
const INVENTED_2027_NOTICE = {
  year: 2027,
  documentNumber: '测试虚构〔2026〕1号',
  title: '（测试用虚构数据）2027年部分节假日安排',
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08'],
  workdays: ['2027-02-13'],
};

const ADMIN = { 'x-gongkai-user': 'calendar-admin' };
const OPERATOR = { 'x-gongkai-user': 'calendar-operator' };
const STAFF: Actor = { username: 'calendar-operator', roles: ['operator'] };

/** A valid 居民身份证号 (check digit computed per GB 11643). */
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
  information: '2026年某区低保资金发放明细',
  form: 'paper',
  delivery: 'post',
};

async function seedAgencyAndUsers(db: Db): Promise<number> {
  const created_at = '2026-01-01T00:00:00Z';
  const agency = await db.kysely
    .insertInto('agencies')
    .values({
      ...{
        code: 'caltest',
        name: '测试区人民政府办公室',
        short_name: '测试区',
        parent_id: null,
        kind: 'government',
      },
      ...{ address: '', postcode: '', phone: '', website: '', website_name: '', office: '', created_at },
      // an answer letter names them (复议法 第二十三条第二款)
      ...{ review_body: '测试市人民政府', court: '测试区人民法院' },
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [username, role] of [
    ['calendar-admin', 'platform_admin'],
    ['calendar-operator', 'operator'],
  ]) {
    const platform_admin = role === 'platform_admin' ? 1 : 0;
    const user = await db.kysely
      .insertInto('users')
      .values({ username, display_name: username, created_at, platform_admin })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!platform_admin)
      await db.kysely
        .insertInto('user_roles')
        .values({ user_id: user.id, agency_id: agency.id, role })
        .execute();
  }
  return agency.id;
}

describeEachDatabase(
  'the calendar administered: notices, overrides and the deadlines of open cases',
  (use) => {
    let app: FastifyInstance;
    let agencyId = 0;
    const now = new Date('2026-12-15T02:00:00Z');
    const cases: Record<'early' | 'late' | 'later' | 'decided', number> = {
      early: 0,
      late: 0,
      later: 0,
      decided: 0,
    };

    const stored = async (id: number) => {
      const row = await use()
        .kysely.selectFrom('requests')
        .select(['due_on', 'due_provisional', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const events = await use()
        .kysely.selectFrom('events')
        .select(['name', 'actor', 'data'])
        .where('subject_type', '=', 'request')
        .where('subject_id', '=', String(id))
        .where('name', '=', 'requests.calendar_changed')
        .orderBy('seq')
        .execute();
      return { ...row, moves: events.map((e) => ({ actor: e.actor, ...JSON.parse(e.data) })) };
    };
    const post = (url: string, payload: object, headers: Record<string, string> = ADMIN) =>
      app.inject({ method: 'POST', url, headers, payload });

    beforeAll(async () => {
      const db = use();
      agencyId = await seedAgencyAndUsers(db);
      const calendar = await loadCalendar(db);
      const register = async (receivedOn: string) =>
        (
          await registerRequest(testContext(db, { actor: STAFF, now, calendar }), {
            agencyId,
            channel: 'letter',
            applicantType: 'natural_person',
            applicant,
            receivedOn,
          })
        ).requestId;
      cases.early = await register('2026-12-01');
      cases.late = await register('2026-12-10');
      cases.later = await register('2026-12-14');
      cases.decided = await register('2026-12-10');
      const decision = { outcome: 'unable.not_held', basis: 'a36.4', reasons: '经检索未找到' };
      const approver = { username: 'calendar-approver', roles: ['operator', 'approver'] as const };
      await applyCaseAction(testContext(db, { actor: approver, now: '2026-12-15', calendar }), {
        ...{ agencyId, requestId: cases.decided, expectedVersion: 1, action: 'decide', payload: decision },
      });
      app = await buildServer({ db, now: () => now, trustUserHeader: true });
      await app.ready();
    });
    afterAll(() => app.close());

    it('counts into 2027 provisionally before the notice (元旦 off by 放假办法 第二条)', async () => {
      expect(await stored(cases.late)).toMatchObject({
        due_on: '2027-01-08',
        due_provisional: 1,
        version: 1,
      });
      expect(await stored(cases.later)).toMatchObject({ due_on: '2027-01-12', due_provisional: 1 });
      expect(await stored(cases.early)).toMatchObject({ due_on: '2026-12-29', due_provisional: 0 });
      const view = (await app.inject('/api/v1/calendar?year=2027')).json();
      expect(view).toMatchObject({ year: 2027, confirmed: false, notices: [], overrides: [] });
      expect(view.holidays.slice(0, 2)).toEqual(['2027-01-01', '2027-02-05']);
    });

    it.each([
      ['no user', {}, 401],
      ['a user who is not a platform administrator', OPERATOR, 403],
    ])('refuses a calendar change from %s', async (_who, headers, status) => {
      expect((await post('/api/v1/calendar/notices', INVENTED_2027_NOTICE, headers)).statusCode).toBe(status);
      const override = { date: '2027-01-05', kind: 'holiday', source: '某府办发〔2026〕1号' };
      expect((await post('/api/v1/calendar/overrides', override, headers)).statusCode).toBe(status);
    });

    it('refuses a bad notice naming each field, and writes nothing', async () => {
      const bad = { ...INVENTED_2027_NOTICE, documentNumber: '', workdays: ['2027-02-03'], holiday: [] };
      const res = await post('/api/v1/calendar/notices', bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([
        'holiday',
        'documentNumber',
        'workdays[0]',
      ]);
      expect(res.json().error.message).toContain('星期三');
      expect(await use().kysely.selectFrom('calendar_notices').selectAll().execute()).toEqual([]);
      expect((await stored(cases.late)).version).toBe(1);
    });

    it('imports the 2027 notice: the deadlines counting into 2027 are confirmed (元旦 was already off)', async () => {
      const res = await post('/api/v1/calendar/notices', INVENTED_2027_NOTICE);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        replaced: false,
        recompute: { checked: 3, changed: 2, failed: [] },
      });
      const late = await stored(cases.late);
      expect(late).toMatchObject({ due_on: '2027-01-08', due_provisional: 0, version: 2 });
      expect(late.moves).toEqual([
        {
          actor: 'calendar-admin',
          reason: expect.stringContaining('测试虚构〔2026〕1号'),
          due: { before: '2027-01-08', after: '2027-01-08' },
          provisional: { before: true, after: false },
        },
      ]);
      expect(await stored(cases.later)).toMatchObject({ due_on: '2027-01-12', due_provisional: 0 });
      expect(await stored(cases.early)).toMatchObject({ due_on: '2026-12-29', version: 1, moves: [] });
      expect(await stored(cases.decided)).toMatchObject({ version: 2, moves: [] });
      const view = (await app.inject({ url: '/api/v1/calendar?year=2027', headers: ADMIN })).json();
      expect(view).toMatchObject({
        confirmed: true,
        holidays: ['2027-01-01', '2027-02-08'],
        workdays: ['2027-02-13'],
      });
      expect(view.confirmedYears).toContain(2027);
      expect(view.notices).toMatchObject([
        { year: 2027, documentNumber: '测试虚构〔2026〕1号', actor: 'calendar-admin' },
      ]);
    });

    it.each([
      [
        'an override makes a counted working day a holiday',
        'add',
        { late: '2027-01-11', later: '2027-01-13' },
        3,
      ],
      ['removing it moves them back', 'remove', { late: '2027-01-08', later: '2027-01-12' }, 4],
    ])('%s: due dates move by one working day', async (_situation, step, due, version) => {
      const override = { date: '2027-01-05', kind: 'holiday', source: '某府办发〔2026〕1号' };
      const res =
        step === 'add'
          ? await post('/api/v1/calendar/overrides', override)
          : await app.inject({
              method: 'DELETE',
              url: '/api/v1/calendar/overrides/2027-01-05',
              headers: ADMIN,
            });
      expect(res.statusCode, res.body).toBe(step === 'add' ? 201 : 200);
      expect(res.json().recompute).toEqual({ checked: 3, changed: 2, failed: [] });
      const late = await stored(cases.late);
      expect(late).toMatchObject({ due_on: due.late, version });
      expect(late.moves.at(-1)).toMatchObject({
        due: { after: due.late },
        reason: expect.stringContaining('2027-01-05'),
      });
      expect(await stored(cases.later)).toMatchObject({ due_on: due.later });
      expect(await stored(cases.early)).toMatchObject({ version: 1, moves: [] });
      expect(await stored(cases.decided)).toMatchObject({ version: 2, moves: [] });
    });

    it('reports a case whose history breaks a rule, and recomputes the others', async () => {
      await use()
        .kysely.insertInto('events')
        .values({
          ...{
            agency_id: agencyId,
            subject_type: 'request',
            subject_id: String(cases.early),
            seq: 99,
            name: 'requests.fee_paid',
            occurred_on: '2026-12-11',
          },
          ...{
            at: now.toISOString(),
            actor: 'test',
            state_before: 'open',
            state_after: 'open',
            data: '{}',
          },
        })
        .execute();
      const override = { date: '2027-01-05', kind: 'holiday', source: '某府办发〔2026〕2号' };
      const res = await post('/api/v1/calendar/overrides', override);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().recompute).toMatchObject({
        checked: 3,
        changed: 2,
        failed: [{ requestId: cases.early }],
      });
      expect(await stored(cases.late)).toMatchObject({ due_on: '2027-01-11' });
    });

    it('reads and writes in batches: one case per batch gives the same result', async () => {
      const admin: Actor = { username: 'calendar-admin', roles: [], platformAdmin: true };
      const tables = await loadCalendar(use());
      const moreHolidays = createWorkCalendar({
        base: chineseDaysData,
        notices: [INVENTED_2027_NOTICE],
        overrides: ['2027-01-05', '2027-01-06'].map((date) => ({
          date,
          kind: 'holiday' as const,
          source: 'x',
        })),
      });
      const as = (calendar: WorkCalendar) => testContext(use(), { actor: admin, now, calendar });
      let result = await recomputeOpenDeadlines(as(moreHolidays), { reason: '测试', batchSize: 1 });
      expect(result).toMatchObject({ checked: 3, changed: 2, failed: [{ requestId: cases.early }] });
      expect(await stored(cases.late)).toMatchObject({ due_on: '2027-01-12' });
      result = await recomputeOpenDeadlines(as(tables), { reason: '测试', batchSize: 1 });
      expect(result).toMatchObject({ checked: 3, changed: 2 });
      expect(await stored(cases.late)).toMatchObject({ due_on: '2027-01-11' });
    });
  },
);
