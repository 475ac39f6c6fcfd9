/**
 * A small in-process cache with a time to live and a bound on its size, for what is cheap to keep
 * and dear to recompute (rendered item pages keyed by item version, the home page's lists).
 */

interface Entry<V> {
  value: V;
  expires: number;
}

export interface TtlCache<V> {
  /** The value under `key`, computing and keeping it when missing or expired. */
  get(key: string, compute: () => Promise<V>): Promise<V>;
  clear(): void;
}

/** A cache of at most `max` entries, each kept `ttlMs` milliseconds (the oldest goes first when full). */
export function ttlCache<V>(max: number, ttlMs: number, clock: () => number = Date.now): TtlCache<V> {
  const entries = new Map<string, Entry<V>>();
  return {
    async get(key, compute) {
      const hit = entries.get(key);
      if (hit && hit.expires > clock()) return hit.value;
      const value = await compute();
      entries.delete(key);
      if (entries.size >= max) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, { value, expires: clock() + ttlMs });
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
