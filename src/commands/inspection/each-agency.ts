/**
 * Runs a step for each agency of a list — the inspection of every agency (`gongkai inspect --all`,
 * the server's daily run) — each step its own transaction: a few side by side on PostgreSQL
 * (within its connection pool of 10; the machine has few cores), one at a time on SQLite (one
 * writer). Answers the results in the list's order.
 */
import type { Db } from '../../db/connection.ts';

/** Agencies inspected side by side on PostgreSQL. */
export const INSPECTIONS_AT_ONCE = 4;

export async function forEachAgency<A, T>(
  db: Db,
  agencies: readonly A[],
  step: (agency: A) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(agencies.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < agencies.length; i = next++) results[i] = await step(agencies[i] as A);
  };
  await Promise.all(Array.from({ length: db.dialect === 'postgres' ? INSPECTIONS_AT_ONCE : 1 }, worker));
  return results;
}
