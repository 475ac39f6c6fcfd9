/**
 * Several `gongkai serve` processes on one database share every rate limit (issue 16): the counts
 * are in the database (src/server/rate-counters.ts), so a limit trips across two servers exactly
 * as it trips on one — submissions per address and per applicant, the per-address flood guard and
 * sign-in limit (@fastify/rate-limit's store: src/server/rate-limit-store.ts), sign-in failures per
 * username and address, failed tracking-code look-ups.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestAgency } from '../src/commands/items/testing.ts';
import { buildServer } from '../src/server/app.ts';
import { describeEachDatabase } from './databases.ts';
import { countRows } from './rows.ts';

const CODE = 'sharedzone';
const API = `/api/v1/agencies/${CODE}/requests/online`;

const applicant = (n: number) => ({
  name: `共享${n}`,
  idType: 'passport',
  idNumber: `S${String(20000000 + n)}`,
  phone: '13800138000',
  address: '威海市临港区测试路2号',
  information: '2021年城乡低保资金发放明细',
  form: 'paper',
  delivery: 'post',
});

describeEachDatabase('two servers on one database share the rate limits', (use) => {
  const now = new Date('2021-07-01T02:00:00Z');
  let one: FastifyInstance;
  let two: FastifyInstance;
  const file = (app: FastifyInstance, address: string, n: number) =>
    app.inject({
      method: 'POST',
      url: API,
      remoteAddress: address,
      payload: { applicantType: 'natural_person', applicant: applicant(n) },
    });
  const signIn = (app: FastifyInstance, address: string, username = 'nobody') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress: address,
      payload: { username, password: 'wrong password 1234' },
    });

  beforeAll(async () => {
    await createTestAgency(use(), CODE);
    const server = () =>
      buildServer({
        db: use(),
        now: () => now,
        trustUserHeader: true,
        submissionLimits: { postsPerAddressPerMinute: 8 },
        signInLimits: { perIpPerMinute: 3, failuresBeforeDelay: 2 },
        trackingLimits: { failuresPerAddress: 3, windowMinutes: 15 },
      });
    one = await server();
    two = await server();
    await one.ready();
    await two.ready();
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  it('the 6th registration from one address is refused whichever server has it', async () => {
    const before = await countRows(use(), 'requests');
    for (let i = 0; i < 5; i++) {
      const ok = await file(i % 2 === 0 ? one : two, '198.51.100.10', i);
      expect(ok.statusCode, ok.body).toBe(201);
    }
    for (const app of [one, two]) {
      const refused = await file(app, '198.51.100.10', 9);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.message).toMatch(
        /^提交过于频繁：同一网络地址每分钟最多提交 5 件申请，请 \d+ 秒后再提交。$/,
      );
    }
    expect(await countRows(use(), 'requests')).toBe(before + 5);
  });

  it('the flood guard counts the posts of both servers', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 9; i++)
      codes.push(
        (
          await (i % 2 === 0 ? one : two).inject({
            method: 'POST',
            url: API,
            remoteAddress: '192.0.2.40',
            payload: {},
          })
        ).statusCode,
      );
    expect(codes).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 429]);
  });

  it('sign-in: failures of a username at an address lock it on both; the per-address limit is one count', async () => {
    expect((await signIn(one, '203.0.113.5', 'zhou')).statusCode).toBe(401);
    expect((await signIn(two, '203.0.113.5', 'zhou')).statusCode).toBe(401);
    const locked = await signIn(one, '203.0.113.5', 'zhou');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/^该账号在此网络地址密码错误次数过多/);
    const fourth = await signIn(two, '203.0.113.5', 'wu');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.message).toBe('登录尝试过于频繁，请一分钟后再试。');
  });

  it('failed tracking-code look-ups from one address are one count', async () => {
    const track = (app: FastifyInstance) =>
      app.inject({ url: '/api/v1/track/7KX4-9MPQ-2RTB', remoteAddress: '198.51.100.77' });
    expect((await track(one)).statusCode).toBe(404);
    expect((await track(two)).statusCode).toBe(404);
    expect((await track(one)).statusCode).toBe(404);
    const refused = await track(two);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(
      /^查询码输入错误次数过多：同一网络地址 15 分钟内最多可输错 3 次/,
    );
  });
});
