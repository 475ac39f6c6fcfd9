import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { LetterIncompleteError, LetterTemplateError } from '../domain/letters/templates.ts';
import { ChromiumMissingError } from '../render/pdf.ts';
import { AppError, ERROR_CODES, errorHandler, HTTP_STATUS, notFoundHandler, toAppError } from './errors.ts';

/** A bare server whose one route throws what it is given. */
function throwing(error: unknown) {
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  app.get('/api/v1/boom', async () => {
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
    const res = await throwing(new TypeError('secret internals at /srv/app.ts:12')).inject('/api/v1/boom');
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
    const res = await throwing(error).inject('/api/v1/boom');
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toEqual({ code: 'unavailable', message: error.message });
  });

  it('answers an AppError with its details', async () => {
    const res = await throwing(
      new AppError('validation', '请求参数有误', [{ field: 'q', message: '不能为空' }]),
    ).inject('/api/v1/boom');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'q', message: '不能为空' }]);
  });
});

describe('errors on page paths', () => {
  it('answers a page with an HTML page unless JSON alone is asked for', async () => {
    const app = Fastify();
    app.setErrorHandler(errorHandler);
    app.setNotFoundHandler(notFoundHandler);
    app.get('/page', async () => {
      throw new AppError('validation', '请求参数有误');
    });
    const plain = await app.inject('/page');
    expect(plain.headers['content-type']).toMatch(/^text\/html/);
    expect(plain.body).toContain('出错了（400）');
    const json = await app.inject({ url: '/page', headers: { accept: 'application/json' } });
    expect(json.json().error.code).toBe('validation');
  });

  it('says there is no such page without naming the method or the path, in Chinese', async () => {
    const app = Fastify();
    app.setNotFoundHandler(notFoundHandler);
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await app.inject({ method, url: '/agencies/lingang/nothing-here?x=1' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('未找到您要访问的页面');
      expect(res.body).not.toMatch(/GET|POST|DELETE|nothing-here/);
    }
    const api = await app.inject('/api/v1/nothing-here');
    expect(api.json().error.message).toBe('未找到该页面或接口：GET /api/v1/nothing-here');
  });
});
