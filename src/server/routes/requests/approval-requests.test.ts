/**
 * 提请审批 (issue 13): the operator puts an extension (条例 第三十三条第二款) to the approver, who approves
 * it — the extension is taken as the approver, with its letter and events, in one transaction — or
 * returns it with a reason; duplicates, bad input and the wrong role are refused and write nothing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.ts';
import type { Db } from '../../../db/connection.ts';
import { residentIdCheckCode } from '../../../domain/identity/resident-id.ts';
import { buildServer } from '../../app.ts';

const TODAY = '2026-11-26';
const BASE = '/api/v1/agencies/a';
const as = (user: string) => ({ 'x-gongkai-user': user });
const [OPERATOR, APPROVER, REVIEWER] = [as('op'), as('ap'), as('rv')];

const body17 = '37100219800101123';
const applicant = {
  ...{ name: '张三', idType: 'resident_id', idNumber: body17 + residentIdCheckCode(body17) },
  ...{ phone: '13800000000', address: '山东省威海市环翠区某路1号', email: 'zhang@example.cn' },
  ...{ information: '某年度财政预算执行情况', form: 'paper', delivery: 'post' },
};
const extension = { days: 15, reason: '需要调取多个部门的档案，无法在20个工作日内答复' };

describeEachDatabase('提请审批: /api/v1/agencies/:code/…/approval-requests', (use) => {
  let app: FastifyInstance;
  let db: Db;

  beforeAll(async () => {
    db = use();
    const created_at = '2026-01-01T00:00:00Z';
    const agency = await db.kysely
      .insertInto('agencies')
      .values({
        ...{ code: 'a', name: '某区人民政府办公室', short_name: '某区', parent_id: null, kind: 'government' },
        ...{ address: '', postcode: '', phone: '', website: '', website_name: '', office: '', created_at },
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [username, role] of [
      ['op', 'operator'],
      ['ap', 'approver'],
      ['rv', 'reviewer'],
    ] as const) {
      const user = await db.kysely
        .insertInto('users')
        .values({ username, display_name: username === 'ap' ? '审批负责人ap' : username, created_at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.kysely
        .insertInto('user_roles')
        .values({ user_id: user.id, agency_id: agency.id, role })
        .execute();
    }
    app = await buildServer({ db, now: () => new Date(`${TODAY}T02:00:00Z`), trustUserHeader: true });
    await app.ready();
  });
  afterAll(() => app.close());

  const register = async (receivedOn = '2026-11-20') => {
    const res = await app.inject({
      method: 'POST',
      url: `${BASE}/requests`,
      headers: OPERATOR,
      payload: { channel: 'letter', applicantType: 'natural_person', applicant, receivedOn },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { requestId: number; version: number };
  };
  const ask = (requestId: number, payload: Record<string, unknown>, headers = OPERATOR) =>
    app.inject({ method: 'POST', url: `${BASE}/requests/${requestId}/approval-requests`, headers, payload });
  const decide = (approvalId: number, verb: 'approve' | 'return', headers = APPROVER, payload = {}) =>
    app.inject({ method: 'POST', url: `${BASE}/approval-requests/${approvalId}/${verb}`, headers, payload });
  const detail = async (requestId: number) => {
    const res = await app.inject({ url: `${BASE}/requests/${requestId}`, headers: OPERATOR });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const eventNames = async (requestId: number) =>
    (
      await db.kysely
        .selectFrom('events')
        .select('name')
        .where('subject_type', '=', 'request')
        .where('subject_id', '=', String(requestId))
        .orderBy('seq')
        .execute()
    ).map((e) => e.name);

  it('the operator asks, the approver approves: the extension is taken as the approver, with its letter', async () => {
    const { requestId, version } = await register();
    const before = await detail(requestId);
    const asked = await ask(requestId, { expectedVersion: version, action: 'extend', payload: extension });
    expect(asked.statusCode, asked.body).toBe(201);
    const { approvalId } = asked.json();

    const pending = await detail(requestId);
    expect(pending.state).toBe(before.state); // asking records a note; the state is unchanged
    expect(pending.approvals).toEqual([
      expect.objectContaining({
        ...{ id: approvalId, action: 'extend', actionLabel: '延期答复', payload: extension },
        ...{ reason: extension.reason, requestedBy: 'op', state: 'pending', stateLabel: '待审批' },
      }),
    ]);
    const list = await app.inject({ url: `${BASE}/approval-requests?state=pending`, headers: APPROVER });
    expect(list.json().approvals.map((a: { id: number }) => a.id)).toContain(approvalId);
    const queue = await app.inject({ url: `${BASE}/requests?filter=pending_approval`, headers: APPROVER });
    expect(queue.json().cases.map((c: { id: number }) => c.id)).toEqual([requestId]);

    const approved = await decide(approvalId, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ approvalId, requestId, action: 'extend', state: 'open' });

    const after = await detail(requestId);
    expect(after.version).toBe(approved.json().version);
    expect(after.approvals[0]).toMatchObject({ state: 'approved', stateLabel: '已批准', decidedBy: 'ap' });
    expect(after.letters.map((l: { kind: string }) => l.kind)).toContain('extension');
    const extended = after.events.find((e: { type: string }) => e.type === 'extended');
    expect(extended).toMatchObject({ actor: 'ap', data: { input: extension } });
    expect(after.clock.due > before.clock.due).toBe(true);
    expect(await eventNames(requestId)).toEqual([
      'requests.received',
      'requests.approval_requested',
      'requests.extended',
      'requests.approval_granted',
    ]);
    const twice = await decide(approvalId, 'approve');
    expect(twice.statusCode).toBe(409);
    // the approver by name (姓名), not by username
    expect(twice.json().error.message).toBe(
      '该提请审批已批准（审批负责人ap），无需再次处理；请刷新页面查看。',
    );
    const empty = await app.inject({ url: `${BASE}/requests?filter=pending_approval`, headers: APPROVER });
    expect(empty.json().total).toBe(0);
  });

  it('the approver returns it with a reason: the operator sees it, the case is unchanged, asking again is allowed', async () => {
    const { requestId } = await register();
    const before = await detail(requestId);
    const { approvalId } = (await ask(requestId, { action: 'extend', payload: extension })).json();
    const noReason = await decide(approvalId, 'return', APPROVER, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('请填写退回理由。');
    const returned = await decide(approvalId, 'return', APPROVER, {
      reason: '尚未征求第三方意见，延期理由不充分',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const seen = await detail(requestId);
    expect(seen.state).toBe('open');
    expect(seen.clock.due).toBe(before.clock.due);
    expect(seen.letters.map((l: { kind: string }) => l.kind)).not.toContain('extension');
    expect(seen.approvals[0]).toMatchObject({
      ...{ state: 'returned', stateLabel: '已退回', decidedBy: 'ap' },
      returnReason: '尚未征求第三方意见，延期理由不充分',
    });
    const event = seen.events.find((e: { type: string }) => e.type === 'approval_returned');
    expect(event).toMatchObject({ actor: 'ap', data: { reason: '尚未征求第三方意见，延期理由不充分' } });
    expect((await decide(approvalId, 'approve')).statusCode).toBe(409);
    expect((await ask(requestId, { action: 'extend', payload: extension })).statusCode).toBe(201);
  });

  it('refuses a second pending request for the same action, in Chinese, and writes nothing', async () => {
    const { requestId } = await register();
    expect((await ask(requestId, { action: 'extend', payload: extension })).statusCode).toBe(201);
    const again = await ask(requestId, { action: 'extend', payload: { days: 5, reason: '另一理由' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      '该申请已有待审批的“延期答复”（由 op 提请），请等待审批负责人批准或退回后再提请。',
    );
    expect((await detail(requestId)).approvals).toHaveLength(1);
  });

  it.each([
    ['an action that needs no approval', { action: 'decide', payload: {} }, '提请审批的事项应为“延期答复”'],
    ['too many days', { action: 'extend', payload: { days: 21, reason: '理由' } }, '延长的工作日数'],
    ['no reason', { action: 'extend', payload: { days: 5 } }, '延期理由'],
  ])('refuses %s with a Chinese message naming the field', async (_name, payload, message) => {
    const { requestId } = await register();
    const res = await ask(requestId, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(message);
    expect(res.json().error.message).not.toMatch(/[a-z]{4,}/);
    expect(await eventNames(requestId)).toEqual(['requests.received']);
  });

  it('refuses the wrong roles (403) and an approval whose action the case no longer allows (nothing written)', async () => {
    const { requestId } = await register();
    expect((await ask(requestId, { action: 'extend', payload: extension }, APPROVER)).statusCode).toBe(403);
    expect((await ask(requestId, { action: 'extend', payload: extension }, REVIEWER)).statusCode).toBe(403);
    const { approvalId } = (await ask(requestId, { action: 'extend', payload: extension })).json();
    expect((await decide(approvalId, 'approve', OPERATOR)).statusCode).toBe(403);
    expect((await decide(approvalId, 'return', REVIEWER, { reason: '不同意' })).statusCode).toBe(403);
    // the applicant is asked to correct the request meanwhile: an extension no longer fits, the approval writes nothing
    const asked = await app.inject({
      method: 'POST',
      url: `${BASE}/requests/${requestId}/actions/request_correction`,
      headers: OPERATOR,
      payload: {
        expectedVersion: (await detail(requestId)).version,
        payload: { until: '2026-12-08', what: '请补充所需信息的名称' },
      },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const late = await decide(approvalId, 'approve');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('不能延期答复');
    expect((await detail(requestId)).approvals[0].state).toBe('pending');
    expect(await eventNames(requestId)).not.toContain('requests.extended');
  });
});
