import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAnnualReport } from '../src/commands/build-annual-report.ts';
import { createTestAgency } from '../src/commands/items/testing.ts';
import { loadReportFacts } from '../src/db/queries/report-facts.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import { buildServer } from '../src/server/app.ts';
import { describeEachDatabase } from './databases.ts';

const CODE = 'testzone';
const BASE = `/api/v1/agencies/${CODE}/items`;
const as = (who: string) => ({ 'x-gongkai-user': `${CODE}-${who}` });
const OPERATOR = as('operator');
const REVIEWER = as('reviewer');
const APPROVER = as('approver');

const fields = (extra: object = {}) => ({
  title: '关于做好2021年政务公开工作的通知',
  bodyHtml: '<p>各部门：</p><p>现将有关事项通知如下。</p>',
  category: 'a20.1',
  issuer: '测试局',
  docNumber: '测发〔2021〕1号',
  formedOn: '2021-03-01',
  subject: '政务公开',
  ...extra,
});

describeEachDatabase('items from draft to withdrawal, through the API', (use) => {
  let app: FastifyInstance;
  let now = new Date('2021-03-10T02:00:00Z');
  beforeAll(async () => {
    await createTestAgency(use(), CODE);
    app = await buildServer({ db: use(), now: () => now, trustUserHeader: true });
    await app.ready();
  });
  afterAll(() => app.close());

  const at = (day: string) => {
    now = new Date(`${day}T02:00:00Z`);
  };
  const post = (url: string, payload: object, headers = OPERATOR) =>
    app.inject({ method: 'POST', url, headers, payload });
  const act = (id: number, action: string, payload: object, headers = OPERATOR) =>
    post(`${BASE}/${id}/${action}`, payload, headers);
  const detail = async (id: number) => (await app.inject({ url: `${BASE}/${id}`, headers: OPERATOR })).json();
  const search = (text: string) =>
    searchIndexFor(use().dialect).search(use().kysely, { text, limit: 10, offset: 0 });
  const channelCount = async (year: number, code: string) =>
    (await loadReportFacts(use(), CODE, year))?.current.publications.byChannel.find((c) => c.code === code)
      ?.count;

  async function draft(extra: object = {}, headers = OPERATOR): Promise<number> {
    const res = await post(BASE, fields(extra), headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().itemId;
  }

  /** Submit, approve (by the reviewer) and publish (by the approver: 签发); returns the item. */
  async function publish(id: number, options: { reviewedOn?: string; publishedOn?: string } = {}) {
    let version = (await detail(id)).version;
    for (const [action, body, headers] of [
      ['submit', {}, OPERATOR],
      ['approve', { opinion: '同意公开', reviewedOn: options.reviewedOn }, REVIEWER],
      ['publish', { publishedOn: options.publishedOn }, APPROVER],
    ] as const) {
      const res = await act(id, action, { expectedVersion: version, ...body }, headers);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      version = res.json().version;
    }
    return detail(id);
  }

  it('takes an item through 保密审查 to publication, refusing each step out of turn', async () => {
    at('2021-03-10');
    const id = await draft();
    const refused = async (action: string, body: object, headers: object, status: number, code: string) => {
      const res = await act(id, action, body, headers as typeof OPERATOR);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    };
    await refused('publish', { expectedVersion: 1 }, APPROVER, 409, 'invalid_state');
    await refused('approve', { expectedVersion: 1 }, REVIEWER, 409, 'invalid_state');
    await refused('submit', { expectedVersion: 1 }, REVIEWER, 403, 'forbidden');
    expect((await act(id, 'submit', { expectedVersion: 1 })).json().status).toBe('in_review');
    const edit = await app.inject({
      method: 'PATCH',
      url: `${BASE}/${id}`,
      headers: OPERATOR,
      payload: { expectedVersion: 2, title: '改' },
    });
    expect(edit.json().error.code).toBe('invalid_state');
    await refused('approve', { expectedVersion: 2 }, OPERATOR, 403, 'forbidden');
    await refused('approve', { expectedVersion: 1 }, REVIEWER, 409, 'conflict');
    await refused('reject', { expectedVersion: 2, reason: ' ' }, REVIEWER, 400, 'validation');
    const rejected = await act(
      id,
      'reject',
      { expectedVersion: 2, reason: '第二段涉及内部人员信息' },
      REVIEWER,
    );
    expect(rejected.json()).toMatchObject({ status: 'draft', version: 3 });
    expect((await detail(id)).review).toEqual({
      reviewer: `${CODE}-reviewer`,
      reviewerName: `${CODE} reviewer`,
      reviewedOn: '2021-03-10',
      result: 'rejected',
      opinion: '第二段涉及内部人员信息',
    });
    const view = await publish(id);
    expect(view.status).toBe('published');
    expect(view.indexNo).toMatch(/^TESTZONE\/2021-01-\d{5}$/);
    expect(view.review).toMatchObject({
      reviewer: `${CODE}-reviewer`,
      result: 'approved',
      opinion: '同意公开',
    });
    expect(view.allowedActions).toEqual(['edit', 'attach', 'detach', 'withdraw', 'post', 'link']);
    expect(view.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'submitted',
      'rejected',
      'submitted',
      'approved',
      'published',
    ]);
    expect(view.events[2]).toMatchObject({
      actor: `${CODE}-reviewer`,
      stateBefore: 'in_review',
      stateAfter: 'draft',
    });
    const next = await publish(await draft());
    const seq = (indexNo: string) => Number(indexNo.slice(-5));
    expect(seq(next.indexNo)).toBe(seq(view.indexNo) + 1);
  });

  it('提请签发发布: the operator asks, the approver returns with a reason, then approves — publishing as the approver', async () => {
    at('2021-03-11');
    const id = await draft({ title: '测试局2021年政务公开工作要点' });
    let version = (await act(id, 'submit', { expectedVersion: 1 })).json().version;
    const ask = (body: object = {}, headers = OPERATOR) =>
      post(`${BASE}/${id}/approval-requests`, body, headers);
    // in review: nothing to ask yet
    const early = await ask({ expectedVersion: version });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'invalid_state' });
    expect(early.json().error.message).toContain('保密审查通过后方可提请签发发布');
    version = (await act(id, 'approve', { expectedVersion: version, opinion: '同意公开' }, REVIEWER)).json()
      .version;
    // 发布 is the approver's: the operator is refused, in Chinese, naming the role
    const direct = await act(id, 'publish', { expectedVersion: version });
    expect(direct.statusCode).toBe(403);
    expect(direct.json().error.message).toBe(
      '发布需要“审批负责人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    );
    expect((await ask({}, REVIEWER)).statusCode).toBe(403);
    expect((await ask({}, APPROVER)).json().error.message).toContain('提请签发发布需要“经办人”角色');
    const asked = await ask({ expectedVersion: version, reason: '已通过保密审查，请签发。' });
    expect(asked.statusCode, asked.body).toBe(201);
    const first = asked.json().approvalId;
    expect(asked.json()).toEqual({ approvalId: first, itemId: id, action: 'publish' });
    const again = await ask();
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      `该信息已有待审批的“签发发布”（由 ${CODE} operator 提请），请等待审批负责人批准或退回后再提请。`,
    );
    // on the 待审批 list, with the item's title
    const pending = (
      await app.inject({ url: `/api/v1/agencies/${CODE}/approval-requests?state=pending`, headers: APPROVER })
    ).json().approvals;
    expect(pending).toContainEqual(
      expect.objectContaining({
        id: first,
        subjectType: 'item',
        itemId: id,
        itemTitle: '测试局2021年政务公开工作要点',
        requestId: null,
        action: 'publish',
        actionLabel: '签发发布',
        reason: '已通过保密审查，请签发。',
        requestedBy: `${CODE}-operator`,
        state: 'pending',
      }),
    );
    // the case queue's 待审批 counts cases only
    const queue = (
      await app.inject({
        url: `/api/v1/agencies/${CODE}/requests?filter=pending_approval`,
        headers: APPROVER,
      })
    ).json();
    expect(queue.total).toBe(0);
    const decide = (approvalId: number, verb: string, body: object, headers = APPROVER) =>
      post(`/api/v1/agencies/${CODE}/approval-requests/${approvalId}/${verb}`, body, headers);
    expect((await decide(first, 'approve', {}, OPERATOR)).statusCode).toBe(403);
    expect((await decide(first, 'return', {})).json().error.message).toBe('请填写退回理由。');
    const returned = await decide(first, 'return', { reason: '发文机关名称有误，请核对后再提请。' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toEqual({ approvalId: first, itemId: id, requestId: null });
    const afterReturn = await detail(id);
    expect(afterReturn.status).toBe('approved');
    expect(afterReturn.approvals[0]).toMatchObject({
      state: 'returned',
      returnReason: '发文机关名称有误，请核对后再提请。',
      decidedBy: `${CODE}-approver`,
      decidedByName: `${CODE} approver`,
    });
    expect((await decide(first, 'approve', {})).statusCode).toBe(409);
    const second = (await ask()).json().approvalId;
    expect((await detail(id)).approvals[0]).toMatchObject({
      id: second,
      state: 'pending',
      reason: '该信息已通过保密审查，提请签发发布。',
    });
    at('2021-03-12');
    const approved = await decide(second, 'approve', {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      approvalId: second,
      itemId: id,
      requestId: null,
      state: 'published',
    });
    const view = await detail(id);
    expect(view).toMatchObject({ status: 'published', publishedOn: '2021-03-12' });
    expect(view.indexNo).toMatch(/^TESTZONE\/2021-01-\d{5}$/);
    expect(view.approvals[0]).toMatchObject({ id: second, state: 'approved', decidedBy: `${CODE}-approver` });
    const events = view.events.map((e: { type: string; actor: string; stateAfter: string }) => [
      e.type,
      e.actor,
      e.stateAfter,
    ]);
    expect(events.slice(3)).toEqual([
      ['approval_requested', `${CODE}-operator`, 'approved'],
      ['approval_returned', `${CODE}-approver`, 'approved'],
      ['approval_requested', `${CODE}-operator`, 'approved'],
      ['published', `${CODE}-approver`, 'published'],
      ['approval_granted', `${CODE}-approver`, 'published'],
    ]);
    const granted = view.events.at(-1);
    expect(granted.data).toMatchObject({ approvalId: second, actionEventId: approved.json().eventId });
    expect((await app.inject({ url: `/api/v1/agencies/${CODE}/published-items/${id}` })).statusCode).toBe(
      200,
    );
    expect((await ask()).json().error.code).toBe('invalid_state');
    at('2021-03-10');
  });

  it('提请签发发布: an approval the publication refuses writes nothing and stays pending', async () => {
    at('2021-03-11');
    const id = await draft({ title: '测试局2021年信息公开指南修订说明' });
    let version = (await act(id, 'submit', { expectedVersion: 1 })).json().version;
    version = (await act(id, 'approve', { expectedVersion: version, opinion: '同意公开' }, REVIEWER)).json()
      .version;
    const asked = await post(`${BASE}/${id}/approval-requests`, { expectedVersion: version });
    expect(asked.statusCode, asked.body).toBe(201);
    // a change of content voids the review: the item is a draft again
    const edited = await app.inject({
      method: 'PATCH',
      url: `${BASE}/${id}`,
      headers: OPERATOR,
      payload: { expectedVersion: version, title: '测试局2021年信息公开指南修订说明（修改稿）' },
    });
    expect(edited.json().status).toBe('draft');
    const before = await detail(id);
    const approved = await post(
      `/api/v1/agencies/${CODE}/approval-requests/${asked.json().approvalId}/approve`,
      {},
      APPROVER,
    );
    expect(approved.statusCode, approved.body).toBe(409);
    expect(approved.json().error).toMatchObject({ code: 'invalid_state' });
    expect(approved.json().error.message).toContain('不能发布');
    const after = await detail(id);
    expect(after).toMatchObject({ status: 'draft', version: before.version, publishedOn: null });
    expect(after.events).toHaveLength(before.events.length);
    expect(after.approvals[0]).toMatchObject({
      id: asked.json().approvalId,
      state: 'pending',
      decidedBy: null,
    });
    at('2021-03-10');
  });

  it('refuses a reviewer who drafted the item', async () => {
    const id = await draft({}, as('both'));
    await act(id, 'submit', { expectedVersion: 1 }, as('both'));
    const own = await act(id, 'approve', { expectedVersion: 2 }, as('both'));
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toContain('起草人');
    expect((await act(id, 'approve', { expectedVersion: 2 }, REVIEWER)).statusCode).toBe(200);
  });

  it('lists only published items to the public, by category', async () => {
    const published = await publish(await draft({ title: '测试局机构职能', category: 'a20.2' }));
    const hidden = await draft({ title: '尚在起草的机构职能', category: 'a20.2' });
    const list = (
      await app.inject({ url: `/api/v1/agencies/${CODE}/published-items?category=a20.2` })
    ).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([published.id]);
    expect(list.items[0]).toMatchObject({
      indexNo: published.indexNo,
      categoryLabel: expect.stringContaining('机关职能'),
    });
    expect((await app.inject({ url: `/api/v1/agencies/${CODE}/published-items/${hidden}` })).statusCode).toBe(
      404,
    );
    const staff = (
      await app.inject({ url: `${BASE}?category=a20.2&status=draft`, headers: OPERATOR })
    ).json();
    expect(staff.items.map((i: { id: number }) => i.id)).toEqual([hidden]);
    expect((await app.inject({ url: BASE })).statusCode).toBe(401);
  });

  it('strips an unsafe <script> from the body', async () => {
    const id = await draft({ bodyHtml: '<p onclick="x()">正文</p><script>alert("x")</script>' });
    expect((await detail(id)).bodyHtml).toBe('<p>正文</p>');
  });

  it('counts a publication under 网站, a posting under 微信, and keeps both after withdrawal', async () => {
    const [website, wechat] = [await channelCount(2021, 'website'), await channelCount(2021, 'wechat')];
    const view = await publish(await draft({ title: '测试局2021年部门预算公开' }));
    expect(await channelCount(2021, 'website')).toBe((website ?? 0) + 1);
    const link = 'https://mp.weixin.qq.com/s/abc';
    const posted = await act(view.id, 'postings', {
      expectedVersion: view.version,
      channel: 'wechat',
      postedOn: '2021-03-10',
      link,
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(await channelCount(2021, 'wechat')).toBe((wechat ?? 0) + 1);
    const unknown = await act(view.id, 'postings', {
      expectedVersion: posted.json().version,
      channel: 'tiktok',
      postedOn: '2021-03-10',
      link,
    });
    expect(unknown.statusCode).toBe(400);
    const report = await buildAnnualReport(use(), CODE, 2021);
    expect(report?.charts.publicationsByChannel).toContainEqual({ label: '微信', value: (wechat ?? 0) + 1 });
    const withdrawn = await act(view.id, 'withdraw', {
      expectedVersion: posted.json().version,
      reason: '内容已过时',
    });
    expect(withdrawn.json().status).toBe('withdrawn');
    expect(await channelCount(2021, 'website')).toBe((website ?? 0) + 1);
    expect(await channelCount(2021, 'wechat')).toBe((wechat ?? 0) + 1);
    expect((await detail(view.id)).postings).toEqual([
      { channel: 'website', channelName: '网站', publishedOn: '2021-03-10', link: null },
      { channel: 'wechat', channelName: '微信', publishedOn: '2021-03-10', link },
    ]);
    expect(
      (await app.inject({ url: `/api/v1/agencies/${CODE}/published-items/${view.id}` })).statusCode,
    ).toBe(404);
  });

  it('links a policy document and its interpretation both ways; the report counts both', async () => {
    const before = (await loadReportFacts(use(), CODE, 2021))?.current.publications;
    const policy = await draft({ title: '测试局关于促进就业的若干措施', isPolicyDocument: true });
    const interpretation = await draft({
      title: '《关于促进就业的若干措施》政策解读',
      isInterpretation: true,
    });
    const other = await draft();
    expect((await act(other, 'policy', { expectedVersion: 1, policyItemId: policy })).statusCode).toBe(400);
    expect(
      (await act(interpretation, 'policy', { expectedVersion: 1, policyItemId: other })).statusCode,
    ).toBe(400);
    expect(
      (await act(interpretation, 'policy', { expectedVersion: 1, policyItemId: policy })).statusCode,
    ).toBe(200);
    await publish(policy);
    const shown = await publish(interpretation);
    expect(shown.policy).toMatchObject({ id: policy, title: '测试局关于促进就业的若干措施' });
    expect((await detail(policy)).interpretations.map((i: { id: number }) => i.id)).toEqual([interpretation]);
    const page = (await app.inject({ url: `/api/v1/agencies/${CODE}/published-items/${policy}` })).json();
    expect(page.interpretations).toMatchObject([
      { id: interpretation, title: '《关于促进就业的若干措施》政策解读' },
    ]);
    const after = (await loadReportFacts(use(), CODE, 2021))?.current.publications;
    expect(after?.policyDocuments).toBe((before?.policyDocuments ?? 0) + 1);
    expect(after?.interpretations).toBe((before?.interpretations ?? 0) + 1);
    const rows = await use()
      .kysely.selectFrom('publications')
      .select(['id', 'item_id', 'interprets_id'])
      .where('item_id', 'in', [policy, interpretation])
      .execute();
    const policyRow = rows.find((r) => r.item_id === policy);
    expect(rows.find((r) => r.item_id === interpretation)?.interprets_id).toBe(policyRow?.id);
  });

  it('keeps the search index in step: publish, edit, withdraw', async () => {
    const view = await publish(
      await draft({ title: '测试局海洋牧场建设实施方案', bodyHtml: '<p>推进近海养殖。</p>' }),
    );
    expect((await search('海洋牧场')).hits.map((h) => h.id)).toContain(view.id);
    const edited = await app.inject({
      method: 'PATCH',
      url: `${BASE}/${view.id}`,
      headers: OPERATOR,
      payload: { expectedVersion: view.version, title: '测试局渔业资源养护实施方案' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await search('渔业资源')).hits.map((h) => h.id)).toContain(view.id);
    expect((await search('海洋牧场')).hits.map((h) => h.id)).not.toContain(view.id);
    const events = (await detail(view.id)).events;
    expect(events.at(-1).data.changes.title).toEqual({
      before: '测试局海洋牧场建设实施方案',
      after: '测试局渔业资源养护实施方案',
    });
    await act(view.id, 'withdraw', { expectedVersion: edited.json().version, reason: '已被新方案替代' });
    expect((await search('渔业资源')).hits.map((h) => h.id)).not.toContain(view.id);
  });

  it('flags publication after 20 working days on the 2024 calendar, around Spring Festival', async () => {
    at('2024-03-20');
    const formed = { formedOn: '2024-01-26' };
    const onTime = await publish(await draft(formed), {
      reviewedOn: '2024-02-20',
      publishedOn: '2024-02-28',
    });
    const late = await publish(await draft(formed), { reviewedOn: '2024-02-20', publishedOn: '2024-02-29' });
    const waiting = await draft({ ...formed, title: '尚未发布的通知' });
    expect(onTime.timeliness).toEqual({ dueOn: '2024-02-28', workingDays: 20, late: false });
    expect(late.timeliness).toEqual({ dueOn: '2024-02-28', workingDays: 21, late: true });
    const dashboard = (
      await app.inject({ url: `/api/v1/agencies/${CODE}/timeliness/2024`, headers: OPERATOR })
    ).json();
    expect(dashboard.figure).toEqual({ published: 2, withinLimit: 1, late: 1 });
    expect(dashboard.late.map((i: { id: number }) => i.id)).toEqual([late.id]);
    expect(dashboard.overdue.map((i: { id: number }) => i.id)).toContain(waiting);
    expect(dashboard.provisional).toBe(false);
  });
});
