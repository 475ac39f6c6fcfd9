import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import type { Db } from '../../../db/connection.ts';
import { residentIdCheckCode } from '../../../domain/identity/resident-id.ts';
import { buildServer } from '../../app.ts';

const as = (user: string) => ({ 'x-gongkai-user': user });
const OPERATOR = as('lingang-operator');
const REVIEWER = as('lingang-reviewer');
const APPROVER = as('lingang-approver');
const ADMIN = as('lingang-admin');
const OTHER_ADMIN = as('wr-other-admin');
const BASE = '/api/v1/agencies/lingang';
const id17 = '37100219800101123';

/** 条例 第十八条: the yearly review of information withheld under 第十六条, through the API. */
describeEachWithDemo('GET|POST /api/v1/agencies/:code/withheld-reviews/:year (条例第十八条)', (use) => {
  let app: FastifyInstance;
  let db: Db;
  let now = new Date();
  const at = (iso: string) => {
    now = new Date(`${iso}T02:00:00Z`);
  };
  const ids: Record<string, number> = {};

  async function decidedCase(information: string, payload: object): Promise<number> {
    at('2024-03-04');
    const applicant = {
      ...{ name: '王五', idType: 'resident_id', idNumber: id17 + residentIdCheckCode(id17) },
      ...{
        phone: '13800000000',
        address: '山东省威海市某路3号',
        information,
        form: 'paper',
        delivery: 'post',
      },
    };
    const registered = await app.inject({
      method: 'POST',
      url: `${BASE}/requests`,
      headers: OPERATOR,
      payload: { channel: 'letter', applicantType: 'natural_person', applicant, receivedOn: '2024-03-04' },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const { requestId } = registered.json();
    at('2024-03-08');
    const decided = await app.inject({
      method: 'POST',
      url: `${BASE}/requests/${requestId}/actions/decide`,
      headers: OPERATOR,
      payload: { expectedVersion: 1, payload },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    return requestId;
  }

  beforeAll(async () => {
    db = use();
    const other = await addAgency(db, 'wr-other');
    await addUser(db, {
      username: 'wr-other-admin',
      password: 'x-unused-2026',
      agencyId: other,
      roles: ['agency_admin'],
    });
    app = await buildServer({ db, now: () => now, trustUserHeader: true });
    await app.ready();
    ids.process = await decidedCase('某项目审批过程中的内部讨论记录', {
      outcome: 'denied.process_info',
      basis: 'a16.2.process',
      reasons: '所申请信息属于过程性信息',
    });
    ids.items = await decidedCase('某道路工程的立项批复和内部请示报告', {
      items: [
        { description: '立项批复', outcome: 'granted' },
        { description: '区交通局关于道路工程的请示报告', outcome: 'denied.process_info' },
      ],
      basis: 'a37',
      reasons: '立项批复予以公开；请示报告属于过程性信息',
      fields: { delivery: '随本答复书邮寄', reason: '请示报告属于过程性信息' },
    });
    ids.partial = await decidedCase('2023年某执法检查的结果及案卷', {
      outcome: 'partial',
      basis: 'a37',
      withheldUnder: 'a16',
      reasons: '检查结果予以公开，执法案卷不予公开',
      fields: { delivery: '随本答复书邮寄', reason: '执法案卷属于行政执法案卷信息' },
    });
    ids.thirdParty = await decidedCase('某企业的补贴申请材料', {
      outcome: 'denied.third_party',
      basis: 'a15',
      reasons: '涉及商业秘密',
      fields: { unconsulted: '第三方已明确书面表示不同意公开' },
    });
    at('2024-12-10');
  }, 180_000);
  afterAll(() => app.close());

  const list = (year: number, headers: Record<string, string> = OPERATOR) =>
    app.inject({ method: 'GET', url: `${BASE}/withheld-reviews/${year}`, headers });
  const decide = (year: number, headers: Record<string, string>, payload: object) =>
    app.inject({ method: 'POST', url: `${BASE}/withheld-reviews/${year}/decisions`, headers, payload });
  const reviewRows = () => db.kysely.selectFrom('withheld_reviews').selectAll().orderBy('id').execute();
  const reviewEvents = () =>
    db.kysely
      .selectFrom('events')
      .select(['subject_id', 'actor', 'data'])
      .where('name', '=', 'requests.withheld_reviewed')
      .orderBy('id')
      .execute();

  it('条例第十八条: lists what was withheld under 第十六条 by the year’s end — whole refusals, items, a 部分公开’s withheld part — and not 第十五条', async () => {
    const res = await list(2024);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.entries.map((e: { requestId: number; part: number }) => [e.requestId, e.part])).toEqual([
      [ids.process, 0],
      [ids.items, 2],
      [ids.partial, 0],
    ]);
    expect(body.entries[0]).toMatchObject({
      description: '某项目审批过程中的内部讨论记录',
      decidedOn: '2024-03-08',
      basis: expect.stringContaining('第十六条第二款'),
      status: 'pending',
      statusLabel: '待审查',
    });
    expect(body.entries[1].description).toBe('区交通局关于道路工程的请示报告');
    expect(body.entries[2].withheldPart).toBe('执法案卷属于行政执法案卷信息');
    expect(body.summary).toEqual({ total: 3, reviewed: 0, kept: 0, disclosed: 0, pending: 3 });
    expect((await list(2023)).json().entries).toEqual([]);
  });

  it.each([
    ['operator', OPERATOR],
    ['reviewer', REVIEWER],
    ['approver', APPROVER],
    ['agency admin', ADMIN],
  ])('条例第十八条: the agency’s %s reads the list', async (_who, headers) => {
    const res = await list(2024, headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().summary.total).toBe(3);
  });

  it('条例第十八条: an operator reads the list but may not decide; nothing is written', async () => {
    const res = await decide(2024, OPERATOR, {
      requestId: ids.process,
      decision: 'kept',
      reason: '仍在审批中',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('保密审查员');
    expect(await reviewRows()).toEqual([]);
  });

  it.each([
    ['another agency’s administrator', OTHER_ADMIN],
    ['nobody signed in', {}],
  ])('条例第十八条: %s may neither read nor decide', async (_who, headers) => {
    expect([401, 403, 404]).toContain((await list(2024, headers)).statusCode);
    const res = await decide(2024, headers, {
      requestId: ids.process,
      decision: 'kept',
      reason: '仍在审批中',
    });
    expect([401, 403, 404]).toContain(res.statusCode);
    expect(await reviewRows()).toEqual([]);
  });

  it('条例第十八条: a decision without its reason is refused in Chinese naming the field, nothing written', async () => {
    const res = await decide(2024, REVIEWER, { requestId: ids.process, decision: 'kept', reason: ' ' });
    expect(res.statusCode).toBe(400);
    const message = res.json().error.message;
    expect(message).toContain('审查理由');
    expect(message).not.toMatch(/reason|requestId/);
    const bad = await decide(2024, REVIEWER, {
      requestId: ids.process,
      decision: 'maybe',
      reason: '仍在审批中',
    });
    expect(bad.json().error.message).toContain('继续不予公开');
    expect(await reviewRows()).toEqual([]);
  });

  it('条例第十八条: a reviewer keeps it withheld, with the reason, as an event on the case', async () => {
    const res = await decide(2024, REVIEWER, {
      requestId: ids.process,
      decision: 'kept',
      reason: '该项目尚在审批中，讨论记录仍属过程性信息',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'kept', statusLabel: '继续不予公开', openedItem: null });
    const [event] = await reviewEvents();
    expect(event.subject_id).toBe(String(ids.process));
    expect(event.actor).toBe('lingang-reviewer');
    expect(JSON.parse(event.data)).toMatchObject({
      year: 2024,
      decision: 'kept',
      seq: 1,
      before: null,
      itemId: null,
    });
    const state = await db.kysely
      .selectFrom('requests')
      .select(['state', 'version'])
      .where('id', '=', ids.process)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('decided');
    const page = await app.inject({ url: `${BASE}/requests/${ids.process}`, headers: OPERATOR });
    expect(page.statusCode).toBe(200);
    const shown = page.json().events.find((e: { type: string }) => e.type === 'withheld_reviewed');
    expect(shown).toMatchObject({ occurredOn: '2024-12-10', actor: 'lingang-reviewer' });
  });

  it('条例第十八条: an approver turns an item public — a draft item enters 主动公开 with its 保密审查 to come', async () => {
    const res = await decide(2024, APPROVER, {
      requestId: ids.items,
      part: 2,
      decision: 'disclosed',
      reason: '工程已竣工验收，请示报告不再影响决策，因情势变化可以公开',
      category: 'a20.9',
    });
    expect(res.statusCode, res.body).toBe(200);
    const entry = res.json();
    expect(entry).toMatchObject({
      status: 'disclosed',
      openedItem: { status: 'draft', statusLabel: '草稿' },
    });
    const item = await db.kysely
      .selectFrom('items')
      .selectAll()
      .where('id', '=', entry.openedItem.id)
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      title: '区交通局关于道路工程的请示报告',
      status: 'draft',
      category: 'a20.9',
      created_by: 'lingang-approver',
      formed_on: '2024-12-10', // the day it became disclosable: 第二十六条's 20 working days run from it
      index_no: null,
    });
    const created = await db.kysely
      .selectFrom('events')
      .select('data')
      .where('name', '=', 'items.created')
      .where('subject_id', '=', String(item.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(created.data).origin).toEqual({
      article: '条例第十八条',
      requestId: ids.items,
      part: 2,
      year: 2024,
    });
    const twice = await decide(2024, ADMIN, {
      requestId: ids.items,
      part: 2,
      decision: 'disclosed',
      reason: '再次转为公开',
      replaces: entry.current.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('不能重复转为公开');
  });

  it('条例第十八条: a decision is corrected only by a new one naming it; the earlier stays in the history', async () => {
    const before = (await list(2024)).json().entries[0];
    const unnamed = await decide(2024, ADMIN, {
      requestId: ids.process,
      decision: 'disclosed',
      reason: '审批已完成',
    });
    expect(unnamed.statusCode).toBe(409);
    expect(unnamed.json().error.message).toContain('更正须注明所更正的决定');
    const res = await decide(2024, ADMIN, {
      requestId: ids.process,
      decision: 'disclosed',
      reason: '项目审批已于11月完成，讨论记录可以公开',
      replaces: before.current.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    type Shown = { decision: string; actor: string; actorName: string };
    expect(res.json().history.map((r: Shown) => [r.decision, r.actor, r.actorName])).toEqual([
      ['kept', 'lingang-reviewer', '临港区保密审查员'],
      ['disclosed', 'lingang-admin', '临港区平台管理员'],
    ]);
    const events = await reviewEvents();
    expect(JSON.parse(events.at(-1)?.data ?? '{}')).toMatchObject({
      seq: 2,
      replaces: before.current.id,
      before: { decision: 'kept' },
    });
    expect((await reviewRows()).filter((r) => r.request_id === ids.process)).toHaveLength(2);
  });

  it('条例第十八条: information not withheld under 第十六条, of another agency, or for a year not begun is refused', async () => {
    const third = await decide(2024, REVIEWER, {
      requestId: ids.thirdParty,
      decision: 'kept',
      reason: '仍涉及商业秘密',
    });
    expect(third.statusCode).toBe(404);
    expect(third.json().error.message).toContain('审查清单');
    const missing = await decide(2024, REVIEWER, {
      requestId: 999999,
      decision: 'kept',
      reason: '仍在审批中',
    });
    expect(missing.statusCode).toBe(404);
    const future = await decide(2025, REVIEWER, {
      requestId: ids.partial,
      decision: 'kept',
      reason: '仍在执法中',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('尚未开始');
  });

  it('条例第十八条: next year, what was kept comes back with last year’s decision; what was turned public does not', async () => {
    const kept = await decide(2024, REVIEWER, {
      requestId: ids.partial,
      decision: 'kept',
      reason: '案件仍在执行',
    });
    expect(kept.statusCode, kept.body).toBe(200);
    const summary2024 = (await list(2024)).json().summary;
    expect(summary2024).toEqual({ total: 3, reviewed: 3, kept: 1, disclosed: 2, pending: 0 });
    at('2025-12-01');
    const next = (await list(2025)).json();
    expect(next.entries.map((e: { requestId: number }) => e.requestId)).toEqual([ids.partial]);
    expect(next.entries[0]).toMatchObject({ status: 'pending', previous: { year: 2024, decision: 'kept' } });
    const again = await decide(2025, APPROVER, {
      requestId: ids.partial,
      decision: 'kept',
      reason: '案件仍在执行',
    });
    expect(again.statusCode, again.body).toBe(200);
    const old = await decide(2024, APPROVER, {
      requestId: ids.partial,
      decision: 'disclosed',
      reason: '执行完毕',
      replaces: kept.json().current.id,
    });
    expect(old.statusCode).toBe(409);
    expect(old.json().error.message).toContain('请在 2025 年度的清单中处理');
    at('2024-12-10');
  });
});
