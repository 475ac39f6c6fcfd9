/**
 * Dead links (死链, issue 15, docs/inspection.md): what a check found dead and why, in Chinese; the
 * day each was first seen carried from the check before; which external addresses a run checks
 * (each at most once per cache interval, within the run's budget); the `links.dead` indicator's
 * findings.
 */
import type { LinkKind } from './links.ts';

/** Why a link is dead besides an HTTP status. */
export const LINK_ERRORS = [
  'timeout',
  'network',
  'redirect_loop',
  'file_missing',
  'file_unreadable',
  'file_truncated',
] as const;
export type LinkError = (typeof LINK_ERRORS)[number];

export const LINK_ERROR_LABELS: Record<LinkError, string> = {
  timeout: '响应超时',
  network: '无法连接',
  redirect_loop: '重定向过多',
  file_missing: '附件文件缺失',
  file_unreadable: '附件文件无法读取',
  file_truncated: '附件文件不完整',
};

/** A dead link as one check found it: the pages that hold it (the first MAX_PAGES_PER_LINK of them). */
export interface DeadLink {
  url: string;
  kind: LinkKind;
  /** the HTTP status, null when none came back (an error) */
  status: number | null;
  error: LinkError | null;
  pages: string[];
  /** how many pages hold it (pages lists the first MAX_PAGES_PER_LINK) */
  pageCount: number;
}

export interface StoredDeadLink extends DeadLink {
  /** the first day it was found dead, without a check in between finding it alive */
  firstSeen: string;
}

export const MAX_PAGES_PER_LINK = 20;

/** Why a link is dead, in Chinese: 404（未找到）, 响应超时, 附件文件缺失. */
export function deadReason(link: Pick<DeadLink, 'status' | 'error'>): string {
  if (link.error) return LINK_ERROR_LABELS[link.error];
  if (link.status === null) return '无法访问';
  const meaning: Record<number, string> = {
    400: '请求错误',
    401: '需要登录',
    403: '禁止访问',
    404: '未找到',
    410: '已删除',
    429: '请求过多',
    500: '服务器错误',
    502: '网关错误',
    503: '服务不可用',
    504: '网关超时',
  };
  const words = meaning[link.status] ?? (link.status >= 500 ? '服务器错误' : '无法访问');
  return `${link.status}（${words}）`;
}

/**
 * The day's dead links with the day each was first seen: a link dead in the previous check keeps
 * that check's first day; a new one (or one that was alive in between) starts today.
 */
export function carryFirstSeen(
  found: readonly DeadLink[],
  previous: ReadonlyMap<string, string>,
  day: string,
): StoredDeadLink[] {
  return found.map((link) => ({ ...link, firstSeen: previous.get(`${link.kind} ${link.url}`) ?? day }));
}

/** The key `carryFirstSeen` looks a previous link up by. */
export function deadLinkKey(link: Pick<DeadLink, 'kind' | 'url'>): string {
  return `${link.kind} ${link.url}`;
}

/** The external addresses of a run: those to check now, those answered by the cache, those left for a later run. */
export interface ExternalPlan {
  check: string[];
  cached: string[];
  deferred: string[];
}

/**
 * Which external addresses this run checks: each one not checked within `cacheDays` (its cached
 * result stands), at most `budget` of them, those never checked first, then the oldest.
 */
export function planExternal(
  urls: readonly string[],
  checkedAt: ReadonlyMap<string, string>,
  options: { now: Date; cacheDays: number; budget: number },
): ExternalPlan {
  const horizon = options.now.getTime() - options.cacheDays * 86_400_000;
  const cached: string[] = [];
  const due: Array<{ url: string; at: number }> = [];
  for (const url of new Set(urls)) {
    const at = checkedAt.get(url);
    const time = at === undefined ? Number.NEGATIVE_INFINITY : Date.parse(at);
    if (time > horizon) cached.push(url);
    else due.push({ url, at: time });
  }
  due.sort((a, b) => a.at - b.at || a.url.localeCompare(b.url));
  const budget = Math.max(0, Math.floor(options.budget));
  return {
    check: due.slice(0, budget).map((d) => d.url),
    cached,
    deferred: due.slice(budget).map((d) => d.url),
  };
}

/** The host an external address is rate-limited by (`https://a.gov.cn:8443/x` → `a.gov.cn:8443`). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}
