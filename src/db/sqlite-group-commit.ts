/**
 * Group commit on SQLite: the transactions that end while the same batch of work is handled share
 * one COMMIT — one sync of the write-ahead log — instead of one each (issue 12).
 *
 * With `synchronous = FULL` every COMMIT waits for the disk, and better-sqlite3 waits on the event
 * loop: with a hundred citizens filing at once, the syncs queue one behind the other (measured in
 * docs/sqlite-writes.md). Here a transaction of the server begins as a SAVEPOINT inside one outer
 * IMMEDIATE transaction (the group); its end RELEASEs the savepoint, and its caller is answered only
 * when the group's COMMIT has returned — after the sync, so an acknowledged submission survives a
 * power cut exactly as before. The COMMIT runs once the event loop has handled what had arrived
 * (`setImmediate`), so every transaction that ended in the meantime rides on it.
 *
 * Each transaction stays all or nothing on its own: a failed one is rolled back to its savepoint and
 * the others go on. When SQLite itself abandons the outer transaction (a disk error), or its COMMIT
 * fails, every transaction of the group fails — none of them had been answered.
 *
 * Statements outside a transaction: a SELECT reads on a second, read-only connection, which sees only
 * committed data (never a group's pending rows); anything else first commits the open group, then
 * runs on its own (autocommit) as before. Only for a database file (a second connection to
 * `:memory:` would be another database) and only where asked (`openDb(url, { groupCommit: true })`:
 * the server); elsewhere transactions begin and commit one by one.
 */
import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import { isDatabaseBusy } from './busy.ts';
import type { LockWait } from './sqlite-immediate.ts';

const SAVEPOINT = 'gk_group_member';

/** A first-come first-served lock of the one write connection. */
class FifoMutex {
  #held = false;
  readonly #waiting: Array<() => void> = [];

  async lock(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  unlock(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

function run(db: SqliteDatabase, query: CompiledQuery): QueryResult<unknown> {
  const statement = db.prepare(query.sql);
  return execute(statement, query);
}

function execute(statement: SqliteStatement, query: CompiledQuery): QueryResult<unknown> {
  if (statement.reader) return { rows: statement.all(query.parameters) as unknown[] };
  const { changes, lastInsertRowid } = statement.run(query.parameters);
  return {
    numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
    insertId: lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
    rows: [],
  };
}

const SELECT = /^\s*(select|with)\b/i;

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/** One hold of the write connection: a transaction, or statements outside one. */
class Lease implements DatabaseConnection {
  inTransaction = false;
  /** unlocked already (a group member's commit lets the next one in before the group's COMMIT) */
  released = false;

  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return Promise.resolve(this.driver.execute(this, query) as QueryResult<R>);
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered (Kysely's SQLite driver streams selects only; nothing here streams)
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on the group-commit connection');
  }
}

export class GroupCommitDriver implements Driver {
  readonly #mutex = new FifoMutex();
  /** the outer transaction is open, with these members released into it and waiting for its COMMIT */
  #group: Waiter[] | null = null;
  #flushScheduled = false;

  constructor(
    private readonly writer: SqliteDatabase,
    private readonly reader: SqliteDatabase,
    private readonly raw: SQLite.Database,
    private readonly wait: LockWait,
    private readonly busyTimeoutMs: number,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return new Lease(this);
  }

  /** Runs a statement of a lease: see the module's comment for where it goes. */
  execute(lease: Lease, query: CompiledQuery): QueryResult<unknown> {
    if (lease.inTransaction) return run(this.writer, query);
    if (SELECT.test(query.sql)) {
      const statement = this.reader.prepare(query.sql);
      // better-sqlite3's statements say whether they write (Kysely's type does not list it)
      if ((statement as SqliteStatement & { readonly: boolean }).readonly) return execute(statement, query);
    }
    // a write outside a transaction: the open group commits first, then it runs on its own
    this.#commitGroup();
    return run(this.writer, query);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!this.#group) {
      await this.#beginImmediate();
      this.#group = [];
    }
    run(this.writer, CompiledQuery.raw(`savepoint ${SAVEPOINT}`));
    lease.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    run(this.writer, CompiledQuery.raw(`release savepoint ${SAVEPOINT}`));
    lease.inTransaction = false;
    lease.released = true;
    const group = this.#group;
    if (!group) throw new Error('group commit: no open group to join');
    const committed = new Promise<void>((resolve, reject) => group.push({ resolve, reject }));
    // the next transaction may join the group while this one waits for its COMMIT
    this.#mutex.unlock();
    this.#scheduleFlush();
    await committed;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    // past its savepoint's release (its group's COMMIT failed, the group is answered), or never begun
    if (lease.released || !lease.inTransaction) return;
    lease.inTransaction = false;
    if (!this.raw.inTransaction) {
      // SQLite abandoned the outer transaction itself (a disk error): the whole group is lost
      this.#failGroup(new Error('SQLite rolled the group of transactions back'));
      return;
    }
    run(this.writer, CompiledQuery.raw(`rollback to savepoint ${SAVEPOINT}`));
    run(this.writer, CompiledQuery.raw(`release savepoint ${SAVEPOINT}`));
    // nothing of it was kept: the group commits what the others did, or nothing when it is empty
    this.#scheduleFlush();
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (lease.released) return;
    lease.released = true;
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    await this.#mutex.lock();
    try {
      this.#commitGroup();
    } finally {
      this.#mutex.unlock();
    }
    this.raw.close();
    this.reader.close();
  }

  /** BEGIN IMMEDIATE, waiting for another process's write lock without blocking (sqlite-immediate.ts). */
  async #beginImmediate(): Promise<void> {
    const deadline = Date.now() + this.wait.waitMs;
    let pause = 5;
    for (;;) {
      this.raw.pragma(`busy_timeout = ${this.wait.tryMs}`);
      try {
        run(this.writer, CompiledQuery.raw('begin immediate'));
        return;
      } catch (error) {
        if (!isDatabaseBusy(error) || Date.now() >= deadline) throw error;
      } finally {
        this.raw.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(pause, Math.max(deadline - Date.now(), 0))),
      );
      pause = Math.min(pause * 2, 100);
    }
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      void this.#flush();
    });
  }

  /** Commits the open group in its turn of the connection (after the transactions queued before it). */
  async #flush(): Promise<void> {
    if (!this.#group) return;
    await this.#mutex.lock();
    try {
      this.#commitGroup();
    } finally {
      this.#mutex.unlock();
    }
  }

  /** COMMITs the open group (the connection held) and answers its members; nothing when none is open. */
  #commitGroup(): void {
    const group = this.#group;
    if (!group) return;
    if (!this.raw.inTransaction) {
      this.#failGroup(new Error('SQLite rolled the group of transactions back'));
      return;
    }
    try {
      run(this.writer, CompiledQuery.raw('commit'));
    } catch (error) {
      if (this.raw.inTransaction) {
        try {
          run(this.writer, CompiledQuery.raw('rollback'));
        } catch {
          // the COMMIT's own error is the one to report
        }
      }
      this.#failGroup(error);
      return;
    }
    this.#group = null;
    for (const member of group) member.resolve();
  }

  #failGroup(error: unknown): void {
    const group = this.#group ?? [];
    this.#group = null;
    for (const member of group) member.reject(error);
  }
}
