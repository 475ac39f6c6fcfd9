/** Test helper of the server: an in-memory SQLite database with the demo agency, and a server on it. */
import type { FastifyInstance } from 'fastify';
import { cliContext } from '../cli/command-context.ts';
import { loadDemo } from '../commands/load-demo.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildServer } from './app.ts';

/** A server on a fresh demo database; `close()` closes both. */
export async function demoServer(): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const db = openDb('sqlite::memory:');
  await migrateToLatest(db);
  await loadDemo(cliContext(db, { username: 'gongkai demo' }));
  const app = await buildServer({ db, logger: false, trustUserHeader: true });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** Signs in through `POST /api/v1/session`; the cookie header and CSRF token for later requests. */
export async function signInAs(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string; headers: Record<string, string> }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const set = res.headers['set-cookie'];
  const first = (Array.isArray(set) ? set : [set ?? '']).find((c) => c.startsWith('gongkai_session='));
  if (!first) throw new Error('no session cookie');
  const cookie = first.split(';')[0];
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
