import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { LetterIncompleteError, LetterTemplateError } from '../domain/letters/templates.ts';
import { ChromiumMissingError } from '../render/pdf.ts';
import { AppError, ERROR_CODES, errorHandler, HTTP_STATUS, toAppError } from './errors.ts';

/** A bare server whose one route throws what it is given. */
function throwing(error: unknown) {
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  app.get('/boom', async () => {
    throw error;
  });
  return app;
}

describe('HTTP_STATUS', () => {
  it('maps every code to a status', () => {
    for (const code of ERROR_CODES) expect(HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
  });
});

describe('toAppError', () => {
  it.each([
    ['an AppError, as is', new AppError('not_found', '未找到'), 'not_found', 404],
    ['Chromium missing, as unavailable', new ChromiumMissingError('/x/chromium'), 'unavailable', 503],
    [
      'a broken letter template, as validation',
      new LetterTemplateError(['缺少“{{/each}}”。']),
      'validation',
      400,
    ],
    [
      'a letter with an open slot (条例 第三十六条), as validation',
      new LetterIncompleteError(['{reason}'], ['理由']),
      'validation',
      400,
    ],
  ])('maps %s', (_situation, error, code, status) => {
    const mapped = toAppError(error);
    expect(mapped?.code).toBe(code);
    expect(mapped?.status).toBe(status);
  });

  it('names the template field and says what to do for a broken letter template', () => {
    const mapped = toAppError(new LetterTemplateError(['未知的占位符“{{applicant.age}}”。']));
    expect(mapped?.message).toContain('文书模板有误：未知的占位符“{{applicant.age}}”。');
    expect(mapped?.message).toContain('请机关管理员在“文书模板”中修改该模板');
    expect(mapped?.details).toEqual([{ field: 'template', message: '未知的占位符“{{applicant.age}}”。' }]);
  });

  it('leaves an unexpected error unmapped', () => {
    expect(toAppError(new TypeError('x is undefined'))).toBeNull();
  });
});

describe('errorHandler', () => {
  it('answers an unexpected error with 500 and a generic Chinese message, no stack', async () => {
    const res = await throwing(new TypeError('secret internals at /srv/app.ts:12')).inject('/boom');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: {
        code: 'internal',
        message: '服务器内部错误，请稍后重试；如果问题持续存在，请联系网站管理员。',
      },
    });
    expect(res.body).not.toContain('secret');
  });

  it('answers ChromiumMissingError with 503 and its message', async () => {
    const error = new ChromiumMissingError('/x/chromium');
    const res = await throwing(error).inject('/boom');
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toEqual({ code: 'unavailable', message: error.message });
  });

  it('answers an AppError with its details', async () => {
    const res = await throwing(
      new AppError('validation', '请求参数有误', [{ field: 'q', message: '不能为空' }]),
    ).inject('/boom');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'q', message: '不能为空' }]);
  });
});
