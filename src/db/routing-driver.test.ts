import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type QueryResult,
  sql,
} from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from './connection.ts';
import type { ReadTarget } from './read-routing.ts';
import { RoutingDriver } from './routing-driver.ts';

/** An error as PostgreSQL or node-postgres gives it. */
function failure(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}
const SHUTDOWN = () => failure('terminating connection due to administrator command', '57P01');
const ENDED = () => failure('Connection terminated unexpectedly');
const REFUSED = () => failure('connect ECONNREFUSED 127.0.0.1:5441', 'ECONNREFUSED');
const SYNTAX = () => failure('syntax error at or near "selct"', '42601');

/** A pretend pool: each statement answers with the database's name, or fails as told. */
function fakeDriver(name: string, fails: { acquire?: () => Error; query?: () => Error } = {}) {
  const log: string[] = [];
  let taken = 0;
  const connection = (): DatabaseConnection => ({
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      log.push(`${name}: ${query.sql}`);
      // begin, commit and rollback go through; the statements between them fail as told
      if (fails.query && query.sql.startsWith('select')) throw fails.query();
      return { rows: [] };
    },
    streamQuery: () => {
      throw new Error('not used');
    },
  });
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => {
      if (fails.acquire) throw fails.acquire();
      taken += 1;
      return connection();
    },
    beginTransaction: async (c) => {
      await c.executeQuery(CompiledQuery.raw('begin'));
    },
    commitTransaction: async (c) => {
      await c.executeQuery(CompiledQuery.raw('commit'));
    },
    rollbackTransaction: async (c) => {
      await c.executeQuery(CompiledQuery.raw('rollback'));
    },
    releaseConnection: async () => {
      taken -= 1;
    },
    destroy: async () => {},
  };
  return { driver, log, held: () => taken };
}

type Primary = 'up' | 'refuses' | 'shuts down' | 'ends' | 'bad statement';
const primaryFails: Record<Primary, { acquire?: () => Error; query?: () => Error }> = {
  up: {},
  refuses: { acquire: REFUSED },
  'shuts down': { query: SHUTDOWN },
  ends: { query: ENDED },
  'bad statement': { query: SYNTAX },
};

describe('RoutingDriver: which database answers a statement', () => {
  // target, the primary's state, in a transaction → who answers (or the error), whether the primary is noted unreachable
  const cases: Array<[ReadTarget, Primary, boolean, string, boolean]> = [
    ['replica', 'up', false, 'standby', false],
    ['replica', 'shuts down', false, 'standby', false],
    ['primary', 'up', false, 'primary', false],
    ['primary', 'refuses', false, 'ECONNREFUSED', false],
    ['primary', 'shuts down', false, 'terminating connection', false],
    ['primary-first', 'up', false, 'primary', false],
    ['primary-first', 'refuses', false, 'standby', true],
    // the restart's fast shutdown ends the statement: run again on the standby (the lost CI read)
    ['primary-first', 'shuts down', false, 'standby', true],
    ['primary-first', 'ends', false, 'standby', true],
    // a statement the primary refused for itself is not the primary's absence
    ['primary-first', 'bad statement', false, 'syntax error', false],
    // a transaction begun on the primary does not move
    ['primary-first', 'shuts down', true, 'terminating connection', false],
    ['primary-first', 'refuses', true, 'standby', true],
  ];
  it.each(cases)(
    '%s, the primary %s, in a transaction %s → %s',
    async (target, state, inTransaction, expected, noted) => {
      const primary = fakeDriver('primary', primaryFails[state]);
      const standby = fakeDriver('standby');
      let unreachable = false;
      const driver = new RoutingDriver(
        primary.driver,
        standby.driver,
        () => target,
        () => {
          unreachable = true;
        },
      );
      const run = async () => {
        const connection = await driver.acquireConnection();
        try {
          if (inTransaction) {
            // begin succeeds on a primary that is up when it begins; the statement after it fails
            await driver.beginTransaction(connection, {});
          }
          await connection.executeQuery(CompiledQuery.raw('select 1'));
          return [...primary.log, ...standby.log]
            .filter((line) => line.endsWith('select 1'))
            .at(-1)
            ?.split(':')[0];
        } finally {
          await driver.releaseConnection(connection);
        }
      };
      if (expected === 'primary' || expected === 'standby') await expect(run()).resolves.toBe(expected);
      else await expect(run()).rejects.toThrow(expected);
      expect(unreachable).toBe(noted);
      // every connection taken went back to its own pool
      expect([primary.held(), standby.held()]).toEqual([0, 0]);
    },
  );

  it('a connection that moved stays on the standby for its later statements', async () => {
    const primary = fakeDriver('primary', { query: SHUTDOWN });
    const standby = fakeDriver('standby');
    const driver = new RoutingDriver(
      primary.driver,
      standby.driver,
      () => 'primary-first',
      () => {},
    );
    const connection = await driver.acquireConnection();
    await connection.executeQuery(CompiledQuery.raw('select 1'));
    await connection.executeQuery(CompiledQuery.raw('select 2'));
    await driver.releaseConnection(connection);
    expect(primary.log).toEqual(['primary: select 1']);
    expect(standby.log).toEqual(['standby: select 1', 'standby: select 2']);
  });
});

const url = process.env.TEST_DATABASE_URL;

// PostgreSQL only: two of the server's own pools (openDb) on the test database, told apart by application_name
if (url)
  describe('RoutingDriver over real pools: a primary connection terminated under a read [PostgreSQL]', () => {
    const named = (name: string) => `${url}${url.includes('?') ? '&' : '?'}application_name=${name}`;
    const primary = openDb(named('gk_primary_pool'));
    const standby = openDb(named('gk_standby_pool'));
    const admin = openDb(url);
    afterAll(async () => {
      await Promise.all([primary.close(), standby.close(), admin.close()]);
    });

    it('a primary-first read whose primary session is terminated is answered by the standby', async () => {
      const driverOf = (db: Db) => {
        if (!db.pool) throw new Error('a PostgreSQL pool expected');
        return new PostgresDialect({ pool: db.pool }).createDriver();
      };
      let unreachable = false;
      const driver = new RoutingDriver(
        driverOf(primary),
        driverOf(standby),
        () => 'primary-first',
        () => {
          unreachable = true;
        },
      );
      await driver.init();
      const who = CompiledQuery.raw(
        "select current_setting('application_name') as name, pg_backend_pid() as pid",
      );
      const connection = await driver.acquireConnection();
      const first = await connection.executeQuery<{ name: string; pid: number }>(who);
      expect(first.rows[0]?.name).toBe('gk_primary_pool');
      // what a restart's fast shutdown does to the session: terminated between two statements
      await sql`select pg_terminate_backend(${first.rows[0]?.pid ?? 0})`.execute(admin.kysely);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = await connection.executeQuery<{ name: string }>(who);
      expect(second.rows[0]?.name).toBe('gk_standby_pool');
      expect(unreachable).toBe(true);
      await driver.releaseConnection(connection);
      // the broken primary connection left its pool; a new one answers the next read
      const again = await driver.acquireConnection();
      expect((await again.executeQuery<{ name: string }>(who)).rows[0]?.name).toBe('gk_primary_pool');
      await driver.releaseConnection(again);
    });
  });
