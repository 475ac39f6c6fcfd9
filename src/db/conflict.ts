/**
 * Whether a database error means another writer got there first: a unique index (two events with
 * the same number) or, on PostgreSQL, a deadlock (40P01) or serialization failure (40001).
 * Commands turn it into a `conflict` the user can retry.
 */
export function isWriteConflict(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return /unique|duplicate key/i.test(text) || code === '23505' || code === '40P01' || code === '40001';
}
