/**
 * A real server for browser tests: a fresh SQLite file in a temp folder with the demo agency
 * (a copy of the template loaded once through `loadDemo` beside the run's first files, waited for
 * until it is there, or loaded here when there is none), `buildServer` listening on a free
 * loopback port.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { cliContext } from '../../src/cli/command-context.ts';
import { loadDemo } from '../../src/commands/load-demo.ts';
import { type Db, openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/server/app.ts';
import { templateReady } from './template.ts';

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  baseUrl: string;
  db: Db;
  app: FastifyInstance;
  close: () => Promise<void>;
}

/** Writes a migrated SQLite database with the demo agency to `file` (closed, so one file holds it all). */
export async function createDemoDatabase(file: string): Promise<void> {
  const db = openDb(`sqlite:${file}`);
  try {
    await migrateToLatest(db);
    const demo = await loadDemo(cliContext(db, { username: 'browser test' }));
    if (!demo.ok) throw new Error(`demo agency failed to load: ${JSON.stringify(demo).slice(0, 500)}`);
  } finally {
    await db.close();
  }
}

/**
 * Starts the platform with the demo agency on its own database, a copy of `template` when given;
 * `close` stops it and removes the files.
 */
export async function startDemoServer(template?: string): Promise<TestServer> {
  if (template) await templateReady(template);
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-browser-'));
  const file = join(dir, 'gongkai.db');
  if (template) await copyFile(template, file);
  else await createDemoDatabase(file);
  const db = openDb(`sqlite:${file}`);
  try {
    await migrateToLatest(db);
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
