/**
 * A small in-process cache with a time to live and a bound on its size (lru-cache), for what is
 * cheap to keep and dear to recompute (rendered item pages keyed by item version, the home page's
 * lists). Callers asking for the same key at once share one computation.
 */
import { LRUCache } from 'lru-cache';

export interface TtlCache<V> {
  /** The value under `key`, computing and keeping it when missing or expired. */
  get(key: string, compute: () => Promise<V>): Promise<V>;
  /** Forgets every entry; a value being computed meanwhile is returned to its caller, not kept. */
  clear(): void;
}

/** lru-cache keeps no null or undefined, which some caches hold (an item that is not there). */
interface Boxed<V> {
  value: V;
}

/**
 * A cache of at most `max` entries (the least recently used goes first when full), each kept
 * `ttlMs` milliseconds: expired at `ttlMs` exactly. `clock` (milliseconds) is for tests.
 */
export function ttlCache<V>(max: number, ttlMs: number, clock?: () => number): TtlCache<V> {
  const cache = new LRUCache<string, Boxed<V>, () => Promise<V>>({
    max,
    // lru-cache keeps an entry while its age is at most `ttl`; ours is gone at `ttlMs`
    ttl: Math.max(1, ttlMs - 1),
    ttlResolution: 0,
    // lru-cache reads a start time of 0 as "no time to live": a test clock at 0 starts at 1
    perf: clock && { now: () => clock() + 1 },
    ignoreFetchAbort: true,
    fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
  });
  return {
    async get(key, compute) {
      const boxed = await cache.fetch(key, { context: compute });
      if (!boxed) throw new Error(`cache entry ${key} was not computed`);
      return boxed.value;
    },
    clear() {
      cache.clear();
    },
  };
}
