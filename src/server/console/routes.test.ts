import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { buildServer } from '../app.ts';

const INDEX =
  '<!doctype html><html lang="zh-CN"><div id="root"></div><script type="module" src="/console/assets/index-abc123.js"></script></html>';

let db: Db;
let dir: string;
let app: FastifyInstance;
let bare: FastifyInstance;

beforeAll(async () => {
  db = openDb('sqlite::memory:');
  await migrateToLatest(db);
  dir = mkdtempSync(join(tmpdir(), 'gongkai-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("工作台");');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = await buildServer({ db, consoleDir: dir });
  bare = await buildServer({ db, consoleDir: join(dir, 'missing') });
});
afterAll(async () => {
  await app.close();
  await bare.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/console', () => {
  it.each(['/console', '/console/', '/console/requests/7', '/console/reports/2021/edit?tab=narrative'])(
    'answers %s with index.html, never cached',
    async (url) => {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(INDEX);
    },
  );

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await app.inject('/console/assets/index-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe('console.log("工作台");');
  });

  it('serves other files of the build without a long cache', async () => {
    const res = await app.inject('/console/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404, not with index.html', async () => {
    const res = await app.inject('/console/assets/gone-000.js');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('serves an asset of a rebuild made while the server runs', async () => {
    writeFileSync(join(dir, 'assets', 'index-def456.js'), 'console.log(2);');
    const res = await app.inject('/console/assets/index-def456.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(2);');
  });

  it('does not leave the build folder', async () => {
    const res = await app.inject('/console/..%2f..%2fpackage.json');
    expect(res.body).toBe(INDEX);
    expect((await app.inject('/console/assets/..%2f..%2fpackage.json')).statusCode).toBe(404);
  });

  it('sends the console CSP: own scripts, inline styles, same-origin API calls', async () => {
    const csp = (await app.inject('/console/requests')).headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('keeps the strict no-script CSP everywhere else', async () => {
    const csp = (await app.inject('/healthz')).headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
  });

  it('says how to build the console when there is no build', async () => {
    const res = await bare.inject('/console/requests');
    expect(res.statusCode).toBe(503);
    expect(res.json().error.message).toContain('npm run build:console');
  });
});
