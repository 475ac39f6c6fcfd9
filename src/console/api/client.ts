/**
 * The console's one way to call the JSON API: same-origin cookies, the session's CSRF token on
 * every write, the server's Chinese error message turned into an ApiError, and 401 handed to the
 * sign-in page.
 */

/** A field the server found wrong, with what to do. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** An error answered by the server (or the network), with a Chinese message to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const GENERIC: Record<number, string> = {
  401: '登录已过期，请重新登录。',
  403: '您没有权限进行此操作。',
  404: '未找到所请求的内容。',
  409: '该记录已被他人修改，请刷新后重试。',
  413: '内容过大，请缩小后重试。',
  429: '操作过于频繁，请稍后再试。',
};

/** The ApiError of a failed response: the `{error:{code,message,details}}` body, else a generic sentence. */
export function errorFromResponse(status: number, bodyText: string): ApiError {
  try {
    const body = JSON.parse(bodyText) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    const error = body?.error;
    if (error && typeof error.message === 'string' && error.message) {
      const details = Array.isArray(error.details) ? (error.details as FieldIssue[]) : [];
      return new ApiError(
        status,
        typeof error.code === 'string' ? error.code : 'error',
        error.message,
        details,
      );
    }
  } catch {
    // not JSON: a proxy's page or an empty body
  }
  const message =
    GENERIC[status] ?? (status >= 500 ? '服务器暂时无法处理请求，请稍后重试。' : `请求失败（${status}）。`);
  return new ApiError(status, status === 401 ? 'unauthorized' : 'error', message);
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Query = Record<string, string | number | boolean | null | undefined>;

/** A path with its query string; empty and null values are left out. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** do not hand a 401 to the sign-in page (the sign-in call itself) */
  quiet401?: boolean;
}

export interface ApiClient {
  call<T>(path: string, options?: CallOptions): Promise<T>;
  setCsrfToken(token: string | null): void;
}

/** A client over `fetchImpl`; `onUnauthorized` runs on a 401 (the session has ended). */
export function createApiClient(fetchImpl: typeof fetch, onUnauthorized: () => void): ApiClient {
  let csrfToken: string | null = null;
  return {
    setCsrfToken(token) {
      csrfToken = token;
    },
    async call<T>(path: string, options: CallOptions = {}): Promise<T> {
      const method = options.method ?? 'GET';
      const headers: Record<string, string> = { accept: 'application/json' };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
      let response: Response;
      try {
        response = await fetchImpl(withQuery(path, options.query), {
          method,
          headers,
          credentials: 'same-origin',
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
        });
      } catch {
        throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
      }
      const text = await response.text();
      if (!response.ok) {
        const error = errorFromResponse(response.status, text);
        if (response.status === 401 && !options.quiet401) onUnauthorized();
        throw error;
      }
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

let unauthorizedHandler: () => void = () => {};

/** Sets what the app does when the session has ended (go to the sign-in page). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

/** The console's client (browser fetch). */
export const api: ApiClient = createApiClient(
  (input, init) => fetch(input, init),
  () => unauthorizedHandler(),
);

/** The user-facing sentence of anything thrown by a call. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.details.map((d) => d.message).filter((m) => !error.message.includes(m));
    return fields.length ? `${error.message}（${fields.join('；')}）` : error.message;
  }
  return '操作失败，请稍后重试。';
}
