/**
 * SQLite write transactions that wait for the write lock instead of failing.
 *
 * Kysely begins SQLite transactions with a plain `begin` (DEFERRED): the transaction reads first and
 * takes the write lock only at its first write. When another process (`gongkai import`) wrote in
 * between, that upgrade fails at once with SQLITE_BUSY — SQLite does not call the busy handler
 * there, since waiting could deadlock — and the request answered 500. Here every transaction
 * begins IMMEDIATE: it takes the write lock first, so nothing it reads can go stale and it never
 * has to upgrade. Waiting for the lock is asynchronous (short synchronous tries, then a timer), so
 * the server's event loop keeps serving pages while an import commits; after `waitMs` the
 * transaction gives up with SQLITE_BUSY, which the HTTP layer answers 503 with Retry-After
 * (db/busy.ts), never 500.
 */
import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import { LRUCache } from 'lru-cache';
import { isDatabaseBusy } from './busy.ts';
import { GroupCommitDriver } from './sqlite-group-commit.ts';

/** How long a transaction waits for the write lock, and how long each synchronous try may block. */
export interface LockWait {
  /** total wait before giving up with SQLITE_BUSY (ms) */
  waitMs: number;
  /** the busy_timeout of each try (ms): the longest the event loop is held by one try */
  tryMs: number;
}

export const DEFAULT_LOCK_WAIT: LockWait = { waitMs: 30_000, tryMs: 20 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly database: SQLite.Database,
    private readonly wait: LockWait,
    private readonly busyTimeoutMs: number,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + this.wait.waitMs;
    let pause = 5;
    for (;;) {
      this.database.pragma(`busy_timeout = ${this.wait.tryMs}`);
      try {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        return;
      } catch (error) {
        if (!isDatabaseBusy(error) || Date.now() >= deadline) throw error;
      } finally {
        this.database.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
      }
      await sleep(Math.min(pause, Math.max(deadline - Date.now(), 0)));
      pause = Math.min(pause * 2, 100);
    }
  }
}

/**
 * The database as Kysely's driver sees it, with its statements kept: Kysely prepares every query
 * afresh, and preparing was an eighth of an online submission's time (bench:submit's profile). Its
 * queries are parameterized, so the same SQL text recurs; the 1,000 most recent are kept (SQLite
 * re-prepares a kept statement itself after a schema change).
 */
export function withStatementCache(database: SQLite.Database, max = 1000): SqliteDatabase {
  const kept = new LRUCache<string, SQLite.Statement>({ max });
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = kept.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        kept.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Kysely's SQLite dialect whose transactions begin IMMEDIATE and wait for the lock (see above). */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #cached: SqliteDatabase;

  constructor(
    private readonly settings: {
      database: SQLite.Database;
      wait: LockWait;
      /** the connection's busy_timeout for statements outside a transaction */
      busyTimeoutMs: number;
      /** a read-only connection to the same file: transactions then commit in groups (sqlite-group-commit.ts) */
      reader?: SQLite.Database;
    },
  ) {
    const cached = withStatementCache(settings.database);
    super({ database: cached });
    this.#cached = cached;
  }

  override createDriver(): Driver {
    const { database, wait, busyTimeoutMs, reader } = this.settings;
    if (reader)
      return new GroupCommitDriver(this.#cached, withStatementCache(reader), database, wait, busyTimeoutMs);
    return new ImmediateSqliteDriver({ database: this.#cached }, database, wait, busyTimeoutMs);
  }
}
