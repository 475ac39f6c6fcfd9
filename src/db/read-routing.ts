/**
 * Which database answers a request's reads when a PostgreSQL hot standby is configured
 * (DATABASE_REPLICA_URL): pure decisions, their state kept by db/replica.ts.
 *
 * Read-your-writes is by LSN (the position in the primary's write-ahead log), not by time: after a
 * change the primary's `pg_current_wal_lsn()` is the fence, and a read goes to the standby only once
 * its `pg_last_wal_replay_lsn()` has reached it. A "primary for N seconds" rule would be wrong both
 * ways — stale when the standby lags longer than N, needlessly on the primary when it is caught up
 * in milliseconds. Fences come from the client's own anonymous write (a cookie) and from changes to
 * what the portal caches (this process's or another's, db/change-notices.ts), so a cache emptied
 * after a withdrawal is not refilled from a standby that has not replayed the withdrawal yet.
 */

/** A WAL position, `X/Y` (two hexadecimal numbers) as PostgreSQL prints it, as one integer. */
export function parseLsn(text: string): bigint | null {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/** An LSN back as PostgreSQL prints it. */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** What the standby was last seen to be (db/replica.ts polls it). */
export interface ReplicaState {
  /** it answered its last poll */
  healthy: boolean;
  /** how far it has replayed the primary's log (null: never seen) */
  replayed: bigint | null;
}

/** What routing knows of one request. */
export interface ReadRequest {
  method: string;
  /** it carries a session cookie (staff): always the primary */
  session: boolean;
  /** the LSN of this client's own last anonymous write (its cookie), if any */
  ownWrite: bigint | null;
}

/** This process's fence: the LSN the standby must have replayed, and changes whose LSN is not yet known. */
export interface Fence {
  lsn: bigint;
  pending: number;
}

/**
 * `primary-first`: an anonymous read kept on the primary only by a fence — should the primary not be
 * reachable (restarting), the standby answers it, perhaps a moment older, rather than a 503.
 */
export type ReadTarget = 'primary' | 'replica' | 'primary-first';

/**
 * The database that answers a request: the standby only for an anonymous GET or HEAD, when the
 * standby answers and has replayed both the client's own last write and the last change to what
 * the portal caches; the primary first when it has not (the standby if the primary cannot be
 * reached); the primary otherwise (writes, staff, a standby down).
 */
export function chooseReadTarget(request: ReadRequest, replica: ReplicaState, fence: Fence): ReadTarget {
  if (request.method !== 'GET' && request.method !== 'HEAD') return 'primary';
  if (request.session) return 'primary';
  if (!replica.healthy || replica.replayed === null) return 'primary';
  if (fence.pending > 0) return 'primary-first';
  const needed = request.ownWrite !== null && request.ownWrite > fence.lsn ? request.ownWrite : fence.lsn;
  return replica.replayed >= needed ? 'replica' : 'primary-first';
}

/** The cookie that carries an anonymous writer's LSN (read-your-writes across the load balancer). */
export const WRITE_LSN_COOKIE = 'gongkai_lsn';
/** How long the cookie lives: a standby further behind than this is a failure, not lag. */
export const WRITE_LSN_COOKIE_SECONDS = 60;
