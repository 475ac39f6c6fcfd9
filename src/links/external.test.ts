/**
 * The external check against a local fixture server (node:http on port 0, no other network):
 * 200/404/500, a redirect, a redirect loop, a slow answer past the time limit, HEAD refused (405 →
 * GET); the per-host limit (one request at a time, the delay between two starts) and two hosts —
 * 127.0.0.1 and localhost, the same server — asked side by side, measured.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternalLinks } from './external.ts';
import { LINK_CHECKER_USER_AGENT } from './settings.ts';

interface Seen {
  host: string;
  method: string;
  path: string;
  userAgent: string;
  start: number;
  end: number;
}

describe('external links, checked politely against a fixture server', () => {
  let server: Server;
  let port = 0;
  const seen: Seen[] = [];

  function handle(request: IncomingMessage, response: ServerResponse) {
    const host = String(request.headers.host);
    const entry: Seen = {
      host,
      method: request.method ?? '',
      path: request.url ?? '',
      userAgent: String(request.headers['user-agent']),
      start: performance.now(),
      end: 0,
    };
    seen.push(entry);
    const answer = (status: number, headers: Record<string, string> = {}, delay = 0) =>
      setTimeout(() => {
        entry.end = performance.now();
        if (response.destroyed) return;
        response.writeHead(status, headers).end(request.method === 'HEAD' ? undefined : 'body');
      }, delay);
    const path = (request.url ?? '').split('?')[0];
    if (path === '/ok') return answer(200);
    if (path === '/missing') return answer(404);
    if (path === '/error') return answer(500);
    if (path === '/moved') return answer(301, { location: '/ok' });
    if (path === '/moved-away') return answer(302, { location: '/missing' });
    if (path === '/loop') return answer(302, { location: '/loop' });
    if (path === '/slow') return answer(200, {}, 2500);
    if (path === '/no-head') return answer(request.method === 'HEAD' ? 405 : 200);
    if (path.startsWith('/paced/')) return answer(200, {}, 50);
    return answer(404);
  }

  beforeAll(async () => {
    server = createServer(handle);
    await new Promise<void>((resolve) => server.listen(0, resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const options = { userAgent: LINK_CHECKER_USER_AGENT, timeoutMs: 1000, hostDelayMs: 0, hostsAtOnce: 4 };

  it('reads each kind of answer: alive, dead, redirected, looping, too slow, HEAD refused', async () => {
    const base = `http://127.0.0.1:${port}`;
    const cases: Array<[string, number | null, string | null, boolean]> = [
      ['/ok', 200, null, false],
      ['/missing', 404, null, true],
      ['/error', 500, null, true],
      ['/moved', 200, null, false],
      ['/moved-away', 404, null, true],
      ['/loop', null, 'redirect_loop', true],
      ['/slow', null, 'timeout', true],
      ['/no-head', 200, null, false],
    ];
    const results = await checkExternalLinks(
      cases.map(([path]) => `${base}${path}`),
      options,
    );
    for (const [path, status, error, dead] of cases)
      expect(results.get(`${base}${path}`), path).toMatchObject({ status, error, dead });
    const noHead = seen.filter((s) => s.path === '/no-head').map((s) => s.method);
    expect(noHead).toEqual(['HEAD', 'GET']);
    expect(seen.filter((s) => s.path === '/ok').every((s) => s.method === 'HEAD')).toBe(true);
    expect(new Set(seen.map((s) => s.userAgent))).toEqual(new Set([LINK_CHECKER_USER_AGENT]));
    expect(LINK_CHECKER_USER_AGENT).toContain('Gongkai');
  });

  it('asks one host one request at a time, the delay after each answer, and two hosts side by side', async () => {
    seen.length = 0;
    const delay = 250;
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const urls = hosts.flatMap((host) => [1, 2, 3, 4].map((n) => `http://${host}/paced/${n}`));
    const started = performance.now();
    const results = await checkExternalLinks(urls, { ...options, hostDelayMs: delay, hostsAtOnce: 2 });
    const elapsed = performance.now() - started;
    expect([...results.values()].every((r) => r.status === 200)).toBe(true);
    for (const host of hosts) {
      const requests = seen.filter((s) => s.host === host).sort((a, b) => a.start - b.start);
      expect(requests).toHaveLength(4);
      // from the server's answer to one request to the arrival of the next: the delay, never less
      // (a timer may fire a millisecond early)
      const gaps = requests.slice(1).map((r, i) => r.start - (requests[i] as Seen).end);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(delay - 2);
      // one at a time: no request to the host arrives before the one before it was answered
      for (const [i, r] of requests.slice(1).entries())
        expect(r.start).toBeGreaterThan((requests[i] as Seen).end);
    }
    // side by side: both hosts' three delays overlap (one host after the other would take twice as long)
    expect(elapsed).toBeGreaterThanOrEqual(3 * delay);
    expect(elapsed).toBeLessThan(6 * delay);
    const first = (host: string) => Math.min(...seen.filter((s) => s.host === host).map((s) => s.start));
    expect(Math.abs(first(hosts[0] as string) - first(hosts[1] as string))).toBeLessThan(delay);
  });

  it('asks hosts beyond hostsAtOnce only when a host is done', async () => {
    seen.length = 0;
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const urls = hosts.map((host) => `http://${host}/paced/x`);
    await checkExternalLinks(urls, { ...options, hostsAtOnce: 1 });
    const [a, b] = seen;
    expect(a && b && b.start >= a.end).toBe(true);
  });
});
