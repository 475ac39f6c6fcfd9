/**
 * A PostgreSQL hot standby for the portal's anonymous reads (DATABASE_REPLICA_URL): its state,
 * polled, this process's fence (db/read-routing.ts explains the choice of LSNs), and a `Db` whose
 * connections come from the standby's pool or the primary's according to the request being served.
 *
 * The request is known through an AsyncLocalStorage the server enters for each request
 * (server/read-routing-hooks.ts); outside a request (the daily inspection, start-up) every read and
 * write goes to the primary. The choice is made when a connection is taken (a Kysely driver over
 * the two pools, db/routing-driver.ts), so a transaction stays on one database, and a `primary-first`
 * read whose primary refuses the connection or ends it under a statement (restarting) is served by
 * the standby instead.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Dialect, Kysely, PostgresDialect, sql } from 'kysely';
import type { Db } from './connection.ts';
import {
  chooseReadTarget,
  type Fence,
  parseLsn,
  type ReadRequest,
  type ReadTarget,
  type ReplicaState,
} from './read-routing.ts';
import { RoutingDriver } from './routing-driver.ts';
import type { Database } from './schema.ts';

/** How often the standby is asked how far it has replayed. */
export const REPLICA_POLL_MS = 200;

/** The standby's lag as /healthz shows it. */
export interface ReplicaLag {
  ok: boolean;
  /** the primary's WAL position minus the standby's replayed one (null: one of them did not answer) */
  lagBytes: number | null;
  /** seconds since the standby replayed its last transaction while it has more to replay; 0 when caught up */
  lagSeconds: number | null;
}

export interface ReadRouter {
  /** the Db to give what reads for the public: the standby's connections inside a routed request */
  db: Db;
  /** runs `serve` with its connections taken as `target` says */
  route<T>(target: ReadTarget, serve: () => T): T;
  /** where `request` would read now */
  target(request: ReadRequest): ReadTarget;
  /** a change is committed whose LSN is being asked: reads go to the primary until `release` */
  hold(): () => void;
  /** a read on the standby could not reach it: reads go to the primary until a poll sees it again */
  replicaFailed(): void;
  /** the standby must have replayed `lsn` before it answers again */
  require(lsn: bigint): void;
  /** the primary's current WAL position (after a write) */
  primaryLsn(): Promise<bigint | null>;
  lag(): Promise<ReplicaLag>;
  /** the last polled state (tests) */
  state(): ReplicaState;
  /** polls once now (tests; the timer polls every REPLICA_POLL_MS) */
  poll(): Promise<void>;
  close(): Promise<void>;
}

const REPLAY = sql<{ lsn: string | null; seconds: number | null }>`
  select pg_last_wal_replay_lsn()::text as lsn,
    case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
      else extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 end as seconds`;

const CURRENT = sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`;

export function createReadRouter(primary: Db, replica: Db, pollMs = REPLICA_POLL_MS): ReadRouter {
  if (!primary.pool || !replica.pool) throw new Error('a read replica needs PostgreSQL on both sides');
  const store = new AsyncLocalStorage<ReadTarget>();
  let state: ReplicaState = { healthy: false, replayed: null };
  let lagSeconds: number | null = null;
  /** a primary-first read found the primary unreachable: until the next poll reaches it */
  let primaryDown = false;
  const fence: Fence = { lsn: 0n, pending: 0 };

  const primaryLsn = async () => {
    try {
      const row = (await CURRENT.execute(primary.kysely)).rows[0];
      return row ? parseLsn(row.lsn) : null;
    } catch {
      return null;
    }
  };

  const poll = async () => {
    try {
      const row = (await REPLAY.execute(replica.kysely)).rows[0];
      const replayed = row?.lsn ? parseLsn(row.lsn) : null;
      state = { healthy: replayed !== null, replayed };
      lagSeconds = row?.seconds ?? null;
      if (primaryDown) primaryDown = (await primaryLsn()) === null;
    } catch {
      state = { healthy: false, replayed: state.replayed };
      lagSeconds = null;
    }
  };
  let polling = poll();
  const timer = setInterval(() => {
    polling = polling.then(poll);
  }, pollMs);
  timer.unref();

  const base = new PostgresDialect({ pool: primary.pool });
  const standby = new PostgresDialect({ pool: replica.pool });
  const dialect: Dialect = {
    createAdapter: () => base.createAdapter(),
    createQueryCompiler: () => base.createQueryCompiler(),
    createIntrospector: (db) => base.createIntrospector(db),
    createDriver: () =>
      new RoutingDriver(
        base.createDriver(),
        standby.createDriver(),
        () => store.getStore() ?? 'primary',
        () => {
          primaryDown = true;
        },
      ),
  };
  const routedKysely = new Kysely<Database>({ dialect });
  const routed: Db = { ...primary, kysely: routedKysely };

  return {
    db: routed,
    target(request) {
      const target = chooseReadTarget(request, state, fence);
      // the primary known unreachable: a fenced anonymous read goes straight to the standby
      return target === 'primary-first' && primaryDown ? 'replica' : target;
    },
    route(target, serve) {
      return store.run(target, serve);
    },
    hold() {
      fence.pending += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fence.pending -= 1;
      };
    },
    replicaFailed() {
      state = { healthy: false, replayed: state.replayed };
    },
    require(lsn) {
      if (lsn > fence.lsn) fence.lsn = lsn;
    },
    primaryLsn,
    async lag() {
      const current = await primaryLsn();
      return {
        ok: state.healthy,
        lagBytes:
          state.healthy && current !== null && state.replayed !== null
            ? Number(current > state.replayed ? current - state.replayed : 0n)
            : null,
        lagSeconds: state.healthy ? lagSeconds : null,
      };
    },
    state: () => state,
    poll: async () => {
      polling = polling.then(poll);
      await polling;
    },
    async close() {
      clearInterval(timer);
      await polling;
      await routedKysely.destroy();
      await replica.close();
    },
  };
}
