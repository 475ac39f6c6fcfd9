import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { countRows } from '../../../test/rows.ts';
import { portalServer, unlabelledFields } from '../testing.ts';

const CODE = 'applyzone';
const TOKEN = 'a'.repeat(32);

const valid = {
  applicantType: 'natural_person',
  name: '张三',
  idType: 'passport',
  idNumber: 'E12345678',
  phone: '13800138000',
  email: '',
  address: '威海市临港区测试路1号',
  information: '2021年城乡低保资金发放明细',
  docNumber: '',
  form: 'paper',
  formOther: '',
  delivery: 'post',
  deliveryOther: '',
};

const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describeEachDatabase('portal request pages', (use) => {
  let app: FastifyInstance;
  // each post from its own address: the form's rate limit (5 a minute per client) is not under test here
  let client = 0;
  /** The form as a browser has it: its gongkai_csrf cookie and the hidden _csrf field. */
  const formSession = async () => {
    const page = await app.inject({ url: `/agencies/${CODE}/apply` });
    const cookie = String(page.headers['set-cookie'] ?? '').split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return { cookie, csrf };
  };
  const post = async (fields: Record<string, string>, session?: { cookie: string; csrf: string }) => {
    const { cookie, csrf } = session ?? (await formSession());
    return app.inject({
      method: 'POST',
      url: `/agencies/${CODE}/apply`,
      remoteAddress: `192.0.2.${++client}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: encode({ _csrf: csrf, ...fields }),
    });
  };
  const requestCount = () => countRows(use(), 'requests');

  beforeAll(async () => {
    app = await portalServer(use(), CODE, new Date('2021-06-10T02:00:00Z'));
  });
  afterAll(() => app.close());

  it('shows the form with a label on every field, a one-time token and no script', async () => {
    const res = await app.inject({ url: `/agencies/${CODE}/apply` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(unlabelledFields(res.body)).toEqual([]);
    expect(res.body).toMatch(/<input type="hidden" name="token" value="[0-9a-f]{32}">/);
    for (const label of [
      '申请人类型',
      '姓名或者名称',
      '身份证明（证件类型）',
      '证件号码',
      '联系电话',
      '电子邮箱',
      '通信地址',
    ])
      expect(res.body).toContain(label);
    expect(res.body).toContain('所需信息的名称或者特征性描述');
    expect(res.body).toContain(
      '<legend>所需信息的形式<span class="req" aria-hidden="true">*</span></legend>',
    );
    expect(res.body).toContain(
      '<legend>获取信息的方式<span class="req" aria-hidden="true">*</span></legend>',
    );
    expect(res.body).not.toContain('<script');
  });

  it('re-renders the form with the values kept and each field’s message tied to it, writing nothing', async () => {
    const before = await requestCount();
    const res = await post({
      ...valid,
      token: TOKEN,
      name: '',
      phone: '12',
      information: '<b>低保</b>',
      delivery: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<p class="error" id="f-name-error">请填写申请人姓名</p>');
    expect(res.body).toMatch(
      /id="f-name"[^>]*aria-describedby="f-name-hint f-name-error" aria-invalid="true"/,
    );
    expect(res.body).toContain('联系电话格式不正确');
    expect(res.body).toContain('请选择获取信息的方式');
    expect(res.body).toContain('&lt;b&gt;低保&lt;/b&gt;</textarea>');
    expect(res.body).toContain('value="E12345678"');
    expect(res.body).toContain(`name="token" value="${TOKEN}"`);
    expect(res.body).toContain('<div class="alert" role="alert" id="errors">');
    expect(unlabelledFields(res.body)).toEqual([]);
    expect(await requestCount()).toBe(before);
  });

  it('registers once per token: a repeated post shows the first confirmation', async () => {
    const before = await requestCount();
    const first = await post({ ...valid, token: 'b'.repeat(32) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.body).toContain('申请已提交');
    const code = /<span class="code">([^<]+)<\/span>/.exec(first.body)?.[1];
    expect(code).toBeDefined();
    expect(first.body).toMatch(/<dt>登记编号<\/dt><dd>[^<]*〔2021〕1号<\/dd>/);
    const again = await post({ ...valid, token: 'b'.repeat(32) });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain(`<span class="code">${code}</span>`);
    expect(await requestCount()).toBe(before + 1);
    const [both] = await Promise.all([
      post({ ...valid, token: 'c'.repeat(32) }),
      post({ ...valid, token: 'c'.repeat(32) }),
    ]);
    expect(both.statusCode).toBe(200);
    expect(await requestCount()).toBe(before + 2);
  });

  it('refuses a cross-site post (no gongkai_csrf cookie, or a field that is not its HMAC): 403, nothing stored', async () => {
    const before = await requestCount();
    const own = await formSession();
    const other = await formSession();
    const attempts = [
      { cookie: '', csrf: '' }, // a plain cross-site form: a SameSite=Strict cookie is not sent
      { cookie: '', csrf: own.csrf }, // a field copied from somewhere, without the cookie
      { cookie: own.cookie, csrf: '' }, // the cookie without the field
      { cookie: own.cookie, csrf: other.csrf }, // another browser's field
      // the field with its last character changed (never to itself)
      { cookie: own.cookie, csrf: `${own.csrf.slice(0, -1)}${own.csrf.endsWith('A') ? 'B' : 'A'}` },
    ];
    for (const [i, attempt] of attempts.entries()) {
      const res = await post({ ...valid, token: `${i}`.repeat(32) }, attempt);
      expect(res.statusCode, `attempt ${i}`).toBe(403);
      expect(res.body).toContain('CSRF 校验未通过');
      expect(res.body).toContain('value="张三"');
      expect(res.body).toMatch(/name="_csrf" value="[A-Za-z0-9_-]{43}"/);
    }
    expect(await requestCount()).toBe(before);
    const ok = await post({ ...valid, token: 'e'.repeat(32) }, own);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await requestCount()).toBe(before + 1);
  });

  it('sets the gongkai_csrf cookie HttpOnly and SameSite=Strict with the form', async () => {
    const page = await app.inject({ url: `/agencies/${CODE}/apply` });
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/^gongkai_csrf=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('refuses a missing or forged token with a fresh form, keeping the values', async () => {
    const res = await post({ ...valid, token: 'not-a-token' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('表单已失效');
    expect(res.body).toContain('value="张三"');
  });

  it('tracks a request by code: status, dates, days left, letters — nothing about the applicant', async () => {
    const done = await post({ ...valid, token: 'd'.repeat(32) });
    const code = /<span class="code">([^<]+)<\/span>/.exec(done.body)?.[1] ?? '';
    const res = await app.inject({ url: `/track?code=${encodeURIComponent(code)}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<dt>办理状态</dt>');
    expect(res.body).toContain('<dt>收到申请日期</dt><dd>2021-06-10</dd>');
    expect(res.body).toContain('<dt>答复期限</dt><dd>2021-07-09</dd>');
    expect(res.body).toMatch(/<dt>剩余时间<\/dt><dd>20个工作日<\/dd>/);
    expect(res.body).toContain('登记回执');
    expect(res.body).toContain(`/api/v1/track/${code}/letters/`);
    for (const personal of ['张三', 'E12345678', '13800138000', '测试路1号', '低保资金发放明细'])
      expect(res.body).not.toContain(personal);
  });

  it('answers the same sentence for an unknown and a malformed code', async () => {
    const unknown = await app.inject({ url: `/track?code=${'Z'.repeat(32)}` });
    const malformed = await app.inject({ url: '/track?code=<b>x</b>' });
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    const sentence = '未找到该查询码对应的申请，请核对查询码后重新输入。';
    expect(unknown.body).toContain(sentence);
    expect(malformed.body).toContain(sentence);
    expect(malformed.body).toContain('value="&lt;b&gt;x&lt;/b&gt;"');
    expect(unlabelledFields(unknown.body)).toEqual([]);
  });

  it('computes a due date on the official calendar, and explains bad input', async () => {
    const res = await app.inject({ url: '/deadline?from=2021-09-27&days=20' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<dt>答复期限</dt><dd><strong>2021-10-29</strong></dd>');
    const bad = await app.inject({ url: '/deadline?from=2021-02-30&days=x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请填写有效日期');
    expect(bad.body).toContain('工作日数应为0到400之间的整数');
    expect(bad.body).toMatch(
      /id="f-from"[^>]*aria-describedby="f-from-hint f-from-error" aria-invalid="true"/,
    );
    expect(unlabelledFields(bad.body)).toEqual([]);
    expect((await app.inject({ url: '/deadline' })).body).toContain('<h1>答复期限计算</h1>');
  });

  it('sends /apply straight to the only agency’s form', async () => {
    const res = await app.inject({ url: '/apply' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/agencies/${CODE}/apply`);
  });
  it('条例第四十四条第二款: the applicant may tick reasons to suggest publishing; recorded on the case with an event', async () => {
    const form = await app.inject({ url: `/agencies/${CODE}/apply` });
    expect(form.body).toContain('五、建议纳入主动公开（可选）');
    expect(form.body).toContain('需要公众参与决策');
    // the form as a browser has it (its CSRF cookie and field); the check boxes repeat their name;
    // other applicants than the earlier tests' (5 filings a minute per applicant, submission-limits.ts)
    const session = await formSession();
    const payload = `${encode({ _csrf: session.csrf, ...valid, idNumber: 'E22345678', information: '和平村棚户区改造征收补偿方案', suggestNote: '涉及全村住户', token: '9a'.repeat(16) })}&suggestReasons=public_interest&suggestReasons=public_participation`;
    const res = await app.inject({
      method: 'POST',
      url: `/agencies/${CODE}/apply`,
      remoteAddress: `192.0.2.${++client}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
      payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await use()
      .kysely.selectFrom('requests')
      .select(['id', 'publish_suggestion'])
      .where('information', '=', '和平村棚户区改造征收补偿方案')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.publish_suggestion ?? 'null')).toEqual({
      reasons: ['public_interest', 'public_participation'],
      note: '涉及全村住户',
    });
    const events = await use()
      .kysely.selectFrom('events')
      .select(['name', 'actor'])
      .where('subject_type', '=', 'request')
      .where('subject_id', '=', String(row.id))
      .execute();
    expect(events).toContainEqual({ name: 'requests.publish_suggested', actor: 'public' });
    const second = await formSession();
    const forged = `${encode({ _csrf: second.csrf, ...valid, idNumber: 'E32345678', token: 'f'.repeat(32) })}&suggestReasons=because`;
    const before = await requestCount();
    const refused = await app.inject({
      method: 'POST',
      url: `/agencies/${CODE}/apply`,
      remoteAddress: `192.0.2.${++client}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: second.cookie },
      payload: forged,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#f-suggestReasons"');
    expect(refused.body).toContain('建议纳入主动公开的理由');
    expect(await requestCount()).toBe(before);
  });
});
