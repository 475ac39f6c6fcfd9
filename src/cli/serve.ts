import { createCalendarService } from '../calendar/calendar-service.ts';
import { systemClock } from '../commands/context.ts';
import { sealIdNumbers } from '../commands/keys/seal-id-numbers.ts';
import { loadDemoIfEmpty } from '../commands/load-demo.ts';
import { idVaultFor, KeyringError } from '../crypto/id-vault.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { parseDailyTime } from '../domain/inspection/schedule.ts';
import type { FileStore } from '../files/file-store.ts';
import { fileStoreFromEnv } from '../files/files-config.ts';
import { FilesDirError, resolveBackupDir } from '../files/files-dir.ts';
import { buildServer } from '../server/app.ts';
import { startDailyInspection } from '../server/daily-inspection.ts';
import { parseTrustProxy, TrustProxyError } from '../server/trust-proxy.ts';
import { ensureConsoleBuilt } from './build-console.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, flags, UsageError, writeErr } from './io.ts';
import { openCliDb } from './open-db.ts';

/**
 * `gongkai serve [--port N] [--host H]` (or PORT, HOST; default localhost:3000): migrates the database, loads the demo agency on first start (an
 * empty database), builds the staff console when needed, and serves the platform until stopped.
 */
export async function serveCommand(io: CliIo, args: string[]): Promise<number> {
  const { values } = flags(args, { port: { type: 'string' }, host: { type: 'string' } });
  const port = Number(values.port ?? io.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError('--port 应为 1–65535 的整数');
  await ensureConsoleBuilt(io);
  // the server's transactions share their commits when they end together (db/sqlite-group-commit.ts)
  const db = openCliDb(io, { groupCommit: true });
  let files: FileStore;
  let backupDir: string | null;
  try {
    files = fileStoreFromEnv(io.env, db);
    backupDir = resolveBackupDir(io.env);
    // the ID-number keyring (crypto/id-vault.ts): found or created now, not on the first request
    idVaultFor(db, io.env);
  } catch (error) {
    await db.close();
    if (error instanceof FilesDirError || error instanceof KeyringError) throw new UsageError(error.message);
    throw error;
  }
  await migrateToLatest(db);
  const demo = await loadDemoIfEmpty(cliContext(db, { username: 'first start' }), io.env);
  if (demo)
    writeErr(
      io,
      demo.ok
        ? `首次启动：已载入示例机关 lingang（${demo.lines} 条记录、${demo.items} 条主动公开信息、${demo.openRequests} 件办理中的申请）`
        : '示例机关载入失败',
    );
  // numbers stored in clear by an earlier version are sealed now (nothing to do is the usual case)
  const { sealed } = await sealIdNumbers(cliContext(db, { username: 'server start' }));
  if (sealed > 0) writeErr(io, `已加密 ${sealed} 件申请中以明文保存的证件号码。`);
  // Behind a reverse proxy, GONGKAI_TRUST_PROXY lists its addresses (server/trust-proxy.ts): only
  // from them X-Forwarded-Proto/-For count — the session cookie gets Secure, HSTS is sent, rate
  // limits see the client's IP.
  let trustProxy: false | string[];
  try {
    trustProxy = parseTrustProxy(io.env.GONGKAI_TRUST_PROXY);
  } catch (error) {
    if (error instanceof TrustProxyError) throw new UsageError(error.message);
    throw error;
  }
  // The daily 网站自查 (GONGKAI_DAILY_INSPECTION: HH:MM China time, default 02:00, or off).
  const dailyTime = parseDailyTime(io.env.GONGKAI_DAILY_INSPECTION);
  if (dailyTime !== null && 'error' in dailyTime) {
    await db.close();
    throw new UsageError(dailyTime.error);
  }
  // Never trustUserHeader: production callers sign in.
  const app = await buildServer({ db, logger: true, trustProxy, files, backupDir });
  // Resolves (exit 0) once a signal has closed the server and the database: the process then ends
  // because nothing is left to run, as after any other command.
  let daily: ReturnType<typeof startDailyInspection> | null = null;
  const stopped = new Promise<number>((resolve) => {
    const close = async () => {
      process.off('SIGINT', close);
      process.off('SIGTERM', close);
      daily?.stop();
      await daily?.running();
      await app.close();
      await db.close();
      resolve(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
  });
  const host = values.host ?? io.env.HOST ?? 'localhost';
  await app.listen({ port, host });
  daily =
    dailyTime === null
      ? null
      : startDailyInspection({
          db,
          time: dailyTime,
          clock: systemClock,
          calendar: createCalendarService(db),
          log: app.log,
        });
  writeErr(
    io,
    `公开平台已启动：http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}/ （数据库 ${db.describe}，附件 ${files.describe}）`,
  );
  return stopped;
}
