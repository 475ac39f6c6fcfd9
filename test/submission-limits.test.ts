/**
 * Filing without signing in is limited per address and per applicant, on the API and the portal
 * form alike (one count): the 6th registration in a minute is refused with 429, Retry-After and a
 * Chinese sentence, and nothing is stored; refused (invalid) submissions do not use up places.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAgency } from '../src/commands/items/testing.ts';
import { buildServer } from '../src/server/app.ts';
import { applicantKey } from '../src/server/submission-limits.ts';
import { describeEachDatabase } from './databases.ts';
import { countRows } from './rows.ts';

const CODE = 'limitzone';
const API = `/api/v1/agencies/${CODE}/requests/online`;

const applicant = (n: number) => ({
  name: `申请人${n}`,
  idType: 'passport',
  idNumber: `E${String(10000000 + n)}`,
  phone: '13800138000',
  address: '威海市临港区测试路1号',
  information: '2021年城乡低保资金发放明细',
  form: 'paper',
  delivery: 'post',
});

describe('applicantKey', () => {
  it('is the same for the same document whatever the spacing and case, and never holds the number', () => {
    const a = applicantKey({ idType: 'passport', idNumber: 'e12345678' });
    expect(a).toBe(applicantKey({ idType: 'passport', idNumber: ' E1234 5678 ' }));
    expect(a).not.toContain('12345678');
    expect(applicantKey({ idType: 'passport', idNumber: 'E12345679' })).not.toBe(a);
    expect(applicantKey({ name: '张三', phone: '138' })).toBe(applicantKey({ name: ' 张三', phone: '138 ' }));
    expect(applicantKey({})).toBeNull();
  });
});

describeEachDatabase('filing without signing in: per address and per applicant', (use) => {
  let app: FastifyInstance;
  let now = new Date('2021-06-10T02:00:00Z');
  const count = () => countRows(use(), 'requests');
  const file = (address: string, body: object) =>
    app.inject({ method: 'POST', url: API, remoteAddress: address, payload: body });

  beforeAll(async () => {
    await createTestAgency(use(), CODE);
    app = await buildServer({ db: use(), now: () => now, trustUserHeader: true });
    await app.ready();
  });
  afterAll(() => app.close());

  it('refuses the 6th registration from one address within a minute with 429, Retry-After, nothing stored', async () => {
    const before = await count();
    // invalid posts are refused (400) and use up no place
    for (let i = 0; i < 4; i++) {
      const bad = await file('198.51.100.1', { applicantType: 'natural_person', applicant: { name: '' } });
      expect(bad.statusCode).toBe(400);
    }
    for (let i = 0; i < 5; i++) {
      const ok = await file('198.51.100.1', { applicantType: 'natural_person', applicant: applicant(i) });
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const sixth = await file('198.51.100.1', { applicantType: 'natural_person', applicant: applicant(5) });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.message).toMatch(
      /^提交过于频繁：同一网络地址每分钟最多提交 5 件申请，请 \d+ 秒后再提交。$/,
    );
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await count()).toBe(before + 5);
    now = new Date(now.getTime() + 61_000);
    const later = await file('198.51.100.1', { applicantType: 'natural_person', applicant: applicant(5) });
    expect(later.statusCode, later.body).toBe(201);
  });

  it('refuses the 6th registration of one applicant from changing addresses', async () => {
    now = new Date(now.getTime() + 120_000);
    const before = await count();
    const same = applicant(100);
    for (let i = 0; i < 5; i++) {
      const ok = await file(`203.0.113.${i + 1}`, { applicantType: 'natural_person', applicant: same });
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const sixth = await file('203.0.113.99', {
      applicantType: 'natural_person',
      applicant: { ...same, idNumber: same.idNumber.toLowerCase() },
    });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.message).toContain('同一申请人每分钟最多提交 5 件申请');
    expect(await count()).toBe(before + 5);
  });

  it('counts the portal form and the API together, and the form answers 429 (not 400) with the values kept', async () => {
    now = new Date(now.getTime() + 120_000);
    for (let i = 0; i < 5; i++) {
      const ok = await file('192.0.2.50', { applicantType: 'natural_person', applicant: applicant(200 + i) });
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const page = await app.inject({ url: `/agencies/${CODE}/apply`, remoteAddress: '192.0.2.50' });
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const before = await count();
    const { idType, idNumber, ...rest } = applicant(300);
    const form = await app.inject({
      method: 'POST',
      url: `/agencies/${CODE}/apply`,
      remoteAddress: '192.0.2.50',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({
        _csrf: csrf,
        token,
        applicantType: 'natural_person',
        idType,
        idNumber,
        ...rest,
        email: '',
        docNumber: '',
        formOther: '',
        deliveryOther: '',
      }).toString(),
    });
    expect(form.statusCode).toBe(429);
    expect(form.headers['retry-after']).toBeDefined();
    expect(form.body).toContain('同一网络地址每分钟最多提交 5 件申请');
    expect(form.body).toContain('value="申请人300"');
    expect(await count()).toBe(before);
  });

  it('guards against a flood of posts with 429 in Chinese (any post, valid or not)', async () => {
    let last = await file('192.0.2.77', {});
    for (let i = 0; i < 40 && last.statusCode !== 429; i++) last = await file('192.0.2.77', {});
    expect(last.statusCode).toBe(429);
    expect(last.json().error.message).toBe('提交过于频繁，请 1 分钟后再提交。');
    expect(last.headers['retry-after']).toBeDefined();
  });
});

describeEachDatabase('Idempotency-Key on the API submission route', (use) => {
  let app: FastifyInstance;
  const CODE2 = 'idemzone';
  const URL = `/api/v1/agencies/${CODE2}/requests/online`;
  const count = () => countRows(use(), 'requests');
  beforeAll(async () => {
    await createTestAgency(use(), CODE2);
    app = await buildServer({ db: use(), now: () => new Date('2021-06-10T02:00:00Z') });
    await app.ready();
  });
  afterAll(() => app.close());
  const file = (key: string | null, n: number, address = '198.51.100.20') =>
    app.inject({
      method: 'POST',
      url: URL,
      remoteAddress: address,
      headers: key === null ? {} : { 'idempotency-key': key },
      payload: { applicantType: 'natural_person', applicant: applicant(n) },
    });

  it('the same key answers the first receipt (200, Idempotent-Replayed) and files nothing more', async () => {
    const before = await count();
    const first = await file('3f1c9a2e-8b7d-4c55-9e0a-1b2c3d4e5f60', 400);
    expect(first.statusCode, first.body).toBe(201);
    const again = await file('3f1c9a2e-8b7d-4c55-9e0a-1b2c3d4e5f60', 400, '198.51.100.21');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(before + 1);
    const other = await file('another-key', 401);
    expect(other.statusCode).toBe(201);
    expect(other.json().trackingCode).not.toBe(first.json().trackingCode);
    expect(await count()).toBe(before + 2);
  });

  it('concurrent retries with one key file once', async () => {
    const before = await count();
    const results = await Promise.all([1, 2, 3].map((i) => file('retry-key-7', 402, `198.51.100.3${i}`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.json().trackingCode)).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('a malformed key is refused in Chinese, nothing filed', async () => {
    const before = await count();
    const res = await file('not a key!', 403);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Idempotency-Key');
    expect(await count()).toBe(before);
  });

  it('without a key each post files a request', async () => {
    const before = await count();
    expect((await file(null, 404)).statusCode).toBe(201);
    expect((await file(null, 405)).statusCode).toBe(201);
    expect(await count()).toBe(before + 2);
  });
});
