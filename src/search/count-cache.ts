import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Counts of matches per query word, remembered per index (search_meta's random instance id) for
 * `ttlMs`: a word's frequency changes slowly, and it only weighs words against each other (idf).
 */
const MAX_CACHED = 20_000;
const cache = new Map<string, { count: number; until: number }>();

async function instanceOf(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('search_meta').select('instance').executeTakeFirst();
  return row?.instance ?? '';
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
  const instance = await instanceOf(db);
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
