import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildServer } from './app.ts';
import { redactUrl } from './log-redaction.ts';

describe('redactUrl: no tracking code, search words or personal values in the request log', () => {
  it.each([
    ['/track?code=ABCDEF1234', '/track?code=[redacted]'],
    ['/api/v1/track/ABCDEF1234', '/api/v1/track/[redacted]'],
    ['/api/v1/track/ABCDEF1234/letters/3.html', '/api/v1/track/[redacted]/letters/3.html'],
    ['/search?q=%E4%BD%8E%E4%BF%9D&page=2', '/search?q=[redacted]&page=2'],
    [
      '/api/v1/agencies/lingang/requests?limit=5&q=%E5%BC%A0%E4%B8%89',
      '/api/v1/agencies/lingang/requests?limit=5&q=[redacted]',
    ],
    ['/x?Name=%E5%BC%A0&idNumber=E1&phone=138', '/x?Name=[redacted]&idNumber=[redacted]&phone=[redacted]'],
    ['/deadline?from=2026-12-01&days=20', '/deadline?from=2026-12-01&days=20'],
    ['/text-size?mode=large&back=/', '/text-size?mode=large&back=/'],
  ])('%s → %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

describe('the server log', () => {
  it('logs the tracking page and the tracking API without the code', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const db = await openDb('sqlite::memory:');
    await migrateToLatest(db);
    const app = await buildServer({ db, logger: { level: 'info', stream } });
    const code = 'Q'.repeat(32);
    await app.inject({ url: `/track?code=${code}` });
    await app.inject({ url: `/api/v1/track/${code}` });
    await app.inject({ url: '/search?q=%E5%BC%A0%E4%B8%89' });
    await app.close();
    await db.close();
    const log = lines.join('');
    expect(log).toContain('/api/v1/track/[redacted]');
    expect(log).toContain('/track?code=[redacted]');
    expect(log).not.toContain(code);
    expect(log).not.toContain('%E5%BC%A0');
  });
});
