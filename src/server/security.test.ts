import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildServer } from './app.ts';

let app: FastifyInstance;
const db = openDb('sqlite::memory:');
beforeAll(async () => {
  await migrateToLatest(db);
  app = await buildServer({ db, trustProxy: true });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('security headers (helmet)', () => {
  it('gives pages and the API a policy with no script at all', async () => {
    for (const url of ['/', '/api/v1/agencies', '/no-such-page']) {
      const res = await app.inject(url);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp, url).toContain("default-src 'none'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toContain('script-src');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['permissions-policy']).toContain('camera=()');
    }
  });

  it('gives the staff console its own script, styles and API connections only', async () => {
    const res = await app.inject('/console/index.html');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('lets the API documentation keep its own policy', async () => {
    const res = await app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('sends HSTS over https only', async () => {
    expect((await app.inject('/healthz')).headers['strict-transport-security']).toBeUndefined();
    const https = await app.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });
});

describe('request size limits', () => {
  it('answers a JSON body over 1 MiB with 413 and a Chinese message', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'payload_too_large',
      message: expect.stringContaining('过大'),
    });
  });
});
