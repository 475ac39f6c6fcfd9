/**
 * The one error type of the platform: a stable code (clients branch on it) and a Chinese sentence
 * that says what to do. Commands throw it; the HTTP layer maps the code to a status with the one
 * map below, the CLI prints the message. Field problems ride along as `details`.
 */

/** A problem with one input field: its name and what to do about it. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Stable error codes; clients branch on these, never on the message. */
export const ERROR_CODES = [
  'bad_request',
  'validation',
  'not_found',
  'unauthorized',
  'forbidden',
  'conflict',
  'invalid_state',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one map from error code to HTTP status. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  invalid_state: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};

/** An error a user may see: a stable code and a Chinese sentence that says what to do. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: FieldIssue[];
  /** when to try again (the HTTP layer sends it as Retry-After): a busy database, a full queue */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    details?: FieldIssue[],
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details) this.details = details;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The HTTP status of this error's code. */
  get status(): number {
    return HTTP_STATUS[this.code];
  }
}
