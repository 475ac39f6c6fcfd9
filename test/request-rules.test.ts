import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { residentIdCheckCode } from '../src/domain/identity/resident-id.ts';
import { normalizeTrackingCode } from '../src/domain/requests/identifiers.ts';
import { buildServer } from '../src/server/app.ts';
import { describeEachWithDemo } from './databases.ts';

const OPERATOR = { 'x-gongkai-user': 'lingang-operator' };
const ADMIN = { 'x-gongkai-user': 'rules-platform-admin' };
const BASE = '/api/v1/agencies/lingang/requests';
const id17 = '37100219800101123';
const applicant = {
  name: '李四',
  idType: 'resident_id',
  idNumber: id17 + residentIdCheckCode(id17),
  phone: '13800000000',
  address: '山东省威海市某路2号',
  information: '某项目环评批复',
  form: 'paper',
  delivery: 'post',
};

/** The rules a case's history must keep: found in review, each with the case that broke it. */
describeEachWithDemo('request rules that keep cases lawful and workable', (use) => {
  let app: FastifyInstance;
  let now = new Date();
  const at = (iso: string) => {
    now = new Date(`${iso}T02:00:00Z`);
  };
  beforeAll(async () => {
    const db = use().kysely;
    await db
      .insertInto('users')
      .values({
        username: 'rules-platform-admin',
        display_name: '平台管理员',
        created_at: new Date().toISOString(),
        platform_admin: 1,
      })
      .execute();
    app = await buildServer({ db: use(), now: () => now, trustUserHeader: true });
    await app.ready();
  });
  afterAll(() => app.close());

  const act = (
    id: number,
    action: string,
    expectedVersion: number,
    payload: object,
    extra: object = {},
    headers = OPERATOR,
  ) =>
    app.inject({
      method: 'POST',
      url: `${BASE}/${id}/actions/${action}`,
      headers,
      payload: { expectedVersion, payload, ...extra },
    });
  async function register(receivedOn: string) {
    const res = await app.inject({
      method: 'POST',
      url: BASE,
      headers: OPERATOR,
      payload: { channel: 'letter', applicantType: 'natural_person', applicant, receivedOn },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('条例第三十一条: a request filed online on a Sunday is received on Monday; acting on it that Sunday is refused in one clear message, on Monday it works', async () => {
    at('2026-12-06'); // a Sunday
    const filed = await app.inject({
      method: 'POST',
      url: `${BASE}/online`,
      payload: { applicantType: 'natural_person', applicant },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const receipt = filed.json();
    expect(receipt.receivedOn).toBe('2026-12-07');
    const { id: requestId } = await use()
      .kysely.selectFrom('requests')
      .select('id')
      .where('tracking_code', '=', normalizeTrackingCode(receipt.trackingCode))
      .executeTakeFirstOrThrow();
    const sunday = await act(requestId, 'request_correction', 1, { until: '2026-12-20', what: '写明文号' });
    expect(sunday.statusCode).toBe(409);
    expect(sunday.json().error.message).toContain('以 2026-12-07（下一个工作日）为收到申请之日');
    expect(sunday.json().error.message).not.toContain('不能晚于今天');
    const after = await app.inject({ method: 'GET', url: `${BASE}/${requestId}`, headers: OPERATOR });
    expect(after.json().version).toBe(1);
    at('2026-12-07');
    const monday = await act(requestId, 'request_correction', 1, { until: '2026-12-20', what: '写明文号' });
    expect(monday.statusCode, monday.body).toBe(200);
  });

  it('keeps a case workable after a calendar change that would make its correction notice late', async () => {
    at('2026-09-28');
    const r = await register('2026-09-28');
    at('2026-10-13');
    expect(
      (await act(r.requestId, 'request_correction', 1, { until: '2026-10-30', what: '写明文号' })).statusCode,
    ).toBe(200);
    const override = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/overrides',
      headers: ADMIN,
      payload: { date: '2026-10-07', kind: 'workday', source: '测试用：虚构的调休通知' },
    });
    expect(override.statusCode, override.body).toBe(201);
    at('2026-10-20');
    expect((await app.inject({ url: `${BASE}/${r.requestId}`, headers: OPERATOR })).statusCode).toBe(200);
    expect((await act(r.requestId, 'receive_correction', 2, {})).statusCode).toBe(200);
    await app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-10-07', headers: ADMIN });
  });

  it('sends one fee notice per application and takes only its amount', async () => {
    at('2024-09-27');
    const r = await register('2024-09-27');
    expect(
      (await act(r.requestId, 'send_fee_notice', 1, { method: 'per_page', pages: 150 })).statusCode,
    ).toBe(200);
    at('2024-10-10');
    const wrong = await act(r.requestId, 'record_fee_payment', 2, { amountYuan: 1 });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.message).toContain('1700元');
    expect((await act(r.requestId, 'record_fee_payment', 2, { amountYuan: 1700 })).statusCode).toBe(200);
    const again = await act(r.requestId, 'send_fee_notice', 3, {
      method: 'per_piece',
      pieces: 20,
      previousPiecesThisMonth: 0,
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a step dated before the case’s last one', async () => {
    at('2024-03-04');
    const r = await register('2024-03-04');
    at('2024-03-08');
    expect(
      (
        await act(r.requestId, 'send_consultation', 1, {
          party: '某公司',
          kind: 'third_party',
          question: '是否同意',
        })
      ).statusCode,
    ).toBe(200);
    const back = await act(
      r.requestId,
      'receive_consultation_reply',
      2,
      { summary: '同意', objects: false },
      { occurredOn: '2024-03-05' },
    );
    expect(back.statusCode).toBe(400);
    expect(back.json().error.message).toContain('时间顺序');
  });

  it.each([
    ['other.no_fee without a fee notice', { outcome: 'other.no_fee', basis: 'a42.f6', reasons: '未缴费' }],
    [
      'unable.unclear without a correction',
      { outcome: 'unable.unclear', basis: 'a30.unclear', reasons: '不明确' },
    ],
    [
      'third-party objection without consulting',
      { outcome: 'denied.third_party', basis: 'a15.a32', reasons: '第三方反对' },
    ],
  ])('refuses a decision of %s', async (_situation, payload) => {
    at('2024-04-01');
    const r = await register('2024-04-01');
    const res = await act(r.requestId, 'decide', 1, payload);
    expect(res.statusCode, res.body).toBe(409);
  });

  it('lets only an operator act on a case', async () => {
    at('2024-04-01');
    const r = await register('2024-04-01');
    const res = await act(
      r.requestId,
      'decide',
      1,
      { outcome: 'granted', basis: 'a36.2', reasons: '公开' },
      {},
      { 'x-gongkai-user': 'lingang-reviewer' },
    );
    expect(res.statusCode).toBe(403);
  });

  it('a 行政复议 or 诉讼 (table 四) is recorded by the operator only: approver, reviewer, agency admin and platform admin get 403, nothing stored', async () => {
    at('2026-06-01');
    const r = await register('2026-06-01');
    const url = `${BASE}/${r.requestId}/reviews`;
    const payload = { group: 'review', filedOn: '2026-06-01', decidedOn: null, result: null };
    const reviews = async () =>
      (
        await use()
          .kysely.selectFrom('review_cases')
          .select('id')
          .where('request_id', '=', r.requestId)
          .execute()
      ).length;
    // each role alone (the demo's approver and admin are also operators)
    const db = use().kysely;
    const agency = await db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow();
    for (const role of ['approver', 'reviewer', 'agency_admin']) {
      const user = await db
        .insertInto('users')
        .values({ username: `rules-only-${role}`, display_name: role, created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('user_roles').values({ user_id: user.id, agency_id: agency.id, role }).execute();
    }
    for (const who of [
      'rules-only-approver',
      'rules-only-reviewer',
      'rules-only-agency_admin',
      'rules-platform-admin',
    ]) {
      const res = await app.inject({ method: 'POST', url, headers: { 'x-gongkai-user': who }, payload });
      expect(res.statusCode, who).toBe(403);
      if (who !== 'rules-platform-admin')
        expect(res.json().error.message).toBe(
          '登记行政复议、行政诉讼案件需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
        );
    }
    expect(await reviews()).toBe(0);
    const ok = await app.inject({ method: 'POST', url, headers: OPERATOR, payload });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await reviews()).toBe(1);
  });

  it.each([
    [
      'a received date before the calendar',
      'POST',
      BASE,
      { channel: 'letter', applicantType: 'natural_person', applicant, receivedOn: '1999-12-30' },
    ],
    ['a case id beyond the integer range', 'GET', `${BASE}/99999999999`, undefined],
    ['a case id in hexadecimal (0x13 is not case 19)', 'GET', `${BASE}/0x13`, undefined],
    ['a case id with an exponent', 'GET', `${BASE}/1e1`, undefined],
    ['a page size with an exponent', 'GET', `${BASE}?limit=1e1`, undefined],
    ['a page offset with a sign', 'GET', `${BASE}?offset=+5`, undefined],
    ['a review filed on 2026-02-31', 'POST', `${BASE}/1/reviews`, { group: 'review', filedOn: '2026-02-31' }],
  ] as const)('answers 400, not 500, for %s', async (_situation, method, url, payload) => {
    at('2026-06-01');
    const res = await app.inject({ method, url, headers: OPERATOR, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBe(400);
  });

  it('picks up a calendar change made by another process (the CLI) on the next request', async () => {
    const url = '/api/v1/deadline?from=2026-11-26&days=1';
    expect((await app.inject({ url })).json().due).toBe('2026-11-27');
    const db = use().kysely;
    const row = {
      date: '2026-11-27',
      kind: 'holiday',
      source: '测试用：虚构',
      created_at: new Date().toISOString(),
      actor: 'cli:test',
    };
    await db.insertInto('calendar_overrides').values(row).execute();
    expect((await app.inject({ url })).json().due).toBe('2026-11-30');
    await db.deleteFrom('calendar_overrides').where('date', '=', '2026-11-27').execute();
    expect((await app.inject({ url })).json().due).toBe('2026-11-27');
  });

  it('keeps the applicant’s attachments with the case, checked by content', async () => {
    at('2024-05-06');
    const r = await register('2024-05-06');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = (fileName: string, bytes: Buffer, expectedVersion: number) =>
      app.inject({
        method: 'POST',
        url: `${BASE}/${r.requestId}/attachments`,
        headers: OPERATOR,
        payload: { expectedVersion, fileName, contentBase64: bytes.toString('base64') },
      });
    const fake = await upload('申请书.pdf', Buffer.from('MZ\x90\x00not a pdf'), 1);
    expect(fake.statusCode).toBe(415);
    const good = await upload('申请书.pdf', pdf, 1);
    expect(good.statusCode, good.body).toBe(201);
    const view = (await app.inject({ url: `${BASE}/${r.requestId}`, headers: OPERATOR })).json();
    expect(view.attachments).toMatchObject([{ fileName: '申请书.pdf', mediaType: 'application/pdf' }]);
    expect(view.events.at(-1)).toMatchObject({ type: 'attachment_added', actor: 'lingang-operator' });
    const file = await app.inject({
      url: `${BASE}/${r.requestId}/attachments/${good.json().attachmentId}`,
      headers: OPERATOR,
    });
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });

  it('does not list a case in consultation as overdue before its pause can end', async () => {
    at('2026-09-01');
    const r = await register('2026-09-01');
    at('2026-09-28');
    expect(
      (
        await act(r.requestId, 'send_consultation', 1, {
          party: '某公司',
          kind: 'third_party',
          question: '是否同意',
        })
      ).statusCode,
    ).toBe(200);
    at('2026-10-12');
    const overdue = (await app.inject({ url: `${BASE}?filter=overdue&limit=200`, headers: OPERATOR })).json();
    expect(overdue.cases.map((c: { id: number }) => c.id)).not.toContain(r.requestId);
    const view = (await app.inject({ url: `${BASE}/${r.requestId}`, headers: OPERATOR })).json();
    expect(view.clock.overdue).toBe(false);
  });

  const view = async (id: number) => (await app.inject({ url: `${BASE}/${id}`, headers: OPERATOR })).json();
  const deliver = (id: number, letterId: number, expectedVersion: number, sentOn: string) =>
    app.inject({
      method: 'POST',
      url: `${BASE}/${id}/letters/${letterId}/delivery`,
      headers: OPERATOR,
      payload: { expectedVersion, method: 'in_person', sentOn },
    });

  it('109号: a fee notice whose 送达 is not recorded cannot lapse; once recorded, 20 working days run from the day after', async () => {
    at('2024-09-02');
    const r = await register('2024-09-02');
    expect(
      (await act(r.requestId, 'send_fee_notice', 1, { method: 'per_page', pages: 150 })).statusCode,
    ).toBe(200);
    at('2024-11-01');
    let found = await view(r.requestId);
    expect(found.clock).toMatchObject({ state: 'awaiting_fee', waitingUntil: null, deliveryUnknown: true });
    const early = await act(r.requestId, 'close_fee_lapsed', 2, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('送达日期尚未登记');
    const notice = found.letters.find((l: { kind: string }) => l.kind === 'fee');
    const delivered = await deliver(r.requestId, notice.id, 2, '2024-09-05');
    expect(delivered.statusCode, delivered.body).toBe(200);
    found = await view(r.requestId);
    // 20 working days after 2024-09-05 (the Mid-Autumn Festival and National Day not counted)
    expect(found.clock).toMatchObject({ state: 'fee_lapsed', deliveryUnknown: false });
    const summary = (
      await app.inject({ url: `${BASE}?filter=awaiting_fee&limit=200`, headers: OPERATOR })
    ).json();
    expect(summary.cases.find((c: { id: number }) => c.id === r.requestId)).toMatchObject({
      clockState: 'fee_lapsed',
    });
    expect((await act(r.requestId, 'close_fee_lapsed', 3, {})).statusCode).toBe(200);
    // 复议法 第二十三条第二款: its answer names the agency's review body and court like every answer
    const answer = (await view(r.requestId)).letters.find((l: { kind: string }) => l.kind === 'answer.other');
    const html = (
      await app.inject({ url: `${BASE}/${r.requestId}/letters/${answer.id}.html`, headers: OPERATOR })
    ).body;
    expect(html).toContain('向威海市人民政府申请行政复议');
    expect(html).toContain('向威海市环翠区人民法院提起行政诉讼');
    expect(html).not.toContain('有管辖权的人民法院');
  });

  it('第三十二条: the consulted party’s 15 working days run from its receipt of the letter', async () => {
    at('2026-09-01');
    const r = await register('2026-09-01');
    at('2026-09-28');
    const sent = await act(r.requestId, 'send_consultation', 1, {
      party: '某公司',
      kind: 'third_party',
      question: '是否同意',
    });
    expect(sent.statusCode).toBe(200);
    let found = await view(r.requestId);
    expect(found.clock).toMatchObject({
      state: 'in_consultation',
      waitingUntil: null,
      deliveryUnknown: true,
    });
    const letter = found.letters.find((l: { kind: string }) => l.kind === 'consultation');
    at('2026-10-12');
    expect((await deliver(r.requestId, letter.id, 2, '2026-10-09')).statusCode).toBe(200);
    found = await view(r.requestId);
    // received Friday 10-09 (10-01…10-07 off, Saturday 10-10 worked): the 15th working day after is 10-29
    expect(found.clock).toMatchObject({
      state: 'in_consultation',
      waitingUntil: '2026-10-29',
      deliveryUnknown: false,
    });
    const listed = (
      await app.inject({ url: `${BASE}?filter=in_consultation&limit=200`, headers: OPERATOR })
    ).json();
    expect(listed.cases.find((c: { id: number }) => c.id === r.requestId)).toMatchObject({
      waitingUntil: '2026-10-29',
    });
  });
});
