/**
 * The internal crawl of one agency's public portal (docs/inspection.md “Links”), in-process: every
 * page asked of the server itself (`PortalRequest`: Fastify's inject, no network), breadth first
 * from the agency's section pages. A page of the agency's own (crawlAction `follow`, its items'
 * pages last) is rendered and its links read, up to `maxPages` (the bound: those left are neither
 * read nor asked, and the result says how many); every other internal link is asked once for its
 * status (a redirect followed, up to 5). Links known without asking — the agency's published item pages,
 * attachments whose files were checked on disk — are answered from `known`. Sources read without
 * rendering (item bodies) add their links too, held by their item's page. External links are
 * collected with the pages that hold them, for the external check.
 */

import {
  crawlAction,
  crawlSeeds,
  extractLinks,
  isDeadStatus,
  resolveLink,
  type SiteOrigins,
} from '../domain/inspection/links.ts';
import { type DeadLink, type LinkError, MAX_PAGES_PER_LINK } from '../domain/inspection/links-dead.ts';

export interface PortalResponse {
  status: number;
  contentType: string;
  body: string;
  location?: string;
}

/** Asks the portal for a path (`/agencies/x/gongkai?page=2`). */
export type PortalRequest = (path: string) => Promise<PortalResponse>;

/** A link's state known without asking the portal. */
export interface LinkState {
  status: number | null;
  error: LinkError | null;
}

export interface CrawlInput {
  code: string;
  request: PortalRequest;
  site: SiteOrigins;
  maxPages: number;
  /** pages whose links are read from stored HTML (an item's body, held by its page) */
  sources?: ReadonlyArray<{ page: string; html: string }>;
  /** links held by a page without being in its HTML read here (an item's attachments) */
  held?: ReadonlyArray<{ page: string; url: string }>;
  /** states known without asking: a path → its state (attachments on disk, published items) */
  known?: ReadonlyMap<string, LinkState>;
}

export interface CrawlResult {
  /** pages rendered and read */
  pages: number;
  /** the page bound stopped the crawl before every page was read */
  truncated: boolean;
  /** the agency's pages left unread and unchecked by the bound */
  unchecked: number;
  /** distinct internal links checked */
  internalChecked: number;
  internalDead: DeadLink[];
  /** external address → the pages that hold it */
  external: Map<string, Set<string>>;
}

const MAX_REDIRECTS = 5;

/** Adds `page` to the holders of `key`. */
function hold(holders: Map<string, Set<string>>, key: string, page: string | null): void {
  const set = holders.get(key) ?? new Set<string>();
  if (page !== null) set.add(page);
  holders.set(key, set);
}

export async function crawlInternal(input: CrawlInput): Promise<CrawlResult> {
  const holders = new Map<string, Set<string>>();
  const external = new Map<string, Set<string>>();
  const states = new Map<string, LinkState>();
  const toFollow: string[] = [];
  const toFollowLast: string[] = [];
  const queued = new Set<string>();
  let pages = 0;

  const enqueue = (path: string) => {
    if (queued.has(path)) return;
    queued.add(path);
    const action = crawlAction(path, input.code);
    if (action === 'follow') toFollow.push(path);
    else if (action === 'follow-last') toFollowLast.push(path);
  };
  const addLinks = (page: string, html: string) => {
    for (const link of extractLinks(html)) {
      const resolved = resolveLink(link.href, page, input.site);
      if (!resolved) continue;
      if (resolved.kind === 'external') hold(external, resolved.url, page);
      else {
        hold(holders, resolved.url, page);
        enqueue(resolved.url);
      }
    }
  };

  /** Asks the portal, following internal redirects; the final answer's state and body. */
  const fetchState = async (path: string): Promise<{ state: LinkState; response: PortalResponse | null }> => {
    let current = path;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await input.request(current);
      if (response.status < 300 || response.status >= 400 || !response.location)
        return {
          state: { status: response.status, error: null },
          response: current === path ? response : null,
        };
      const next = resolveLink(response.location, current, input.site);
      // a redirect out of the portal (the portal answered; the target is not its to check), or back to
      // a page's larger-text copy (the 适老化 switch: the page itself is checked as a page)
      if (!next || next.kind === 'external' || /[?&]text=/.test(next.url))
        return { state: { status: response.status, error: null }, response: null };
      current = next.url;
    }
    return { state: { status: null, error: 'redirect_loop' }, response: null };
  };

  for (const seed of crawlSeeds(input.code)) {
    hold(holders, seed, null);
    enqueue(seed);
  }
  for (const source of input.sources ?? []) addLinks(source.page, source.html);
  for (const { page, url } of input.held ?? []) {
    hold(holders, url, page);
    enqueue(url);
  }

  // breadth first through the agency's own pages (its items' last), up to the bound
  let head = 0;
  let headLast = 0;
  while (pages < input.maxPages && (head < toFollow.length || headLast < toFollowLast.length)) {
    const path = (head < toFollow.length ? toFollow[head++] : toFollowLast[headLast++]) as string;
    if (states.has(path)) continue;
    const { state, response } = await fetchState(path);
    states.set(path, state);
    pages += 1;
    if (response && response.status === 200 && response.contentType.startsWith('text/html'))
      addLinks(path, response.body);
  }
  // the agency's pages the bound left unread are not asked either (known ones are answered); an
  // item's page not known (no published item of the agency) is asked: it answers at once
  const unread = new Set(toFollow.slice(head));
  let unchecked = 0;

  // every other link: known, or asked once for its status
  for (const path of holders.keys()) {
    if (states.has(path)) continue;
    const known = input.known?.get(path);
    if (known) states.set(path, known);
    else if (unread.has(path)) unchecked += 1;
    else states.set(path, (await fetchState(path)).state);
  }

  const internalDead: DeadLink[] = [];
  for (const [url, state] of states) {
    if (state.error === null && state.status !== null && !isDeadStatus(state.status)) continue;
    const held = [...(holders.get(url) ?? [])].sort();
    internalDead.push({
      url,
      kind: 'internal',
      status: state.status,
      error: state.error,
      pages: held.slice(0, MAX_PAGES_PER_LINK),
      pageCount: held.length,
    });
  }
  internalDead.sort((a, b) => a.url.localeCompare(b.url));
  return {
    pages,
    truncated: unchecked > 0 || headLast < toFollowLast.length,
    unchecked,
    internalChecked: states.size,
    internalDead,
    external,
  };
}
