import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type ChangeSignals, createChangeSignals } from './change-signals.ts';
import type { Database } from './schema.ts';
import { DEFAULT_LOCK_WAIT, ImmediateSqliteDialect, type LockWait } from './sqlite-immediate.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** where it is, without credentials (for logs) */
  describe: string;
  /** the URL it was opened with, credentials included: for PostgreSQL's own tools (backups), never logged */
  url: string;
  /** the PostgreSQL schema the connection is pinned to, if any */
  schema?: string;
  /** a SQLite database's file, absolute (none in memory) */
  file?: string;
  /** SQLite only: the connection itself (the import attaches its staging file to it) */
  sqlite?: SQLite.Database;
  /** PostgreSQL only: the connection pool (the read replica's router draws from it, db/replica.ts) */
  pool?: pg.Pool;
  /** what the public sees changed (db/change-signals.ts): shared by the copies a transaction makes */
  changes: ChangeSignals;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/gongkai.db';

// COUNT and SUM come back as int8; counts fit in a double exactly. NUMERIC stays text.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** Statements a PostgreSQL connection keeps prepared at most (the rest are parsed and planned each time). */
const PREPARED_PER_CONNECTION = 500;

/**
 * A PostgreSQL connection that prepares each statement text once (a named prepared statement) and
 * then only binds and executes it: Kysely sends the same parameterized texts again and again, and
 * parsing and planning each was the server's work on every round trip (bench:submit, issue 12).
 */
class PreparingClient extends pg.Client {
  /** statement text → its prepared statement's name on this connection */
  readonly preparedNames = new Map<string, string>();
}

/** pg's own `query`, for everything this connection does not prepare. */
const clientQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

// pg's query has many overloads; only (text, values) without a callback is changed, so the override
// is installed on the prototype as pg's own type rather than redeclaring each overload
PreparingClient.prototype.query = function query(this: PreparingClient, ...args: unknown[]): unknown {
  const [text, values, callback] = args;
  // only statements with parameters (as pg itself: others go by the simple protocol, which allows
  // several statements in one text — migrations' scripts)
  if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
    let name = this.preparedNames.get(text);
    if (!name && this.preparedNames.size < PREPARED_PER_CONNECTION) {
      name = `gk_${this.preparedNames.size}`;
      this.preparedNames.set(text, name);
    }
    if (name) return clientQuery.call(this, { name, text, values });
  }
  return clientQuery.apply(this, args);
} as pg.Client['query'];

/** Parses `sqlite:PATH`, `sqlite::memory:` or `postgres://…` (also `postgresql://`). */
export function parseDatabaseUrl(url: string): { dialect: Dialect; target: string } {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://'))
    return { dialect: 'postgres', target: url };
  if (url.startsWith('sqlite:'))
    return { dialect: 'sqlite', target: url.slice('sqlite:'.length) || ':memory:' };
  throw new Error(
    `DATABASE_URL 无法识别：“${url}”。请使用 sqlite:文件路径 或 postgres://用户@主机:端口/数据库。`,
  );
}

/**
 * Opens the database a URL names. SQLite runs in WAL mode with foreign keys on; PostgreSQL may be
 * pinned to one schema (`searchPath`), which is how tests get a fresh schema each.
 */
export interface OpenOptions {
  /** PostgreSQL: the schema to pin the connection to */
  searchPath?: string;
  /** SQLite: how long a transaction waits for the write lock (default 30 s, then SQLITE_BUSY → 503) */
  lockWait?: Partial<LockWait>;
  /** SQLite: `FULL` (default) or `NORMAL` — only `npm run bench:submit -- --synchronous normal` sets it */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * SQLite file: transactions ending together share one COMMIT, each answered after it, and reads
   * outside transactions go to a second, read-only connection (db/sqlite-group-commit.ts). The server sets it.
   */
  groupCommit?: boolean;
  /** PostgreSQL: told when a pooled connection fails (the server restarted); default: nothing */
  onConnectionError?: (error: Error) => void;
  /**
   * SQLite in memory: start from these bytes (`serialize()` of another database) instead of an empty
   * database — the tests' suites start from a migrated image instead of migrating again (test/databases.ts)
   */
  image?: Buffer;
}

/** The busy_timeout of statements outside a transaction (each one blocks the event loop while it waits). */
const BUSY_TIMEOUT_MS = 5000;

export function openDb(url: string = DEFAULT_DATABASE_URL, options: OpenOptions = {}): Db {
  const { dialect, target } = parseDatabaseUrl(url);
  if (dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target,
      max: 10,
      Client: PreparingClient,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    const describe = target.replace(/\/\/[^@/]*@/, '//');
    // A connection the server ends (a restart, a failover) emits 'error' — on the pool when idle,
    // on the client itself when checked out between two queries — which unheard ends the process.
    // Each client hears its own (said once); the client is then not queryable, and the pool drops it
    // when it is released, opening another when needed. The pool's re-emission is heard and dropped.
    pool.on('connect', (client) => client.on('error', (error) => options.onConnectionError?.(error)));
    pool.on('error', () => {});
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      kysely,
      dialect,
      describe,
      url,
      schema: options.searchPath,
      pool,
      changes: createChangeSignals(),
      close: () => kysely.destroy(),
    };
  }
  const file = target === ':memory:' ? undefined : resolve(target);
  if (file) mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(options.image && !file ? options.image : target);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  // FULL: a transaction acknowledged to a citizen survives a power cut too. In WAL mode NORMAL
  // syncs only at checkpoints, so the last commits may roll back after a power loss (an application
  // crash loses nothing either way). Its cost, measured with bench/submit.ts, is in docs/sqlite-writes.md.
  database.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Transactions begin IMMEDIATE and wait for the write lock without blocking (sqlite-immediate.ts).
  let reader: SQLite.Database | undefined;
  if (options.groupCommit && file) {
    reader = new SQLite(file, { readonly: true });
    reader.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
  const dialect_ = new ImmediateSqliteDialect({
    database,
    wait: { ...DEFAULT_LOCK_WAIT, ...options.lockWait },
    busyTimeoutMs: BUSY_TIMEOUT_MS,
    reader,
  });
  const kysely = new Kysely<Database>({ dialect: dialect_ });
  return {
    kysely,
    dialect,
    describe: `sqlite:${target}`,
    url,
    file,
    sqlite: database,
    changes: createChangeSignals(),
    close: () => kysely.destroy(),
  };
}
