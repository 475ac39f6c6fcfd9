import { loadDemoIfEmpty } from '../commands/load-demo.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildServer } from '../server/app.ts';
import { ensureConsoleBuilt } from './build-console.ts';
import { databaseUrl, flags, UsageError, writeErr } from './io.ts';

/**
 * `gongkai serve [--port N]`: migrates the database, loads the demo agency on first start (an
 * empty database), builds the staff console when needed, and serves the platform until stopped.
 */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = flags(args, { port: { type: 'string' }, host: { type: 'string' } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError('--port 应为 1–65535 的整数');
  await ensureConsoleBuilt();
  const db = openDb(databaseUrl());
  await migrateToLatest(db);
  const demo = await loadDemoIfEmpty(db);
  if (demo)
    writeErr(
      demo.ok
        ? `首次启动：已载入示例机关 lingang（${demo.lines} 条记录、${demo.items} 条主动公开信息）`
        : '示例机关载入失败',
    );
  const app = await buildServer({ db, logger: true });
  const close = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  const host = values.host ?? process.env.HOST ?? 'localhost';
  await app.listen({ port, host });
  writeErr(`公开平台已启动：http://localhost:${port}/ （数据库 ${db.describe}）`);
  return new Promise<number>(() => {});
}
