/**
 * The link checker's settings (docs/inspection.md “Links”), from the environment: the crawl's page
 * bound, and the external check — off unless GONGKAI_LINKS_EXTERNAL=1 (so tests and a fresh
 * installation never reach the network), with its per-host delay, timeout, budget per run, cache
 * interval and the hosts asked at once (each host one request at a time).
 */

export interface LinkCheckSettings {
  /** the most pages one agency's crawl renders and reads (GONGKAI_LINKS_MAX_PAGES, default 500) */
  maxPages: number;
  /** check external links (GONGKAI_LINKS_EXTERNAL=1; default off) */
  external: boolean;
  /** the least time between two requests to one host, ms (GONGKAI_LINKS_HOST_DELAY_MS, default 2000) */
  hostDelayMs: number;
  /** one request's time limit, ms (GONGKAI_LINKS_TIMEOUT_MS, default 10000) */
  timeoutMs: number;
  /** the most external addresses asked per run (GONGKAI_LINKS_EXTERNAL_BUDGET, default 200) */
  budget: number;
  /** an external address's result stands this many days (GONGKAI_LINKS_CACHE_DAYS, default 7) */
  cacheDays: number;
  /** hosts asked at once, each one request at a time (GONGKAI_LINKS_HOSTS_AT_ONCE, default 4) */
  hostsAtOnce: number;
  /** the User-Agent sent: names Gongkai and what it does */
  userAgent: string;
}

export const LINK_CHECKER_USER_AGENT =
  'Gongkai-LinkChecker/1.0 (government website self-inspection of dead links; one request per host at a time, each address at most once a week)';

export const DEFAULT_LINK_CHECK_SETTINGS: LinkCheckSettings = {
  maxPages: 500,
  external: false,
  hostDelayMs: 2000,
  timeoutMs: 10_000,
  budget: 200,
  cacheDays: 7,
  hostsAtOnce: 4,
  userAgent: LINK_CHECKER_USER_AGENT,
};

function positive(value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? n : fallback;
}

/** The settings of `env` (a value that is not a whole number in range keeps its default). */
export function linkCheckSettings(env: NodeJS.ProcessEnv = process.env): LinkCheckSettings {
  const d = DEFAULT_LINK_CHECK_SETTINGS;
  return {
    maxPages: positive(env.GONGKAI_LINKS_MAX_PAGES, d.maxPages),
    external: env.GONGKAI_LINKS_EXTERNAL === '1' || env.GONGKAI_LINKS_EXTERNAL === 'true',
    hostDelayMs: positive(env.GONGKAI_LINKS_HOST_DELAY_MS, d.hostDelayMs, 0),
    timeoutMs: positive(env.GONGKAI_LINKS_TIMEOUT_MS, d.timeoutMs),
    budget: positive(env.GONGKAI_LINKS_EXTERNAL_BUDGET, d.budget, 0),
    cacheDays: positive(env.GONGKAI_LINKS_CACHE_DAYS, d.cacheDays),
    hostsAtOnce: positive(env.GONGKAI_LINKS_HOSTS_AT_ONCE, d.hostsAtOnce),
    userAgent: d.userAgent,
  };
}
