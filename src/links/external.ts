/**
 * External links checked over HTTP, politely (docs/inspection.md “Links”): HEAD, or GET when the
 * server answers HEAD with 405 or 501; one request at a time per host, at least `hostDelayMs`
 * from the end of one request to a host to the start of the next; `hostsAtOnce` hosts in parallel; each request
 * limited to `timeoutMs`; the User-Agent names Gongkai. Redirects are followed (fetch's limit).
 */
import { isDeadStatus } from '../domain/inspection/links.ts';
import { hostOf, type LinkError } from '../domain/inspection/links-dead.ts';

export interface ExternalResult {
  status: number | null;
  error: LinkError | null;
  dead: boolean;
  /** the instant it was asked (ISO) */
  checkedAt: string;
}

export interface ExternalCheckOptions {
  userAgent: string;
  timeoutMs: number;
  hostDelayMs: number;
  hostsAtOnce: number;
  /** tests pass their own; default the global fetch */
  fetch?: typeof fetch;
  /** the instant now (default the wall clock) */
  now?: () => Date;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a failed fetch was: its own time limit, too many redirects, or no answer at all. */
function errorOf(error: unknown): LinkError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'timeout';
  const cause = error instanceof Error ? String((error.cause as Error | undefined)?.message ?? '') : '';
  if (/redirect/i.test(cause)) return 'redirect_loop';
  return 'network';
}

async function ask(url: string, method: 'HEAD' | 'GET', options: ExternalCheckOptions): Promise<number> {
  const fetcher = options.fetch ?? fetch;
  const response = await fetcher(url, {
    method,
    redirect: 'follow',
    headers: { 'user-agent': options.userAgent, accept: '*/*' },
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  await response.body?.cancel().catch(() => undefined);
  return response.status;
}

/** One address: HEAD, then GET when HEAD is not allowed (405) or not implemented (501). */
export async function checkExternalLink(
  url: string,
  options: ExternalCheckOptions,
): Promise<Omit<ExternalResult, 'checkedAt'>> {
  try {
    let status = await ask(url, 'HEAD', options);
    if (status === 405 || status === 501) status = await ask(url, 'GET', options);
    return { status, error: null, dead: isDeadStatus(status) };
  } catch (error) {
    return { status: null, error: errorOf(error), dead: true };
  }
}

/**
 * Checks `urls` host by host: each host's addresses one after another, `hostDelayMs` at least from
 * the answer to one of its requests to the next request; up to `hostsAtOnce` hosts at the same time.
 */
export async function checkExternalLinks(
  urls: readonly string[],
  options: ExternalCheckOptions,
): Promise<Map<string, ExternalResult>> {
  const now = options.now ?? (() => new Date());
  const byHost = new Map<string, string[]>();
  for (const url of new Set(urls)) {
    const host = hostOf(url);
    byHost.set(host, [...(byHost.get(host) ?? []), url]);
  }
  const hosts = [...byHost.values()];
  const results = new Map<string, ExternalResult>();
  const runHost = async (list: string[]) => {
    let lastEnd = Number.NEGATIVE_INFINITY;
    for (const url of list) {
      const wait = lastEnd + options.hostDelayMs - performance.now();
      if (wait > 0) await sleep(wait);
      const checkedAt = now().toISOString();
      results.set(url, { ...(await checkExternalLink(url, options)), checkedAt });
      lastEnd = performance.now();
    }
  };
  const workers = Array.from(
    { length: Math.max(1, Math.min(options.hostsAtOnce, hosts.length)) },
    async () => {
      for (let list = hosts.shift(); list; list = hosts.shift()) await runHost(list);
    },
  );
  await Promise.all(workers);
  return results;
}
