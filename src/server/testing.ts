/** Test helper of the server: an in-memory SQLite database with the demo agency, and a server on it. */
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../commands/load-demo.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildServer } from './app.ts';

/** A server on a fresh demo database; `close()` closes both. */
export async function demoServer(): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const db = openDb('sqlite::memory:');
  await migrateToLatest(db);
  await loadDemo(db);
  const app = await buildServer({ db, logger: false });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
