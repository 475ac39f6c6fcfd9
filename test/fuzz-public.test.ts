/**
 * Bounded fuzzing of the public routes (no sign-in): 1,200 generated inputs — mutated request
 * bodies, random bytes, odd query strings and paths — from a fixed seed, so a failure replays.
 * Wanted: never a 5xx, never a crash; the server still answers afterwards, and no request is
 * stored from an input that was refused.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestAgency } from '../src/commands/items/testing.ts';
import { buildServer } from '../src/server/app.ts';
import { describeEachDatabase } from './databases.ts';
import { countRows } from './rows.ts';

const CODE = 'fuzzzone';

/** mulberry32: a small seeded generator (the same inputs on every run). */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick };
}

const STRINGS = [
  '',
  ' ',
  '张三',
  '0',
  '-1',
  '1e309',
  '0x13',
  'null',
  'true',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE requests; --',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\uFFFD',
  '\uD800',
  '😀'.repeat(50),
  'a'.repeat(5000),
  '申'.repeat(3000),
  '2021-02-30',
  '9999-99-99',
  '__proto__',
  'constructor',
  '{{agency.name}}',
  '{reason}',
];

const VALID = {
  applicantType: 'natural_person',
  applicant: {
    name: '张三',
    idType: 'passport',
    idNumber: 'E12345678',
    phone: '13800138000',
    address: '威海市临港区测试路1号',
    information: '2021年城乡低保资金发放明细',
    form: 'paper',
    delivery: 'post',
  },
};

function value(g: ReturnType<typeof generator>, depth = 0): unknown {
  switch (g.int(depth > 2 ? 5 : 8)) {
    case 0:
      return g.pick(STRINGS);
    case 1:
      return g.int(3) === 0 ? -g.int(1e9) : g.next() * 1e12;
    case 2:
      return g.pick([true, false, null]);
    case 3:
      return g.pick(STRINGS) + g.pick(STRINGS);
    case 4:
      return String.fromCharCode(...Array.from({ length: g.int(40) }, () => g.int(0x10000)));
    case 5:
      return Array.from({ length: g.int(4) }, () => value(g, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: g.int(4) }, () => [
          g.pick([...STRINGS, 'name', 'applicant']),
          value(g, depth + 1),
        ]),
      );
  }
}

/** A valid body with a few fields replaced, dropped or added. */
function mutated(g: ReturnType<typeof generator>): unknown {
  const body = structuredClone(VALID) as Record<string, unknown> & { applicant: Record<string, unknown> };
  for (let i = 0; i <= g.int(3); i++) {
    const inner = body.applicant;
    const target = g.int(3) === 0 || inner === null || typeof inner !== 'object' ? body : inner;
    const key = g.pick([...Object.keys(target), ...STRINGS.slice(20, 24)]);
    if (g.int(4) === 0) delete target[key];
    else target[key] = value(g);
  }
  return g.int(20) === 0 ? value(g) : body;
}

/** %-encodes a text; one with a lone surrogate byte by byte (its UTF-8 replacement). */
const enc = (text: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
};

describeEachDatabase('fuzzing the public routes: no 5xx, no crash', (use) => {
  let app: FastifyInstance;
  const count = () => countRows(use(), 'requests');

  beforeAll(async () => {
    await createTestAgency(use(), CODE);
    app = await buildServer({
      db: use(),
      now: () => new Date('2021-06-10T02:00:00Z'),
      // the limits are not under test here: every input must reach the handlers
      submissionLimits: {
        perAddressPerMinute: 1e6,
        perApplicantPerMinute: 1e6,
        postsPerAddressPerMinute: 1e6,
      },
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers 1,200 generated inputs without a 5xx', async () => {
    const g = generator(20261206);
    const failures: string[] = [];
    let created = 0;
    const statuses = new Map<number, number>();
    const before = await count();
    for (let i = 0; i < 1200; i++) {
      const kind = i % 6;
      let res: Awaited<ReturnType<FastifyInstance['inject']>>;
      let label: string;
      if (kind === 0) {
        const body = mutated(g);
        label = `POST online ${JSON.stringify(body).slice(0, 120)}`;
        res = await app.inject({
          method: 'POST',
          url: `/api/v1/agencies/${CODE}/requests/online`,
          payload: body as object,
        });
        if (res.statusCode === 201) created++;
      } else if (kind === 1) {
        const bytes = Buffer.from(Array.from({ length: g.int(300) }, () => g.int(256)));
        label = `POST online raw ${bytes.toString('hex').slice(0, 60)}`;
        res = await app.inject({
          method: 'POST',
          url: `/api/v1/agencies/${g.pick([CODE, 'nope', '%E4', '..'])}/requests/online`,
          headers: {
            'content-type': g.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded']),
          },
          payload: bytes,
        });
      } else if (kind === 2) {
        const fields = Object.fromEntries(
          Array.from({ length: g.int(12) }, () => [
            g.pick(['name', 'idNumber', 'applicantType', 'token', '_csrf', 'information', '__proto__']),
            String(value(g)),
          ]),
        );
        const payload = new URLSearchParams(fields).toString();
        label = `POST apply ${payload.slice(0, 120)}`;
        res = await app.inject({
          method: 'POST',
          url: `/agencies/${CODE}/apply`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload,
        });
      } else {
        const text = String(value(g));
        const url = g.pick([
          `/track?code=${enc(text)}`,
          `/api/v1/track/${enc(text)}`,
          `/api/v1/track/${enc(text)}/letters/${enc(text)}.html`,
          `/search?q=${enc(text)}&page=${enc(String(value(g)))}`,
          `/api/v1/search?q=${enc(text)}`,
          `/deadline?from=${enc(text)}&days=${enc(String(value(g)))}`,
          `/api/v1/deadline?from=${enc(text)}&days=${enc(String(value(g)))}`,
          `/text-size?mode=large&back=${enc(text)}`,
          `/api/v1/agencies/${CODE}/published-items?limit=${enc(text)}&offset=${enc(String(value(g)))}`,
          `/api/v1/calendar?year=${enc(text)}`,
          `/api/v1/public/agencies/${CODE}/reports/${enc(text)}.${g.pick(['html', 'docx', 'pdf', 'exe'])}`,
          `/agencies/${CODE}/items/${enc(text)}`,
          `/${enc(text)}`,
          `/api/v1/agencies/${enc(text)}/published-items/${enc(text)}`,
          `/agencies?q=${enc(text)}&page=${enc(String(value(g)))}`,
          `/agencies/${enc(text)}/gongkai`,
        ]);
        label = `GET ${url.slice(0, 160)}`;
        res = await app.inject({ method: 'GET', url });
      }
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) failures.push(`${i} ${label} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    // the inputs reached the handlers: some were accepted, most refused as bad input or not found
    expect(created).toBeGreaterThan(5);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(300);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(20);
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    // only accepted submissions are stored
    expect(await count()).toBe(before + created);
  }, 120_000);
});
