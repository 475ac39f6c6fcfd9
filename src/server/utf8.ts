/**
 * Input that is not valid UTF-8 is refused, never stored with its bytes replaced. Node decodes a
 * body's invalid bytes, and URL and form decoding their invalid %-sequences, as U+FFFD (the
 * replacement character); no Chinese text a person types contains it. So every string of the
 * query, the path parameters and the body (JSON or form) is checked before validation: one
 * containing U+FFFD (or a lone surrogate, which JSON's \ud800 escapes can produce) is a 400 that
 * names the field, and nothing is written.
 *
 * The null character U+0000 is valid UTF-8, but PostgreSQL's text cannot hold it (an error 22021 —
 * a 500 on PostgreSQL where SQLite answered 404 — found by a fuzz run: `/agencies/%00/gongkai`) and
 * no person types it: it is refused the same way, and `%00` anywhere in the address before any
 * route, hook or query reads it (the access gate looks up a path's agency on request).
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
// biome-ignore lint/suspicious/noControlCharactersInRegex: the null character is what it looks for
const NUL = /\u0000/;

/** The path (`applicant.name`) of the first string in `value` that `pattern` finds in (default: text not clean), or null. */
export function brokenTextPath(
  value: unknown,
  path = '',
  depth = 0,
  pattern: RegExp = BROKEN,
): string | null {
  if (typeof value === 'string') return pattern.test(value) ? path || '（整体）' : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    if (pattern.test(key)) return path ? `${path}.${key}` : key;
    const found = brokenTextPath(inner, path ? `${path}.${key}` : key, depth + 1, pattern);
    if (found) return found;
  }
  return null;
}

/** The path of the first string holding U+0000, or null. */
export const nulTextPath = (value: unknown): string | null => brokenTextPath(value, '', 0, NUL);

function check(where: string, value: unknown): void {
  const nul = nulTextPath(value);
  if (nul !== null) {
    const field = `${where}.${nul}`;
    throw new AppError('validation', `提交的内容含有空字符（U+0000，位置：${field}），请删除后重新提交。`, [
      { field, message: '含有空字符（U+0000）' },
    ]);
  }
  const path = brokenTextPath(value);
  if (path === null) return;
  const field = `${where}.${path}`;
  throw new AppError(
    'validation',
    `提交的内容含有无法识别的字符（不是有效的 UTF-8 编码，位置：${field}），请以 UTF-8 编码重新提交。`,
    [{ field, message: '含有无法识别的字符（不是有效的 UTF-8 编码）' }],
  );
}

/**
 * Refuses an address holding `%00` (the null character) on request, before the hooks that read a
 * path's agency: register it before them.
 */
export function registerNulAddressCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!/%00/i.test(request.url)) return;
    throw new AppError('validation', '地址中含有空字符（%00），无法打开。请检查链接或输入的内容后重试。', [
      { field: 'url', message: '含有空字符（%00）' },
    ]);
  });
}

/** Refuses a request whose query, path or body holds text that was not valid UTF-8. */
export function registerUtf8Check(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    check('query', request.query);
    check('params', request.params);
    check('body', request.body);
  });
}
