/**
 * A real server for browser tests: a fresh SQLite file in a temp folder, migrated, the demo agency
 * loaded through `loadDemo`, `buildServer` listening on a free loopback port.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/commands/load-demo.ts';
import { type Db, openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/server/app.ts';

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  baseUrl: string;
  db: Db;
  app: FastifyInstance;
  close: () => Promise<void>;
}

/** Starts the platform with the demo agency on its own database; `close` stops it and removes the files. */
export async function startDemoServer(): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-browser-'));
  const db = openDb(`sqlite:${join(dir, 'gongkai.db')}`);
  try {
    await migrateToLatest(db);
    const demo = await loadDemo(db, 'browser test');
    if (!demo.ok) throw new Error(`demo agency failed to load: ${JSON.stringify(demo).slice(0, 500)}`);
    const app = await buildServer({ db });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      baseUrl: address.replace(/\/$/, ''),
      db,
      app,
      close: async () => {
        await app.close();
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await db.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
