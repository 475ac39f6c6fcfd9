/**
 * Whole public pages kept as the bytes sent (issue 16): a page asked for again within a second is
 * answered from memory — no query, no rendering, no encoding — with an ETag, so a browser holding
 * it gets a 304. The key is everything a page's bytes depend on: the address (path and query), the
 * larger-text mode and the site's origin (pageContext). A redirect the page decided on is kept too.
 *
 * Correctness is the caches' below it plus one second: the portal empties this cache whenever it
 * empties the item caches (an item published, withdrawn or edited, a guide saved, here or — on
 * PostgreSQL — in another server process) and when site settings are saved, so a signalled change
 * shows at once; a page rendered across such a change is returned to its callers but not kept.
 * Requests for a page being rendered wait for that one rendering (lru-cache's fetch), so 50
 * connections do not render the same page 50 times when its second is up.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** What a page's handler decided: the HTML to send, or a redirect. */
export type PageOutcome = string | { redirect: string };

/** A kept response: the page's bytes and their ETag, or a redirect's location. */
export type KeptPage = { body: Buffer; etag: string } | { redirect: string };

export interface PageCache {
  /** The response under `key`: kept, or made by `render` (callers asking at once share one). */
  get(key: string, render: () => Promise<PageOutcome>): Promise<KeptPage>;
  /** The response under `key` if it is kept and fresh (not one being rendered). */
  peek(key: string): KeptPage | undefined;
  /** Forgets every page; a page being rendered meanwhile is returned to its callers, not kept. */
  clear(): void;
}

export interface PageCacheOptions {
  /** the bytes kept at most (pages' bodies and keys); the least recently used go first */
  maxBytes: number;
  /** how long an entry is fresh, ms */
  ttlMs: number;
  /** milliseconds, for tests */
  clock?: () => number;
}

/** A strong ETag of a page's bytes. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether an If-None-Match header names `etag` (a list, weak forms and `*` included). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
  });
}

function keep(outcome: PageOutcome): KeptPage {
  if (typeof outcome !== 'string') return { redirect: outcome.redirect };
  const body = Buffer.from(outcome);
  return { body, etag: etagOf(body) };
}

/** A cache of whole pages, bounded in bytes, each kept `ttlMs` (gone at `ttlMs` exactly). */
export function pageCache({ maxBytes, ttlMs, clock }: PageCacheOptions): PageCache {
  const cache = new LRUCache<string, KeptPage, () => Promise<PageOutcome>>({
    maxSize: maxBytes,
    sizeCalculation: (page, key) => key.length + ('body' in page ? page.body.length : page.redirect.length),
    ttl: Math.max(1, ttlMs - 1),
    ttlResolution: 0,
    perf: clock && { now: () => clock() + 1 },
    ignoreFetchAbort: true,
    fetchMethod: async (_key, _stale, { context }) => keep(await context()),
  });
  return {
    async get(key, render) {
      const kept = await cache.fetch(key, { context: render });
      if (!kept) throw new Error(`page ${key} was not rendered`);
      return kept;
    },
    peek(key) {
      return cache.get(key);
    },
    clear() {
      cache.clear();
    },
  };
}
