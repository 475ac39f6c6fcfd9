/**
 * The rate limits' counts in the process (RateCounters, rate-counters.ts), for SQLite: one server
 * process writes an SQLite file, so there is nobody to share the counts with, and a count written
 * to the file would wait for its write lock behind an import (30 s) before a citizen's submission is
 * even looked at — the 503 “数据库正忙” of 条例第二十九条's online requests must come at once
 * (src/db/sqlite-immediate.test.ts). One set of counts per opened database, so every server built on
 * it counts together, as they would through PostgreSQL's table. Bounded (lru-cache): an address
 * flood cannot grow it without end.
 */
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/connection.ts';
import { type Count, PRUNE_EVERY, type RateCounters } from './rate-counters.ts';

/** At most this many keys are counted; the least recently used go first. */
const MAX_KEYS = 200_000;

const ofDb = new WeakMap<Db, RateCounters>();

/** The counts of this database's servers in this process. */
export function memoryRateCounters(db: Db): RateCounters {
  let counters = ofDb.get(db);
  if (!counters) {
    counters = createMemoryRateCounters();
    ofDb.set(db, counters);
  }
  return counters;
}

function createMemoryRateCounters(): RateCounters {
  const counts = new LRUCache<string, Count>({ max: MAX_KEYS });
  let additions = 0;
  const live = (key: string, now: number): Count | undefined => {
    const found = counts.get(key);
    return found && found.windowEnds > now ? found : undefined;
  };
  const addOne = (key: string, now: number, windowMs: number): Count => {
    const found = live(key, now);
    const next = found
      ? { ...found, count: found.count + 1 }
      : { count: 1, windowEnds: now + windowMs, lockedUntil: 0 };
    counts.set(key, next);
    return { ...next };
  };
  const addEach = async (keys: string[], now: number, windowMs: number): Promise<Count[]> => {
    const added = keys.map((key) => addOne(key, now, windowMs));
    additions += keys.length;
    if (additions >= PRUNE_EVERY) {
      additions = 0;
      for (const [key, count] of counts.entries())
        if (count.windowEnds <= now && count.lockedUntil <= now) counts.delete(key);
    }
    return added;
  };
  return {
    async read(keys, now) {
      const found = new Map<string, Count>();
      for (const key of keys) {
        const count = live(key, now);
        if (count) found.set(key, { ...count });
      }
      return found;
    },
    async add(key, now, windowMs) {
      const [count] = await addEach([key], now, windowMs);
      if (!count) throw new Error(`no count for ${key}`);
      return count;
    },
    addEach,
    async lock(key, lockedUntil, windowEnds) {
      const found = counts.get(key);
      if (!found) return;
      counts.set(key, {
        count: found.count,
        lockedUntil: Math.max(found.lockedUntil, lockedUntil),
        windowEnds: Math.max(found.windowEnds, windowEnds),
      });
    },
    async release(key) {
      const found = counts.get(key);
      if (found && found.count > 0) counts.set(key, { ...found, count: found.count - 1 });
    },
    async remove(keys, prefixes = []) {
      for (const key of keys) counts.delete(key);
      if (prefixes.length > 0)
        for (const key of [...counts.keys()]) if (prefixes.some((p) => key.startsWith(p))) counts.delete(key);
    },
  };
}
