import { createCalendarService } from '../calendar/calendar-service.ts';
import { systemClock } from '../commands/context.ts';
import { sealIdNumbers } from '../commands/keys/seal-id-numbers.ts';
import { loadDemoIfEmpty } from '../commands/load-demo.ts';
import { idVaultFor, KeyringError } from '../crypto/id-vault.ts';
import { bufferCacheAdvice, readBufferCacheFacts } from '../db/buffer-cache.ts';
import { type Db, openDb, parseDatabaseUrl } from '../db/connection.ts';
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
 * DATABASE_REPLICA_URL: a PostgreSQL hot standby of DATABASE_URL for the portal's anonymous reads
 * (db/replica.ts). Refused with SQLite or when it names the primary itself.
 */
function openReplica(io: CliIo, primary: Db): Db | undefined {
  const url = io.env.DATABASE_REPLICA_URL;
  if (!url) return undefined;
  if (primary.dialect !== 'postgres' || parseDatabaseUrl(url).dialect !== 'postgres')
    throw new UsageError(
      'DATABASE_REPLICA_URL 仅用于 PostgreSQL：DATABASE_URL 与它都应为 postgres://… 地址。',
    );
  if (url === primary.url)
    throw new UsageError(
      'DATABASE_REPLICA_URL 与 DATABASE_URL 相同：请填写热备库（只读副本）的地址，或不设置。',
    );
  return openDb(url, { onConnectionError: connectionLost(io) });
}

/** A pooled connection the database server ended (a restart): said once per connection; the pool opens another. */
const connectionLost = (io: CliIo) => (error: Error) =>
  writeErr(io, `数据库连接中断（${error.message}），将在需要时重新连接。`);

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
  const db = openCliDb(io, { groupCommit: true, onConnectionError: connectionLost(io) });
  let replica: Db | undefined;
  try {
    replica = openReplica(io, db);
  } catch (error) {
    await db.close();
    throw error;
  }
  let files: FileStore;
  let backupDir: string | null;
  try {
    files = fileStoreFromEnv(io.env, db);
    backupDir = resolveBackupDir(io.env);
    // the ID-number keyring (crypto/id-vault.ts): found or created now, not on the first request
    idVaultFor(db, io.env);
  } catch (error) {
    await db.close();
    await replica?.close();
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
  // PostgreSQL: a buffer cache far smaller than the search index makes every search slow (db/buffer-cache.ts)
  const cacheFacts = await readBufferCacheFacts(db);
  const cacheAdvice = cacheFacts && bufferCacheAdvice(cacheFacts);
  if (cacheAdvice) writeErr(io, cacheAdvice);
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
    await replica?.close();
    throw new UsageError(dailyTime.error);
  }
  // Never trustUserHeader: production callers sign in.
  // on PostgreSQL the server processes of an installation tell each other what changed (LISTEN/NOTIFY)
  const app = await buildServer({
    db,
    replica,
    changeNotices: db.dialect === 'postgres',
    logger: true,
    trustProxy,
    files,
    backupDir,
  });
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
    `公开平台已启动：http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}/ （数据库 ${db.describe}${replica ? `，只读副本 ${replica.describe}` : ''}，附件 ${files.describe}）`,
  );
  return stopped;
}
