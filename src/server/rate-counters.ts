/**
 * The counts of the rate limits (sign-in-throttle.ts, submission-limits.ts, tracking-guard.ts and the
 * per-address limits of @fastify/rate-limit: rate-limit-store.ts), kept in the database's
 * `rate_limits` table (0042) so that several `gongkai serve` processes on one database count
 * together (issue 16). One row per key: a count, the time its window ends and, for sign-in's growing
 * delay, the time a lock ends (milliseconds since the epoch, from the server's clock).
 *
 * Adding one is a single atomic upsert on both databases (`INSERT … ON CONFLICT DO UPDATE …
 * RETURNING`): two servers adding at once both count, and each sees the count with its own added.
 * A row whose window has ended counts as absent; such rows are deleted every `PRUNE_EVERY` additions.
 * On SQLite the writes run in a transaction, so the server's group commit (sqlite-group-commit.ts)
 * carries them with the other writes of the moment instead of syncing the disk for each.
 */
import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';

/** A key's live count. */
export interface Count {
  count: number;
  /** ms since the epoch: the count ends then */
  windowEnds: number;
  /** ms since the epoch: refused until then (0: not locked) */
  lockedUntil: number;
}

export interface RateCounters {
  /** The live counts of these keys (a key without one is absent from the map). */
  read(keys: string[], now: number): Promise<Map<string, Count>>;
  /** Adds one to the key's count: a new window of `windowMs` from `now` when none is live. */
  add(key: string, now: number, windowMs: number): Promise<Count>;
  /** As `add`, for several keys in one transaction (on SQLite one commit for all). */
  addEach(keys: string[], now: number, windowMs: number): Promise<Count[]>;
  /** Locks the key until `lockedUntil`, its window lasting at least until `windowEnds`. */
  lock(key: string, lockedUntil: number, windowEnds: number): Promise<void>;
  /** Gives one back (a refused submission's place), not below zero. */
  release(key: string): Promise<void>;
  /** Ends these keys' counts, and those of every key beginning with one of `prefixes`. */
  remove(keys: string[], prefixes?: string[]): Promise<void>;
}

/** Adds one to `key`'s count (the upsert), answering the count after. */
async function addOne(k: Kysely<Database>, key: string, now: number, windowMs: number): Promise<Count> {
  const ended = sql<boolean>`rate_limits.window_ends <= ${now}`;
  const row = await k
    .insertInto('rate_limits')
    .values({ key, count: 1, window_ends: now + windowMs, locked_until: 0 })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        count: sql`case when ${ended} then 1 else rate_limits.count + 1 end`,
        window_ends: sql`case when ${ended} then ${now + windowMs} else rate_limits.window_ends end`,
        locked_until: sql`case when ${ended} then 0 else rate_limits.locked_until end`,
      }),
    )
    .returning(['count', 'window_ends', 'locked_until'])
    .executeTakeFirstOrThrow();
  return {
    count: Number(row.count),
    windowEnds: Number(row.window_ends),
    lockedUntil: Number(row.locked_until),
  };
}

/** How many additions (per process) between two deletions of ended rows. */
export const PRUNE_EVERY = 1000;

export function createRateCounters(db: Db): RateCounters {
  let additions = 0;
  const write = <T>(work: (k: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.dialect === 'sqlite' && !db.kysely.isTransaction
      ? db.kysely.transaction().execute(work)
      : work(db.kysely);
  const prune = (now: number) =>
    write((k) =>
      k.deleteFrom('rate_limits').where('window_ends', '<=', now).where('locked_until', '<=', now).execute(),
    );
  const addEach = async (keys: string[], now: number, windowMs: number): Promise<Count[]> => {
    const counts = await write(async (k) => {
      const found: Count[] = [];
      for (const key of keys) found.push(await addOne(k, key, now, windowMs));
      return found;
    });
    additions += keys.length;
    if (additions >= PRUNE_EVERY) {
      additions = 0;
      await prune(now);
    }
    return counts;
  };
  return {
    async read(keys, now) {
      const found = new Map<string, Count>();
      if (keys.length === 0) return found;
      const rows = await db.kysely
        .selectFrom('rate_limits')
        .select(['key', 'count', 'window_ends', 'locked_until'])
        .where('key', 'in', keys)
        .where('window_ends', '>', now)
        .execute();
      for (const row of rows)
        found.set(row.key, {
          count: Number(row.count),
          windowEnds: Number(row.window_ends),
          lockedUntil: Number(row.locked_until),
        });
      return found;
    },
    async add(key, now, windowMs) {
      const [count] = await addEach([key], now, windowMs);
      if (!count) throw new Error(`no count for ${key}`);
      return count;
    },
    addEach,
    async lock(key, lockedUntil, windowEnds) {
      await write((k) =>
        k
          .updateTable('rate_limits')
          .set({
            locked_until: sql`case when locked_until > ${lockedUntil} then locked_until else ${lockedUntil} end`,
            window_ends: sql`case when window_ends > ${windowEnds} then window_ends else ${windowEnds} end`,
          })
          .where('key', '=', key)
          .execute(),
      );
    },
    async release(key) {
      await write((k) =>
        k
          .updateTable('rate_limits')
          .set({ count: sql`count - 1` })
          .where('key', '=', key)
          .where('count', '>', 0)
          .execute(),
      );
    },
    async remove(keys, prefixes = []) {
      if (keys.length === 0 && prefixes.length === 0) return;
      await write((k) =>
        k
          .deleteFrom('rate_limits')
          .where((eb) =>
            eb.or([
              ...(keys.length > 0 ? [eb('key', 'in', keys)] : []),
              ...prefixes.map((prefix) => eb(sql`substr(key, 1, ${[...prefix].length})`, '=', prefix)),
            ]),
          )
          .execute(),
      );
    },
  };
}
