/**
 * A Kysely driver over two PostgreSQL pools, the primary's and the hot standby's (db/replica.ts):
 * each connection is taken from the pool the request's read target names when it is taken, so a
 * transaction stays on one database.
 *
 * A `primary-first` read (an anonymous read kept on the primary only by a fence, db/read-routing.ts)
 * falls back to the standby when the primary cannot serve it — when no connection can be opened
 * (the primary restarting) and also when the primary ends a connection under a statement (a
 * restart's fast shutdown terminates the sessions it finds: SQLSTATE 57P01): the statement is run
 * again on a standby connection, once, unless a transaction was begun on the primary (a transaction
 * cannot move between databases; it fails as before, with the 503 of an unreachable database).
 * The standby may be a moment older than the fence asked; an answer a moment old is better than a
 * 503 to a citizen reading the portal while the primary restarts.
 */
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from 'kysely';
import type { ReadTarget } from './read-routing.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

/** One connection of the routing driver: the pool it came from, and whether it may still move to the standby. */
class RoutedConnection implements DatabaseConnection {
  #driver: Driver;
  #connection: DatabaseConnection;
  /** a primary-first connection not yet in a transaction nor moved */
  #mayMove: boolean;
  constructor(
    driver: Driver,
    connection: DatabaseConnection,
    mayMove: boolean,
    private readonly standby: Driver,
    private readonly primaryUnreachable: () => void,
  ) {
    this.#driver = driver;
    this.#connection = connection;
    this.#mayMove = mayMove;
  }

  /** The primary failed under a statement: its connection goes back (the pool drops a broken one), the standby's serves on. */
  async #move(): Promise<void> {
    this.#mayMove = false;
    this.primaryUnreachable();
    const broken = this.#connection;
    const primary = this.#driver;
    const replacement = await this.standby.acquireConnection();
    this.#driver = this.standby;
    this.#connection = replacement;
    await primary.releaseConnection(broken).catch(() => {});
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.#connection.executeQuery<R>(query);
    } catch (error) {
      if (!this.#mayMove || !isDatabaseUnavailable(error)) throw error;
      await this.#move();
      return this.#connection.executeQuery<R>(query);
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    // a stream's rows may already have been handed on: it is not run again elsewhere
    this.#mayMove = false;
    return this.#connection.streamQuery<R>(query, chunkSize);
  }

  async begin(settings: TransactionSettings): Promise<void> {
    try {
      await this.#driver.beginTransaction(this.#connection, settings);
    } catch (error) {
      if (!this.#mayMove || !isDatabaseUnavailable(error)) throw error;
      await this.#move();
      await this.#driver.beginTransaction(this.#connection, settings);
    }
    this.#mayMove = false;
  }
  commit(): Promise<void> {
    return this.#driver.commitTransaction(this.#connection);
  }
  rollback(): Promise<void> {
    return this.#driver.rollbackTransaction(this.#connection);
  }
  release(): Promise<void> {
    return this.#driver.releaseConnection(this.#connection);
  }
}

/**
 * Connections from the primary's pool or the standby's, as `target()` says when one is taken. The
 * pools belong to their Dbs, which close them.
 */
export class RoutingDriver implements Driver {
  readonly #connections = new WeakMap<DatabaseConnection, RoutedConnection>();
  constructor(
    private readonly primary: Driver,
    private readonly standby: Driver,
    private readonly target: () => ReadTarget,
    private readonly primaryUnreachable: () => void,
  ) {}
  async init(): Promise<void> {
    await this.primary.init();
    await this.standby.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const target = this.target();
    const driver = target === 'replica' ? this.standby : this.primary;
    let routed: RoutedConnection;
    try {
      const connection = await driver.acquireConnection();
      routed = new RoutedConnection(
        driver,
        connection,
        target === 'primary-first',
        this.standby,
        this.primaryUnreachable,
      );
    } catch (error) {
      if (target !== 'primary-first' || !isDatabaseUnavailable(error)) throw error;
      this.primaryUnreachable();
      const connection = await this.standby.acquireConnection();
      routed = new RoutedConnection(this.standby, connection, false, this.standby, this.primaryUnreachable);
    }
    this.#connections.set(routed, routed);
    return routed;
  }
  #routed(connection: DatabaseConnection): RoutedConnection {
    const routed = this.#connections.get(connection);
    if (!routed) throw new Error('a connection the routing driver did not give');
    return routed;
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#routed(connection).begin(settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#routed(connection).commit();
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#routed(connection).rollback();
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#routed(connection).release();
  }
  async destroy(): Promise<void> {}
}
