/**
 * The one error type of the HTTP layer, its codes, the one map from code to HTTP status, and the
 * Fastify error handler that turns anything thrown into `{ error: { code, message, details? } }`
 * with a Chinese message. A response never carries a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { databaseBusyError, isDatabaseBusy } from '../db/busy.ts';
import { databaseUnavailableError, isDatabaseUnavailable } from '../db/unavailable.ts';
import { isUnstorableText, unstorableTextError } from '../db/unstorable-text.ts';
import { ClockError } from '../domain/clock/problems.ts';
import { LetterIncompleteError, LetterTemplateError } from '../domain/letters/templates.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import { isPagePath } from '../portal/site.ts';
import { ChromiumMissingError } from '../render/pdf.ts';
import { renderErrorPage } from './presenters/error-page.ts';
import { type FieldIssue, summarizeIssues, validationDetails } from './validation-details.ts';

export { AppError, ERROR_CODES, type ErrorCode, HTTP_STATUS } from '../errors.ts';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: FieldIssue[] };
}

const GENERIC_INTERNAL = '服务器内部错误，请稍后重试；如果问题持续存在，请联系网站管理员。';

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as FastifyError).statusCode === 'number';
}

/** Maps Fastify's own 4xx errors (bad JSON, body too large, …) to a code and a Chinese message. */
function fromFastifyError(error: FastifyError): AppError | null {
  const status = error.statusCode ?? 500;
  if (status === 413) return new AppError('payload_too_large', '请求内容过大（上限 1 MiB），请缩小后重试。');
  if (status === 415) return new AppError('unsupported_media_type', '不支持该内容类型，请以 JSON 格式提交。');
  if (status >= 400 && status < 500) return new AppError('bad_request', '请求格式不正确，请检查后重试。');
  return null;
}

/** Any thrown value as an AppError; null when it is unexpected (a bug), which is answered with 500. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = validationDetails(error.validation, error.validationContext);
    return new AppError('validation', `请求参数有误（${summarizeIssues(details)}），请修改后重试。`, details);
  }
  // SQLite's write lock held past the wait (an import committing): 503 with Retry-After, never 500
  if (isDatabaseBusy(error)) return databaseBusyError();
  // PostgreSQL restarting or failing over: 503 with Retry-After, the client retries
  if (isDatabaseUnavailable(error)) return databaseUnavailableError();
  // text PostgreSQL cannot store (U+0000) that got past the input checks: 400, not 500
  if (isUnstorableText(error)) return unstorableTextError();
  if (error instanceof ChromiumMissingError) return new AppError('unavailable', error.message);
  if (error instanceof ClockError) {
    const details = error.problems.map((p) => ({ field: p.field, message: p.message }));
    return new AppError('invalid_state', `办理期限的计算不接受这一步：${error.message}`, details);
  }
  if (error instanceof LetterTemplateError) {
    const details = error.messages.map((message) => ({ field: 'template', message }));
    return new AppError(
      'validation',
      `${error.message}请机关管理员在“文书模板”中修改该模板（或清空以恢复默认模板）后重试。`,
      details,
    );
  }
  if (error instanceof LetterIncompleteError) {
    const details = error.labels.map((label) => ({ field: 'letter', message: `“${label}”没有填写` }));
    return new AppError('validation', `${error.message}请补全后重试。`, details);
  }
  if (isFastifyError(error)) return fromFastifyError(error);
  return null;
}

/**
 * Error pages are HTML on a page path (the portal's: not the API, the console or the health check)
 * unless the caller asks for JSON alone; JSON everywhere else. A browser, a crawler or a link
 * checker on a page never sees the API's JSON.
 */
function wantsHtml(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  if (!isPagePath(path)) return false;
  const accept = request.headers.accept ?? '';
  return !(accept.includes('application/json') && !accept.includes('text/html'));
}

/** Sends an AppError as JSON (or as a small HTML page to a browser on a page route). */
export function sendAppError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  reply.code(error.status);
  // A half-built download must not keep its attachment headers.
  reply.removeHeader('content-disposition');
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  if (wantsHtml(request)) {
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderErrorPage(request, error.status, error.message));
  }
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  };
  return reply.type('application/json; charset=utf-8').send(body);
}

/** The Fastify error handler: known errors by their code, anything else logged and answered 500. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = toAppError(error);
  if (known) {
    if (known.status >= 500) request.log.warn({ err: error }, known.message);
    return sendAppError(request, reply, known);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendAppError(request, reply, new AppError('internal', GENERIC_INTERNAL));
}

/**
 * The handler for URLs no route matches: on the API it names the method and the path (a developer
 * reads it); a page says only that there is no such page and where to go.
 */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0].slice(0, 200);
  const message = isPagePath(path)
    ? '未找到您要访问的页面，它可能已被删除或地址有误。请从首页或网站地图进入，或使用信息检索。'
    : `未找到该页面或接口：${request.method} ${path}`;
  return sendAppError(request, reply, new AppError('not_found', message));
}
