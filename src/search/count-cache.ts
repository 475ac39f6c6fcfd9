import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Counts of matches per query word, remembered per index (search_meta's random instance id) for
 * `ttlMs`: a word's frequency changes slowly, and it only weighs words against each other (idf).
 */
const MAX_CACHED = 20_000;
const cache = new Map<string, { count: number; until: number }>();

/**
 * How long a Kysely object (a pool, or a transaction) remembers its index's instance id: reading
 * it was one round trip of a search's two on PostgreSQL (4.9–11 ms per search on a loaded
 * machine, bench/search-pg-statements.ts). The instance changes only when the database is
 * created (migration 0005), so a database re-created under a running process is noticed within
 * this time.
 */
export const INSTANCE_MS = 10_000;
const instances = new WeakMap<Kysely<Database>, { instance: string; until: number }>();

async function instanceOf(db: Kysely<Database>, now: number): Promise<string> {
  const known = instances.get(db);
  if (known && known.until > now) return known.instance;
  const row = await db.selectFrom('search_meta').select('instance').executeTakeFirst();
  const instance = row?.instance ?? '';
  instances.set(db, { instance, until: now + INSTANCE_MS });
  return instance;
}

/** The count of each expression, from the cache or from `count` (which counts up to `cap`). */
export async function cachedCounts(
  db: Kysely<Database>,
  expressions: readonly string[],
  cap: number,
  ttlMs: number,
  count: (expression: string) => Promise<number>,
  now: number = Date.now(),
): Promise<number[]> {
  const instance = await instanceOf(db, now);
  const counts: number[] = [];
  for (const expression of expressions) {
    const key = `${instance}\u0000${cap}\u0000${expression}`;
    const hit = cache.get(key);
    if (hit && hit.until > now) {
      counts.push(hit.count);
      continue;
    }
    const n = await count(expression);
    if (cache.size >= MAX_CACHED) cache.clear();
    if (ttlMs > 0) cache.set(key, { count: n, until: now + ttlMs });
    counts.push(n);
  }
  return counts;
}
