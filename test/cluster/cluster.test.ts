/**
 * `npm run test:cluster`: drives what scripts/cluster starts (docs/deploy.md) — a PostgreSQL primary
 * and hot standby, two `gongkai serve` reading from the standby, nginx on 3420 — through real HTTP:
 * a write through server A is visible through server B, a withdrawn item disappears from both within
 * 1 s, the portal keeps answering from the standby while the primary restarts, and a staff write
 * during the restart gets a Chinese 503 and succeeds on retry. Not part of `npm test`: it needs
 * root, nginx and PostgreSQL 15's cluster tools, and minutes to set up.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

/** The API's error body, as the 503 carries it. */
const errorBody = z.object({ error: z.object({ message: z.string() }) });

const run = promisify(execFile);
const LB = 'http://127.0.0.1:3420';
const A = 'http://127.0.0.1:3421';
const B = 'http://127.0.0.1:3422';
const PRIMARY_URL = 'postgres://postgres@127.0.0.1:5441/gongkai';
const USER = 'cluster_tester';
const PASSWORD = 'cluster-test-密码-2026';
const AGENCY = 'lingang';

interface Staff {
  cookie: string;
  csrf: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An anonymous GET: status and body. */
async function page(base: string, path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${base}${path}`, { redirect: 'manual' });
  return { status: res.status, body: await res.text() };
}

async function signIn(base: string): Promise<Staff> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USER, password: PASSWORD }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

async function staff(base: string, who: Staff, method: string, path: string, body?: object) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, text, retryAfter: res.headers.get('retry-after') };
}

/** Polls `check` every 20 ms until it holds; returns the milliseconds it took (or throws after `limit`). */
async function within(limit: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limit) throw new Error(`not within ${limit} ms`);
    await sleep(20);
  }
  return Date.now() - started;
}

/** A published item of the demo agency, from its catalogue page. */
async function publishedItem(skip: number): Promise<string> {
  const { body } = await page(LB, `/agencies/${AGENCY}/gongkai/catalog?category=a20.2`);
  const ids = [...new Set([...body.matchAll(/\/agencies\/lingang\/items\/(\d+)/g)].map((m) => m[1]))];
  expect(ids.length).toBeGreaterThan(skip);
  return ids[skip];
}

describe('scripts/cluster: two servers, a primary and a hot standby, nginx', () => {
  let who: Staff;

  beforeAll(async () => {
    for (const base of [LB, A, B]) expect((await fetch(`${base}/healthz`)).status, base).toBe(200);
    // a staff account (the first run creates it, later runs reset its password)
    const env = { ...process.env, DATABASE_URL: PRIMARY_URL };
    const cli = (args: string[]) => run('node', ['bin/gongkai.js', ...args], { env });
    try {
      await cli(['user', 'add', USER, '--name', '集群测试', '--password', PASSWORD, '--platform-admin']);
      await cli(['user', 'grant', USER, '--agency', AGENCY, '--role', 'operator']);
    } catch {
      await cli(['user', 'passwd', USER, '--password', PASSWORD]);
    }
    who = await signIn(A);
  }, 120_000);

  it('shows the standby’s lag on /healthz', async () => {
    for (const base of [A, B]) {
      const health = (await (await fetch(`${base}/healthz`)).json()) as {
        replica?: { ok: boolean; lagBytes: number | null; lagSeconds: number | null };
      };
      console.log(`${base}/healthz`, JSON.stringify(health));
      expect(health.replica?.ok).toBe(true);
      expect(health.replica?.lagBytes).toBeGreaterThanOrEqual(0);
      expect(health.replica?.lagSeconds).toBeGreaterThanOrEqual(0);
    }
  });

  it('a write through server A is visible through server B (its anonymous pages, from the standby)', async () => {
    const name = `集群测试门户 ${Date.now()}`;
    // B has the home page cached before the change
    expect((await page(B, '/')).status).toBe(200);
    const current = await staff(A, who, 'GET', '/api/v1/site-settings');
    expect(current.status, current.text).toBe(200);
    const saved = await staff(A, who, 'PUT', '/api/v1/site-settings', {
      ...JSON.parse(current.text),
      siteName: name,
    });
    expect(saved.status, saved.text).toBe(200);
    const ms = await within(1000, async () => (await page(B, '/')).body.includes(name));
    console.log(`site name saved through A, shown by B after ${ms} ms`);
  });

  it('a withdrawn item disappears from both servers within 1 s', async () => {
    const id = await publishedItem(0);
    const path = `/agencies/${AGENCY}/items/${id}`;
    // both servers have the page cached
    for (const base of [A, B]) expect((await page(base, path)).status, base).toBe(200);
    const api = `/api/v1/agencies/${AGENCY}/items/${id}`;
    const item = await staff(A, who, 'GET', api);
    expect(item.status, item.text).toBe(200);
    const { version } = JSON.parse(item.text) as { version: number };
    const started = Date.now();
    const withdrawn = await staff(A, who, 'POST', `${api}/withdraw`, {
      expectedVersion: version,
      reason: '集群测试：撤回',
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    const [onA, onB] = await Promise.all(
      [A, B].map((base) => within(1000, async () => (await page(base, path)).status === 404)),
    );
    console.log(
      `withdrawn through A (${Date.now() - started} ms in all): 404 on A after ${onA} ms, on B after ${onB} ms`,
    );
  });

  it('the portal keeps answering from the standby while the primary restarts; a staff write gets 503, then succeeds on retry', async () => {
    const id = await publishedItem(1);
    const paths = [
      '/',
      `/agencies/${AGENCY}/items/${id}`,
      `/agencies/${AGENCY}/gongkai/catalog?category=a20.7`,
    ];
    const current = await staff(LB, who, 'GET', '/api/v1/site-settings');
    const settings = JSON.parse(current.text) as Record<string, unknown>;
    let reading = true;
    const reads: number[] = [];
    const notAnswered: string[] = [];
    // three readers at once, so that some read is on a primary connection when the restart ends it
    const readers = [0, 1, 2].map(async (offset) => {
      for (let n = offset; reading; n++) {
        const path = paths[n % paths.length];
        const { status, body } = await page(LB, path);
        reads.push(status);
        if (status !== 200) notAnswered.push(`${status} ${path} ${body.slice(0, 300)}`);
        await sleep(15);
      }
    });
    const restart = run('pg_ctlcluster', ['15', 'gk_primary', 'restart']);
    // staff writes during the restart until one is refused, then retried until it is saved
    const refused: Array<{ status: number; text: string; retryAfter: string | null }> = [];
    let saved = false;
    const started = Date.now();
    let restarted = false;
    restart.then(() => {
      restarted = true;
    });
    while (!saved && Date.now() - started < 30_000) {
      const name = `重启期间的写入 ${Date.now()}`;
      const res = await staff(LB, who, 'PUT', '/api/v1/site-settings', { ...settings, siteName: name });
      if (res.status === 200) saved = refused.length > 0 || restarted;
      else refused.push(res);
      await sleep(50);
    }
    await restart;
    await sleep(500);
    reading = false;
    await Promise.all(readers);
    const failures = reads.filter((status) => status !== 200);
    console.log(
      `primary restart: ${reads.length} portal reads through nginx, ${failures.length} not 200; ` +
        `${refused.length} staff writes refused (${[...new Set(refused.map((r) => r.status))].join(', ')}), then saved`,
    );
    console.log('the refusal:', refused[0]?.status, refused[0]?.retryAfter, refused[0]?.text);
    expect(notAnswered).toEqual([]);
    expect(failures).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);
    for (const res of refused) {
      expect(res.status).toBe(503);
      expect(res.retryAfter).not.toBeNull();
      expect(errorBody.parse(JSON.parse(res.text)).error.message).toContain('数据库暂时无法连接');
    }
    expect(saved).toBe(true);
    // both server processes lived through it (nginx would hide one that did not)
    for (const base of [A, B])
      await within(10_000, async () => (await fetch(`${base}/healthz`).catch(() => null))?.status === 200);
  }, 60_000);
});
