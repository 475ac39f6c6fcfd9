/**
 * Input that is not valid UTF-8 is refused, never stored with its bytes replaced. Node decodes a
 * body's invalid bytes, and URL and form decoding their invalid %-sequences, as U+FFFD (the
 * replacement character); no Chinese text a person types contains it. So every string of the
 * query, the path parameters and the body (JSON or form) is checked before validation: one
 * containing U+FFFD (or a lone surrogate, which JSON's \ud800 escapes can produce) is a 400 that
 * names the field, and nothing is written.
 */
import { parse } from 'node:querystring';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * The query and form parser of the server: Node's querystring, which decodes an invalid
 * %-sequence lossily (U+FFFD, refused below); fast-querystring, Fastify's default, keeps it as raw
 * `%E4%BD` text, which would be stored or searched as such. Keys go into an object without a
 * prototype (no `__proto__` pollution).
 */
export function parseQueryString(text: string): Record<string, string | string[]> {
  return parse(text) as Record<string, string | string[]>;
}

const BROKEN = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path (`applicant.name`) of the first string in `value` that is not clean text, or null. */
export function brokenTextPath(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return BROKEN.test(value) ? path || '（整体）' : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    if (BROKEN.test(key)) return path ? `${path}.${key}` : key;
    const found = brokenTextPath(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

function check(where: string, value: unknown): void {
  const path = brokenTextPath(value);
  if (path === null) return;
  const field = `${where}.${path}`;
  throw new AppError(
    'validation',
    `提交的内容含有无法识别的字符（不是有效的 UTF-8 编码，位置：${field}），请以 UTF-8 编码重新提交。`,
    [{ field, message: '含有无法识别的字符（不是有效的 UTF-8 编码）' }],
  );
}

/** Refuses a request whose query, path or body holds text that was not valid UTF-8. */
export function registerUtf8Check(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    check('query', request.query);
    check('params', request.params);
    check('body', request.body);
  });
}
