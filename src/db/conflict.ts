/**
 * Database write conflicts, in one place: a unique index (two events with the same number) or,
 * on PostgreSQL, a deadlock (40P01) or serialization failure (40001). Every store turns one into
 * the `conflict` error (HTTP 409) the user can retry, in its own Chinese words.
 */
import { AppError } from '../errors.ts';

/** Whether a database error means another writer got there first. */
export function isWriteConflict(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return /unique|duplicate key/i.test(text) || code === '23505' || code === '40P01' || code === '40001';
}

/**
 * Whether a database error is PostgreSQL giving up on a transaction because of another one
 * (deadlock, serialization failure): nothing is wrong with the data, the same write may succeed
 * when retried. Not a unique index (that one can be the data's fault).
 */
export function isConcurrencyFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * Rethrows a write conflict as `AppError('conflict', message)`; an AppError (the command's own
 * refusal) and any other error unchanged. Stores call it in their catch: `rethrowConflict(error, '…')`.
 */
export function rethrowConflict(error: unknown, message: string): never {
  if (!(error instanceof AppError) && isWriteConflict(error)) throw new AppError('conflict', message);
  throw error;
}
