/**
 * The database cannot be reached: PostgreSQL restarting, shutting down, failing over, or the
 * connection lost. Not a bug and not the user's fault: the HTTP layer answers 503 with Retry-After
 * and a Chinese sentence (server/errors.ts); the write is retried by the client once the database is
 * back (PostgreSQL rolled back the transaction the connection was in).
 */
import { AppError } from '../errors.ts';

/** Node's socket errors when the server is not there or hung up. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
/** SQLSTATEs of a server going away: admin_shutdown, crash_shutdown, cannot_connect_now (starting up). */
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);
/** pg's own messages for a connection that ended under it (they carry no code). */
const ENDED = /^(Connection terminated|Client has encountered a connection error|Connection ended)/;

/** Whether an error says the database is unreachable for now (not that a statement was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || SHUTDOWN_STATES.has(code)) return true;
    // class 08: connection exception
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  // AggregateError (several addresses refused) carries its causes
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return ENDED.test(error.message);
}

/** Seconds a client is told to wait before retrying. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 3;

export function databaseUnavailableError(): AppError {
  return new AppError(
    'unavailable',
    '数据库暂时无法连接（主库可能正在重启或切换），本次操作未完成，请稍后重试。',
    undefined,
    { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
  );
}
