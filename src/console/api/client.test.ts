import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, errorFromResponse, messageOf, withQuery } from './client.ts';

type Recorded = { url: string; init: RequestInit };

function fakeFetch(status: number, body: string) {
  const calls: Recorded[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : body, { status });
  }) as unknown as typeof fetch;
  return { impl, calls };
}

describe('errorFromResponse', () => {
  it.each([
    [
      'the server’s Chinese message and code',
      409,
      '{"error":{"code":"conflict","message":"该申请已被他人修改（版本 3），请刷新后重试。"}}',
      { code: 'conflict', message: '该申请已被他人修改（版本 3），请刷新后重试。' },
    ],
    [
      'a session that ended, with no body',
      401,
      '',
      { code: 'unauthorized', message: '登录已过期，请重新登录。' },
    ],
    [
      'a proxy’s HTML page on 502',
      502,
      '<html>Bad Gateway</html>',
      { message: '服务器暂时无法处理请求，请稍后重试。' },
    ],
    ['an error body without a message', 400, '{"error":{}}', { message: '请求失败（400）。' }],
    ['a forbidden action', 403, 'nope', { message: '您没有权限进行此操作。' }],
  ])('reads %s', (_situation, status, body, expected) => {
    const error = errorFromResponse(status, body);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(status);
    expect(error).toMatchObject(expected);
  });

  it('keeps the field details of a validation error', () => {
    const error = errorFromResponse(
      400,
      JSON.stringify({
        error: {
          code: 'validation',
          message: '请求参数有误，请修改后重试。',
          details: [{ field: 'payload.until', message: '字段 until 缺失' }],
        },
      }),
    );
    expect(error.details).toEqual([{ field: 'payload.until', message: '字段 until 缺失' }]);
    expect(messageOf(error)).toBe('请求参数有误，请修改后重试。（字段 until 缺失）');
  });
});

describe('withQuery', () => {
  it.each([
    ['no query', undefined, '/api/v1/agencies'],
    [
      'values, empty ones left out',
      { filter: 'open', q: '', limit: 20, x: null },
      '/api/v1/agencies?filter=open&limit=20',
    ],
    ['Chinese text encoded', { q: '补正' }, '/api/v1/agencies?q=%E8%A1%A5%E6%AD%A3'],
  ])('%s', (_situation, query, expected) => {
    expect(withQuery('/api/v1/agencies', query)).toBe(expected);
  });
});

describe('createApiClient', () => {
  it('sends cookies same-origin and the CSRF token on writes only', async () => {
    const { impl, calls } = fakeFetch(200, '{"ok":true}');
    const client = createApiClient(impl, () => {});
    client.setCsrfToken('tok-1');
    await client.call('/api/v1/x');
    await client.call('/api/v1/x', { method: 'POST', body: { a: 1 } });
    expect(calls[0].init.credentials).toBe('same-origin');
    expect((calls[0].init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((calls[1].init.headers as Record<string, string>)['x-csrf-token']).toBe('tok-1');
    expect((calls[1].init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(calls[1].init.body).toBe('{"a":1}');
  });

  it('hands a 401 to the sign-in page and throws the message', async () => {
    const { impl } = fakeFetch(401, '{"error":{"code":"unauthorized","message":"请先登录。"}}');
    const signIn = vi.fn();
    const client = createApiClient(impl, signIn);
    await expect(client.call('/api/v1/x')).rejects.toMatchObject({ status: 401, message: '请先登录。' });
    expect(signIn).toHaveBeenCalledOnce();
  });

  it('does not redirect on the sign-in call’s own 401', async () => {
    const { impl } = fakeFetch(401, '{"error":{"code":"unauthorized","message":"用户名或密码不正确。"}}');
    const signIn = vi.fn();
    const client = createApiClient(impl, signIn);
    await expect(client.call('/api/v1/session', { method: 'POST', quiet401: true })).rejects.toThrow(
      '用户名或密码不正确。',
    );
    expect(signIn).not.toHaveBeenCalled();
  });

  it('turns a network failure into a Chinese sentence', async () => {
    const client = createApiClient(
      (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
      () => {},
    );
    await expect(client.call('/api/v1/x')).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('returns undefined for an empty 204', async () => {
    const { impl } = fakeFetch(204, '');
    expect(
      await createApiClient(impl, () => {}).call('/api/v1/session', { method: 'DELETE' }),
    ).toBeUndefined();
  });
});

describe('messageOf', () => {
  it('does not show a stack or an unexpected error’s text', () => {
    expect(messageOf(new Error('TypeError: x is undefined'))).toBe('操作失败，请稍后重试。');
  });
});
