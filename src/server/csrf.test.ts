import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFormToken, formToken } from './csrf.ts';
import { errorHandler } from './errors.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  await app.register(cookie);
  app.get('/form', async (request, reply) => ({ token: formToken(request, reply) }));
  app.post('/form', async (request) => {
    checkFormToken(request, (request.body as { _csrf?: unknown } | null)?._csrf);
    return { ok: true };
  });
  await app.ready();
});
afterAll(() => app.close());

async function issued(): Promise<{ cookie: string; token: string; setCookie: string }> {
  const res = await app.inject('/form');
  const setCookie = String(res.headers['set-cookie']);
  return { cookie: setCookie.split(';')[0], token: res.json().token, setCookie };
}

describe('form CSRF tokens (double submit with an HMAC)', () => {
  it('sets a Strict, HttpOnly cookie and keeps it on the next form', async () => {
    const first = await issued();
    expect(first.setCookie).toMatch(/^gongkai_csrf=[\w-]{43}; /);
    expect(first.setCookie).toContain('HttpOnly');
    expect(first.setCookie).toContain('SameSite=Strict');
    const again = await app.inject({ url: '/form', headers: { cookie: first.cookie } });
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.json().token).toBe(first.token);
  });

  it('accepts the right field with its cookie', async () => {
    const { cookie, token } = await issued();
    const res = await app.inject({
      method: 'POST',
      url: '/form',
      headers: { cookie },
      payload: { _csrf: token },
    });
    expect(res.json()).toEqual({ ok: true });
  });

  it.each([
    ['no field', (t: { cookie: string; token: string }) => ({ headers: { cookie: t.cookie }, payload: {} })],
    ['no cookie', (t: { cookie: string; token: string }) => ({ headers: {}, payload: { _csrf: t.token } })],
    [
      'a wrong field',
      (t: { cookie: string; token: string }) => ({
        headers: { cookie: t.cookie },
        // one character changed (never the same one: a token may start with x)
        payload: { _csrf: `${t.token.startsWith('x') ? 'y' : 'x'}${t.token.slice(1)}` },
      }),
    ],
    [
      'the field of another cookie',
      (t: { cookie: string; token: string }) => ({
        headers: { cookie: `gongkai_csrf=${'A'.repeat(43)}` },
        payload: { _csrf: t.token },
      }),
    ],
  ])('refuses %s with 403 and a Chinese message', async (_case, make) => {
    const request = make(await issued());
    const res = await app.inject({ method: 'POST', url: '/form', ...request });
    expect(res.statusCode).toBe(403);
    // a portal form's refusal is a portal page, in Chinese, with what to do
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('表单已过期或来源不明（CSRF 校验未通过），请刷新页面后重新提交。');
  });
});
