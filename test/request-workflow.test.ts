import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAnnualReport } from '../src/commands/build-annual-report.ts';
import { buildServer } from '../src/server/app.ts';
import { withNarrowScreenCss } from '../src/server/routes/letters/letters.ts';
import { describeEachWithDemo } from './databases.ts';

const OPERATOR = { 'x-gongkai-user': 'lingang-operator' };
const APPROVER = { 'x-gongkai-user': 'lingang-approver' };
const BASE = '/api/v1/agencies/lingang/requests';

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
  information: '2023年临港区城乡低保资金发放明细',
  form: 'paper',
  delivery: 'post',
};

describeEachWithDemo('a request from intake to answer, through the API', (use) => {
  let app: FastifyInstance;
  let now = new Date('2024-02-08T02:00:00Z');
  beforeAll(async () => {
    app = await buildServer({ db: use(), now: () => now, trustUserHeader: true });
    await app.ready();
  });
  afterAll(() => app.close());

  const at = (iso: string) => {
    now = new Date(`${iso}T02:00:00Z`);
  };
  const act = (id: number, action: string, expectedVersion: number, payload: object, headers = OPERATOR) =>
    app.inject({
      method: 'POST',
      url: `${BASE}/${id}/actions/${action}`,
      headers,
      payload: { expectedVersion, payload },
    });

  async function register(receivedOn: string, extra: object = {}) {
    const res = await app.inject({
      method: 'POST',
      url: BASE,
      headers: OPERATOR,
      payload: {
        channel: 'letter',
        applicantType: 'natural_person',
        applicant,
        receivedOn,
        receiptNote: '挂号信签收',
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('registers a letter received before Spring Festival 2024 with the official due date', async () => {
    at('2024-02-08');
    const r = await register('2024-02-08');
    expect(r.dueOn).toBe('2024-03-13');
    expect(r.provisional).toBe(false);
    expect(r.registrationNo).toMatch(/^临港依申请〔2024〕\d+号$/);
    expect(r.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('takes a case through correction, consultation and extension to a partial answer', async () => {
    at('2024-02-08');
    const r = await register('2024-02-08');
    at('2024-02-19');
    let res = await act(r.requestId, 'request_correction', 1, {
      until: '2024-03-01',
      what: '请明确所需信息的时间范围',
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await act(r.requestId, 'decide', 2, { outcome: 'granted', basis: 'a36.2', reasons: '予以公开' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_state');
    at('2024-02-26');
    res = await act(r.requestId, 'receive_correction', 2, {});
    expect(res.statusCode, res.body).toBe(200);
    let view = (await app.inject({ url: `${BASE}/${r.requestId}`, headers: OPERATOR })).json();
    expect(view.clock.due).toBe('2024-03-25');
    res = await act(r.requestId, 'send_consultation', 3, {
      party: '某公司',
      kind: 'third_party',
      question: '是否同意公开',
    });
    expect(res.statusCode, res.body).toBe(200);
    at('2024-03-01');
    res = await act(r.requestId, 'receive_consultation_reply', 4, {
      summary: '部分内容涉及商业秘密',
      objects: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await act(r.requestId, 'extend', 5, { days: 20, reason: '需要汇总多个部门材料' });
    expect(res.statusCode).toBe(403);
    res = await act(r.requestId, 'extend', 5, { days: 20, reason: '需要汇总多个部门材料' }, APPROVER);
    expect(res.statusCode, res.body).toBe(200);
    res = await act(r.requestId, 'extend', 6, { days: 1, reason: '再延一天' }, APPROVER);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('20个工作日');
    // decided on the 20th, recorded on the 21st: the letter is dated the 20th
    at('2024-03-21');
    res = await app.inject({
      method: 'POST',
      url: `${BASE}/${r.requestId}/actions/decide`,
      headers: OPERATOR,
      payload: {
        expectedVersion: 6,
        occurredOn: '2024-03-20',
        payload: {
          items: [
            { description: '低保名单', outcome: 'granted' },
            { description: '企业补贴明细', outcome: 'denied.third_party' },
          ],
          basis: 'a37',
          fields: { delivery: '低保名单随本答复书邮寄', reason: '企业补贴明细涉及第三方商业秘密' },
          reasons: '第二项涉及第三方商业秘密',
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    view = (await app.inject({ url: `${BASE}/${r.requestId}`, headers: OPERATOR })).json();
    expect(view.state).toBe('decided');
    expect(view.outcome).toBe('partial');
    // 条例 第四十条: a 部分公开 provides information, so how it is provided may still be recorded
    expect(view.allowedActions).toEqual(['record_provision']);
    expect(view.events.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'correction_requested',
      'correction_received',
      'consultation_sent',
      'consultation_replied',
      'extended',
      'decided',
    ]);
    expect(view.events[1]).toMatchObject({
      actor: 'lingang-operator',
      stateBefore: 'open',
      stateAfter: 'awaiting_correction',
    });
    expect(view.letters.map((l: { kind: string }) => l.kind)).toEqual([
      'receipt',
      'correction',
      'consultation',
      'extension',
      'answer.partial',
    ]);
    const answer = view.letters[4];
    const docx = await app.inject({
      url: `${BASE}/${r.requestId}/letters/${answer.id}.docx`,
      headers: OPERATOR,
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.headers['content-disposition']).toContain("filename*=UTF-8''");
    const html = await app.inject({ url: `/api/v1/track/${r.trackingCode}/letters/${answer.id}.html` });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('第三十七条');
    expect(html.body).toContain('行政复议');
    expect(html.body).toContain(view.registrationNo);
    const wrongCase = await app.inject({ url: `/api/v1/track/${'b'.repeat(32)}/letters/${answer.id}.html` });
    expect(wrongCase.statusCode).toBe(404);
    // the tracking page's letters: the date printed on each, the outcome in words, 在线查看 opens in the browser
    expect(html.headers['content-disposition']).toMatch(/^inline;/);
    // on a phone the A4 margins give way (screen only; print keeps GB/T 9704)
    expect(html.body).toContain('@media screen and (max-width: 640px)');
    expect(withNarrowScreenCss(html.body)).toBe(html.body);
    expect(withNarrowScreenCss('<html><head><title>x</title></head><body></body></html>')).toContain(
      '<style>@media screen and (max-width: 640px)',
    );
    expect(docx.headers['content-disposition']).toMatch(/^attachment;/);
    const track = (await app.inject({ url: `/api/v1/track/${r.trackingCode}` })).json();
    expect(track.outcomeLabel).toBe('部分公开');
    const answerTracked = track.letters.find((l: { id: number }) => l.id === answer.id);
    expect(answerTracked.issuedOn).toBe('2024-03-20');
    expect(answerTracked.createdAt.slice(0, 10)).toBe('2024-03-21');
    const page = await app.inject({ url: `/track?code=${r.trackingCode}` });
    expect(page.body).toContain('<dt>答复结果</dt><dd>部分公开</dd>');
    expect(page.body).toContain('<td>2024年3月20日</td>');
    expect(page.body).not.toContain('2024年3月21日');
  });

  it('lets an agency admin edit a letter template, validated, and uses it for the next letter', async () => {
    const url = '/api/v1/agencies/lingang/letter-templates/receipt';
    const admin = { 'x-gongkai-user': 'lingang-admin' };
    expect(
      (await app.inject({ method: 'PUT', url, headers: OPERATOR, payload: { template: 'x' } })).statusCode,
    ).toBe(403);
    const bad = await app.inject({
      method: 'PUT',
      url,
      headers: admin,
      payload: { template: '{{applicant.age}}' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('applicant.age');
    const good =
      '@left {{applicant.name}}：\n\n本机关已于{{case.receivedOn}}收到您的申请，登记号{{case.registrationNo}}。临港专用回执。\n\n@right {{agency.name}}';
    expect(
      (await app.inject({ method: 'PUT', url, headers: admin, payload: { template: good } })).statusCode,
    ).toBe(200);
    at('2024-02-08');
    const r = await register('2024-02-08');
    const view = (await app.inject({ url: `${BASE}/${r.requestId}`, headers: OPERATOR })).json();
    const receipt = await app.inject({
      url: `${BASE}/${r.requestId}/letters/${view.letters[0].id}.html`,
      headers: OPERATOR,
    });
    expect(receipt.body).toContain('临港专用回执');
    await app.inject({ method: 'PUT', url, headers: admin, payload: { template: '' } });
  });

  it('refuses a correction notice after 7 working days', async () => {
    at('2024-02-08');
    const r = await register('2024-02-08');
    at('2024-02-26');
    const res = await act(r.requestId, 'request_correction', 1, { until: '2024-03-10', what: '补充' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('7个工作日');
  });

  it('lets one of two people acting on the same version win; the other gets a conflict', async () => {
    at('2024-02-08');
    const r = await register('2024-02-08');
    const [a, b] = await Promise.all([
      act(r.requestId, 'send_consultation', 1, {
        party: '甲公司',
        kind: 'third_party',
        question: '是否同意',
      }),
      act(r.requestId, 'request_reasons', 1, { what: '说明申请数量的理由' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const view = (await app.inject({ url: `${BASE}/${r.requestId}`, headers: OPERATOR })).json();
    expect(view.version).toBe(2);
    expect(view.events).toHaveLength(2);
  });

  it('pauses for a fee and records the payment', async () => {
    at('2024-09-27');
    const r = await register('2024-09-27');
    expect(r.dueOn).toBe('2024-10-30');
    let res = await act(r.requestId, 'send_fee_notice', 1, { method: 'per_page', pages: 150 });
    expect(res.statusCode, res.body).toBe(200);
    at('2024-10-10');
    res = await act(r.requestId, 'record_fee_payment', 2, { amountYuan: 1700 });
    expect(res.statusCode, res.body).toBe(200);
    const view = (await app.inject({ url: `${BASE}/${r.requestId}`, headers: OPERATOR })).json();
    expect(view.feeFen).toBe(170_000);
    expect(view.clock.due > '2024-10-30').toBe(true);
    res = await act(r.requestId, 'decide', 3, {
      ...{ outcome: 'granted', basis: 'a36.2', reasons: '予以公开' },
      fields: { delivery: '随本答复书邮寄' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = await buildAnnualReport(use(), 'lingang', 2024);
    const other = report?.narrative.other.flatMap((p) => p.segments.map((x) => x.text)).join('');
    expect(other).toContain('收取信息处理费1700元');
  });

  it('refuses bad input with a message per field and writes nothing', async () => {
    at('2024-02-08');
    const before = (await app.inject({ url: `${BASE}?filter=all`, headers: OPERATOR })).json().total;
    const res = await app.inject({
      method: 'POST',
      url: BASE,
      headers: OPERATOR,
      payload: {
        channel: 'letter',
        applicantType: 'natural_person',
        applicant: { ...applicant, idNumber: '371002198001011230' },
        receivedOn: '2024-02-30',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('idNumber');
    const after = (await app.inject({ url: `${BASE}?filter=all`, headers: OPERATOR })).json().total;
    expect(after).toBe(before);
  });

  it('refuses staff routes without a user, and to a user without a role in the agency', async () => {
    expect((await app.inject({ url: BASE })).statusCode).toBe(401);
    expect((await app.inject({ url: BASE, headers: { 'x-gongkai-user': 'nobody' } })).statusCode).toBe(403);
  });

  it('files online and follows the request by its tracking code, showing nothing about the applicant', async () => {
    at('2024-02-10');
    const res = await app.inject({
      method: 'POST',
      url: `${BASE}/online`,
      payload: { applicantType: 'natural_person', applicant },
    });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt.receivedOn).toBe('2024-02-18');
    const track = await app.inject({ url: `/api/v1/track/${receipt.trackingCode}` });
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({
      receivedOn: '2024-02-18',
      dueOn: receipt.dueOn,
      stateLabel: '办理中',
    });
    expect(track.body).not.toContain('张三');
    expect((await app.inject({ url: `/api/v1/track/${'a'.repeat(32)}` })).statusCode).toBe(404);
  });

  it('carries a case received 2021-12-28 and decided 2022-01-20 over the year end', async () => {
    at('2021-12-28');
    const firm = {
      ...applicant,
      name: '某律师事务所',
      idType: 'credit_code',
      idNumber: '914403001922038216',
    };
    const r = await register('2021-12-28', { applicantType: 'legal_service', applicant: firm });
    at('2022-01-20');
    const res = await act(r.requestId, 'decide', 1, {
      outcome: 'unable.not_held',
      basis: 'a36.4',
      reasons: '经检索未找到',
    });
    expect(res.statusCode, res.body).toBe(200);
    const y2021 = await buildAnnualReport(use(), 'lingang', 2021);
    const y2022 = await buildAnnualReport(use(), 'lingang', 2022);
    expect(y2021?.cells['t3.carried_out.legal_service']).toBe(1);
    expect(y2022?.cells['t3.carried_in.legal_service']).toBe(1);
    expect(y2022?.cells['t3.unable.not_held.legal_service']).toBe(1);
  });

  it('answers the deadline calculator on the official calendar, provisional past 2026', async () => {
    const res = await app.inject({ url: '/api/v1/deadline?from=2026-12-20&days=20' });
    expect(res.json()).toMatchObject({ provisional: true, provisionalYears: [2027] });
    expect((await app.inject({ url: '/api/v1/deadline?from=2024-02-08' })).json().due).toBe('2024-03-13');
  });
});
