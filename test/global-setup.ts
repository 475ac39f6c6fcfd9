import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openDb } from '../src/db/connection.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the run's folder of demo templates (SQLite files, lock and ready markers) */
    demoTemplates: string;
    /** the prefix of the run's PostgreSQL template databases, dropped when the run ends */
    demoTemplatePrefix: string;
  }
}

/**
 * Says once which databases the data-layer tests run on (loudly when PostgreSQL is left out), and
 * gives the run a folder for its demo templates (test/demo-template.ts); at the end removes the
 * folder and drops the run's PostgreSQL databases: the templates, and the suites' copies not yet dropped.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-demo-templates-'));
  const prefix = `gk_tpl_${randomBytes(4).toString('hex')}`;
  project.provide('demoTemplates', dir);
  project.provide('demoTemplatePrefix', prefix);
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    process.stderr.write(
      `\n数据层测试：SQLite 与 PostgreSQL（${url.replace(/\/\/[^@/]*@/, '//')}，每组测试独立的 schema 或数据库）\n\n`,
    );
  } else {
    process.stderr.write(
      '\n⚠ PostgreSQL 测试已跳过：未设置 TEST_DATABASE_URL（如 postgres://postgres@127.0.0.1:5432/test）。只在 SQLite 上运行了数据层测试。\n\n',
    );
  }
  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (!url) return;
    const admin = openDb(url);
    try {
      const templates = await sql<{
        datname: string;
      }>`select datname from pg_database where datname like ${`${prefix}_%`}`.execute(admin.kysely);
      // force: a worker's connection may outlive it for a moment
      for (const { datname } of templates.rows)
        await sql`drop database if exists ${sql.id(datname)} with (force)`.execute(admin.kysely);
    } finally {
      await admin.close();
    }
  };
}
