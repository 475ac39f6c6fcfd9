/**
 * The database is busy: SQLite's one write lock is held by another process (an import) for longer
 * than a write may wait. Not a bug and not the user's fault: the HTTP layer answers 503 with
 * Retry-After and a Chinese sentence (server/errors.ts), the CLI prints the same sentence. Nothing
 * of the refused write is stored (its transaction rolled back).
 */
import { AppError } from '../errors.ts';

/** Whether an error is SQLite giving up on a lock: SQLITE_BUSY (any extended code) or SQLITE_LOCKED. */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Seconds a client is told to wait before retrying a write refused as busy. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/** The `unavailable` AppError of a busy database, with its Retry-After. */
export function databaseBusyError(
  message = '数据库正忙（可能正在导入数据），本次提交未保存，请稍后重试。',
): AppError {
  return new AppError('unavailable', message, undefined, { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS });
}
