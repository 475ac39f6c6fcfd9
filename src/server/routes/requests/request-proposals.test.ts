import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import type { Db } from '../../../db/connection.ts';
import { residentIdCheckCode } from '../../../domain/identity/resident-id.ts';
import { buildServer } from '../../app.ts';

const PASSWORD = 'proposals-route-2026';
const BASE = '/api/v1/agencies/pp-mine/requests';
const as = (user: string) => ({ 'x-gongkai-user': user });
const STAFF = ['pp-operator', 'pp-reviewer', 'pp-approver', 'pp-admin'];

/** A valid 居民身份证号: the 17 digits and their check code (GB 11643, domain/identity). */
const residentId = (body17: string): string => body17 + residentIdCheckCode(body17);

describeEachDatabase('条例第四十四条: /api/v1/agencies/:code/requests/proposals', (use) => {
  let app: FastifyInstance;
  let db: Db;
  const id: Record<string, number> = {};

  const register = async (
    key: string,
    name: string,
    person: string,
    information: string,
    receivedOn: string,
  ) => {
    const res = await app.inject({
      method: 'POST',
      url: BASE,
      headers: as('pp-operator'),
      payload: {
        channel: 'letter',
        receivedOn,
        applicantType: 'natural_person',
        applicant: {
          ...{
            name,
            idType: 'resident_id',
            idNumber: residentId(`3710021980010${person}`),
            phone: '13800000000',
          },
          ...{ address: '山东省威海市环翠区某路1号', information, form: 'paper', delivery: 'post' },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    id[key] = res.json().requestId;
  };
  const grant = async (key: string) => {
    const res = await app.inject({
      method: 'POST',
      url: `${BASE}/${id[key]}/actions/decide`,
      headers: as('pp-operator'),
      payload: {
        expectedVersion: 1,
        payload: {
          outcome: 'granted',
          basis: 'a36.2',
          reasons: '属于公开范围',
          fields: { delivery: '随本答复书邮寄' },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const list = async (user: string, query = 'year=2026') =>
    app.inject({ url: `${BASE}/proposals?${query}`, headers: as(user) });
  const post = (user: string, what: 'include' | 'decline', payload: object) =>
    app.inject({ method: 'POST', url: `${BASE}/proposals/${what}`, headers: as(user), payload });
  const eventsOf = (type: string, subject: number, name: string) =>
    db.kysely
      .selectFrom('events')
      .select(['name', 'actor', 'data'])
      .where('subject_type', '=', type)
      .where('subject_id', '=', String(subject))
      .where('name', '=', name)
      .execute();

  beforeAll(async () => {
    db = use();
    const mine = await addAgency(db, 'pp-mine', '临港区人民政府办公室');
    const other = await addAgency(db, 'pp-other');
    for (const [username, role] of [
      ['pp-operator', 'operator'],
      ['pp-reviewer', 'reviewer'],
      ['pp-approver', 'approver'],
      ['pp-admin', 'agency_admin'],
    ])
      await addUser(db, {
        username,
        displayName: `${role} 姓名`,
        password: PASSWORD,
        agencyId: mine,
        roles: [role],
      });
    await addUser(db, {
      username: 'pp-other-admin',
      password: PASSWORD,
      agencyId: other,
      roles: ['agency_admin'],
    });
    app = await buildServer({ db, now: () => new Date('2026-03-20T02:00:00Z'), trustUserHeader: true });
    await app.ready();
    await register('zhang', '张三', '1101', '2025年城乡低保资金发放明细', '2026-03-02');
    await register('li', '李四', '1202', '请公开2025年度本区城乡低保资金的发放明细表', '2026-03-03');
    await register('wang', '王五', '1303', '2025年城乡医保资金发放明细', '2026-03-04');
    await register('zhangAgain', '张三', '1101', '某路段拆迁补偿方案', '2026-03-05');
    await register('zhao', '赵六', '1404', '临港区幼儿园招生划片范围', '2026-03-06');
    await register('qian', '钱七', '1505', '申请公开临港区幼儿园的招生划片范围', '2026-03-09');
    await grant('zhang');
    await grant('zhao');
  });
  afterAll(() => app.close());

  it.each(STAFF)(
    '条例第四十四条第一款: %s reads the year’s proposals: two applicants, one answered 予以公开',
    async (user) => {
      const res = await list(user);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.year).toBe(2026);
      expect(body.proposals.map((p: { requestIds: number[] }) => p.requestIds)).toEqual([
        [id.zhang, id.li],
        [id.zhao, id.qian],
      ]);
      expect(body.proposals[0]).toMatchObject({
        kind: 'same_information',
        status: 'open',
        applicants: 2,
        disclosable: true,
        undecided: 1,
        title: '2025年城乡低保资金发放明细',
      });
      expect(body.proposals[0].requests.map((r: { applicantName: string }) => r.applicantName)).toEqual([
        '张三',
        '李四',
      ]);
    },
  );

  it('条例第四十四条: another agency’s administrator and nobody are refused, reading or writing', async () => {
    for (const headers of [as('pp-other-admin'), {}]) {
      const read = await app.inject({ url: `${BASE}/proposals`, headers });
      const include = await app.inject({
        method: 'POST',
        url: `${BASE}/proposals/include`,
        headers,
        payload: { year: 2026, requestIds: [id.zhang, id.li], category: 'a20.11' },
      });
      const suggest = await app.inject({
        method: 'PUT',
        url: `${BASE}/${id.wang}/publish-suggestion`,
        headers,
        payload: { reasons: ['wide_awareness'] },
      });
      for (const res of [read, include, suggest]) expect([401, 403]).toContain(res.statusCode);
    }
  });

  it('条例第四十四条第二款: an operator records the applicant’s suggestion; it becomes a proposal of one applicant', async () => {
    for (const user of ['pp-reviewer', 'pp-approver', 'pp-admin']) {
      const refused = await app.inject({
        method: 'PUT',
        url: `${BASE}/${id.zhangAgain}/publish-suggestion`,
        headers: as(user),
        payload: { reasons: ['public_interest'] },
      });
      expect(refused.statusCode).toBe(403);
    }
    const res = await app.inject({
      method: 'PUT',
      url: `${BASE}/${id.zhangAgain}/publish-suggestion`,
      headers: as('pp-operator'),
      payload: { reasons: ['public_participation', 'public_interest'], note: '涉及整条街的住户' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().suggestion).toEqual({
      reasons: ['public_interest', 'public_participation'],
      reasonLabels: ['涉及公众利益调整', '需要公众参与决策'],
      note: '涉及整条街的住户',
    });
    const [event] = await eventsOf('request', id.zhangAgain, 'requests.publish_suggested');
    expect(event.actor).toBe('pp-operator');
    expect(JSON.parse(event.data)).toMatchObject({
      before: null,
      after: { reasons: ['public_interest', 'public_participation'] },
    });
    const proposals = (await list('pp-reviewer')).json().proposals;
    expect(proposals.find((p: { kind: string }) => p.kind === 'suggestion')).toMatchObject({
      requestIds: [id.zhangAgain],
      applicants: 1,
      suggestedBy: [id.zhangAgain],
    });
    const detail = (await app.inject({ url: `${BASE}/${id.zhangAgain}`, headers: as('pp-reviewer') })).json();
    expect(detail.publication.suggestion.reasonLabels).toEqual(['涉及公众利益调整', '需要公众参与决策']);
  });

  it('条例第四十四条第二款: a suggestion without a reason is refused in Chinese, naming the field; nothing written', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `${BASE}/${id.wang}/publish-suggestion`,
      headers: as('pp-operator'),
      payload: { reasons: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('建议纳入主动公开的理由');
    expect(res.json().error.message).not.toContain('reasons');
    expect(await eventsOf('request', id.wang, 'requests.publish_suggested')).toEqual([]);
  });

  it('条例第四十四条: 纳入 is the operator’s: a draft item linked to the requests, an event on it and on each request', async () => {
    const payload = { year: 2026, requestIds: [id.li, id.zhang], category: 'a20.11' };
    for (const user of ['pp-reviewer', 'pp-approver', 'pp-admin'])
      expect((await post(user, 'include', payload)).statusCode).toBe(403);
    const res = await post('pp-operator', 'include', payload);
    expect(res.statusCode, res.body).toBe(201);
    const { itemId } = res.json();
    const item = await db.kysely
      .selectFrom('items')
      .select(['status', 'title', 'category', 'issuer'])
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(item).toEqual({
      status: 'draft',
      title: '2025年城乡低保资金发放明细',
      category: 'a20.11',
      issuer: '临港区人民政府办公室',
    });
    const links = await db.kysely
      .selectFrom('item_requests')
      .select('request_id')
      .where('item_id', '=', itemId)
      .execute();
    expect(links.map((l) => l.request_id).sort((a, b) => a - b)).toEqual([id.zhang, id.li]);
    expect(await eventsOf('item', itemId, 'items.requests_linked')).toHaveLength(1);
    const detail = await app.inject({
      url: `/api/v1/agencies/pp-mine/items/${itemId}`,
      headers: as('pp-reviewer'),
    });
    expect(detail.json().fromRequests.map((r: { id: number }) => r.id)).toEqual([id.zhang, id.li]);
    for (const r of [id.zhang, id.li])
      expect(await eventsOf('request', r, 'requests.publication_included')).toHaveLength(1);
    const shown = (await list('pp-approver')).json().proposals[0];
    expect(shown).toMatchObject({ status: 'included', items: [{ id: itemId, status: 'draft' }] });
    const again = await post('pp-operator', 'include', payload);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已纳入主动公开');
  });

  it('条例第四十四条: requests that are not one proposal are refused (409), nothing written', async () => {
    const before = await db.kysely.selectFrom('items').select('id').execute();
    const res = await post('pp-operator', 'include', {
      year: 2026,
      requestIds: [id.zhao, id.wang],
      category: 'a20.11',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('不构成一项纳入主动公开的建议');
    expect(await db.kysely.selectFrom('items').select('id').execute()).toHaveLength(before.length);
  });

  it('条例第四十四条: 不纳入 is the approver’s, with a reason; the proposal does not come back', async () => {
    const payload = {
      year: 2026,
      requestIds: [id.zhao, id.qian],
      reason: '划片范围每年调整，已在招生公告中公开',
    };
    for (const user of ['pp-operator', 'pp-reviewer', 'pp-admin'])
      expect((await post(user, 'decline', payload)).statusCode).toBe(403);
    const blank = await post('pp-approver', 'decline', { ...payload, reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.message).toContain('不纳入理由');
    expect(await eventsOf('request', id.zhao, 'requests.publication_declined')).toEqual([]);
    const res = await post('pp-approver', 'decline', payload);
    expect(res.statusCode, res.body).toBe(201);
    for (const r of [id.zhao, id.qian]) {
      const [event] = await eventsOf('request', r, 'requests.publication_declined');
      expect(JSON.parse(event.data).reason).toBe(payload.reason);
    }
    const current = (await list('pp-operator')).json();
    expect(current.proposals.some((p: { requestIds: number[] }) => p.requestIds.includes(id.zhao))).toBe(
      false,
    );
    expect(current.counts.notIncluded).toBe(1);
    const declined = (await list('pp-operator', 'year=2026&status=not_included')).json().proposals;
    expect(declined).toEqual([
      expect.objectContaining({
        requestIds: [id.zhao, id.qian],
        decision: expect.objectContaining({
          reason: payload.reason,
          actor: 'pp-approver',
          actorName: 'approver 姓名',
        }),
      }),
    ]);
    expect((await post('pp-approver', 'decline', payload)).statusCode).toBe(409);
    const detail = (await app.inject({ url: `${BASE}/${id.qian}`, headers: as('pp-operator') })).json();
    expect(detail.publication.decisions).toEqual([
      expect.objectContaining({ result: 'not_included', reason: payload.reason, actorName: 'approver 姓名' }),
    ]);
  });

  it('条例第四十四条: a bad year is refused in Chinese, naming 年度', async () => {
    for (const query of ['year=abc', 'year=0x7e9', 'year=2.026e3']) {
      const res = await list('pp-operator', query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message).toContain('年度');
    }
  });

  it('条例第四十四条、第四十一条: a correction request is no request for information — not grouped, no suggestion on it', async () => {
    const correction = {
      kind: 'record_correction',
      channel: 'letter',
      receivedOn: '2026-03-10',
      applicantType: 'natural_person',
      applicant: {
        name: '孙八',
        idType: 'resident_id',
        idNumber: residentId('37100219800101606'),
        phone: '13800000000',
        address: '山东省威海市环翠区某路1号',
      },
      // the very words of 张三's request for information
      correction: {
        record: '2025年城乡低保资金发放明细',
        inaccuracy: '明细中孙八的发放金额记载有误',
        evidence: '银行流水',
      },
    };
    const withSuggestion = await app.inject({
      method: 'POST',
      url: BASE,
      headers: as('pp-operator'),
      payload: { ...correction, publishSuggestion: { reasons: ['public_interest'] } },
    });
    expect(withSuggestion.statusCode).toBe(400);
    expect(withSuggestion.json().error.message).toContain('更正申请');
    expect(withSuggestion.json().error.message).toContain('建议纳入主动公开');
    const res = await app.inject({
      method: 'POST',
      url: BASE,
      headers: as('pp-operator'),
      payload: correction,
    });
    expect(res.statusCode, res.body).toBe(201);
    const correctionId: number = res.json().requestId;
    for (const status of ['open', 'included', 'not_included']) {
      const listed = (await list('pp-reviewer', `year=2026&status=${status}`)).json();
      for (const p of listed.proposals as Array<{ requestIds: number[] }>)
        expect(p.requestIds, status).not.toContain(correctionId);
    }
    const suggested = await app.inject({
      method: 'PUT',
      url: `${BASE}/${correctionId}/publish-suggestion`,
      headers: as('pp-operator'),
      payload: { reasons: ['public_interest'] },
    });
    expect(suggested.statusCode).toBe(409);
    expect(suggested.json().error.message).toContain('条例第四十一条');
    expect(await eventsOf('request', correctionId, 'requests.publish_suggested')).toEqual([]);
  });
});
