/**
 * The link checker's pure part (网站自查 “Links”, issue 15, docs/inspection.md): the links a page
 * holds (htmlparser2: every `href`/`src` a reader's browser would follow or load), each resolved
 * against the page and classified — internal (a path of the portal itself, or an address on the
 * site's configured origin) or external (any other http(s) address) — and which internal paths the
 * crawl follows (an agency's own pages) rather than only checks.
 */
import { Parser } from 'htmlparser2';

/** A link as written in a page: the tag and attribute it came from, the address as written. */
export interface ExtractedLink {
  tag: string;
  attribute: string;
  href: string;
}

/** The attributes that hold an address a reader follows or loads, by tag. */
const LINK_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  object: ['data'],
};

/** `<link rel>` values that name no resource to load (a hint, not a link a reader follows). */
const HINT_RELS = new Set(['preconnect', 'dns-prefetch']);

/** Every address in `html` a reader's browser follows or loads, in document order (duplicates kept). */
export function extractLinks(html: string): ExtractedLink[] {
  const links: ExtractedLink[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const names = LINK_ATTRIBUTES[name];
        if (!names) return;
        if (name === 'link' && HINT_RELS.has((attributes.rel ?? '').trim().toLowerCase())) return;
        for (const attribute of names) {
          const href = attributes[attribute]?.trim();
          if (href) links.push({ tag: name, attribute, href });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return links;
}

export const LINK_KINDS = ['internal', 'external'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const LINK_KIND_LABELS: Record<LinkKind, string> = { internal: '站内链接', external: '外部链接' };

/** A link resolved: internal as the portal's path with its query (`/agencies/x/items/7?a=b`), external absolute. */
export interface ResolvedLink {
  kind: LinkKind;
  url: string;
}

/** The portal's own address space: an internal page's base, and the origins that are this site. */
export interface SiteOrigins {
  /** the configured 网站地址's origin(s) (`https://gk.example.gov.cn`); an address there is internal */
  origins: readonly string[];
}

/** The longest address kept (longer ones are refused as they are: no server serves them). */
export const MAX_URL_LENGTH = 2000;

const PLACEHOLDER = 'http://portal.invalid';

/**
 * `href` as found on the portal's page `pagePath` (a path such as `/agencies/x/gongkai`): internal,
 * external, or null when it is no address to check — a fragment of the same page, `mailto:`, `tel:`,
 * `javascript:`, `data:`, or not an address at all. The fragment is dropped; an address on one of
 * the site's origins becomes its path.
 */
export function resolveLink(href: string, pagePath: string, site: SiteOrigins): ResolvedLink | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed, new URL(pagePath, PLACEHOLDER));
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  if (parsed.origin === PLACEHOLDER || site.origins.includes(parsed.origin)) {
    const path = `${parsed.pathname}${parsed.search}`;
    return path.length > MAX_URL_LENGTH ? null : { kind: 'internal', url: path };
  }
  const url = parsed.toString();
  return url.length > MAX_URL_LENGTH ? null : { kind: 'external', url };
}

/** The origins of the configured addresses (`https://gk.example.gov.cn/x` → `https://gk.example.gov.cn`); bad ones left out. */
export function siteOrigins(addresses: readonly string[]): SiteOrigins {
  const origins = new Set<string>();
  for (const address of addresses) {
    try {
      const parsed = new URL(address);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') origins.add(parsed.origin);
    } catch {
      // not an address: no origin
    }
  }
  return { origins: [...origins] };
}

/**
 * What the crawl does with an internal path: `follow` (render it and read its links), `follow-last`
 * (the same, once every other page is read: an item's page, its body and attachments being read
 * from the database anyway), or `check` (ask only whether it answers).
 */
export type CrawlAction = 'follow' | 'follow-last' | 'check';

/**
 * What the crawl of agency `code` does with `path`: it follows the agency's own pages
 * (`/agencies/<code>/…`), its items' pages last; it only checks the rest — the installation's pages,
 * other agencies', the online form, downloads, the stylesheet, and a page's larger-text copy
 * (`?text=large`: the same links).
 */
export function crawlAction(path: string, code: string): CrawlAction {
  const [pathname = path, query = ''] = path.split('?');
  const prefix = `/agencies/${encodeURIComponent(code)}/`;
  if (!pathname.startsWith(prefix)) return 'check';
  if (new URLSearchParams(query).has('text')) return 'check';
  const rest = pathname.slice(prefix.length);
  if (rest === 'apply' || /\.(docx|pdf|json|html|xlsx|csv)$/i.test(rest)) return 'check';
  return /^items\/\d+$/.test(rest) ? 'follow-last' : 'follow';
}

/** The agency's public pages the crawl starts from: its 政府信息公开 section and each part of it. */
export function crawlSeeds(code: string): string[] {
  const base = `/agencies/${encodeURIComponent(code)}/gongkai`;
  return [
    base,
    ...['guide', 'rules', 'catalog', 'normative', 'on-request', 'reports'].map((p) => `${base}/${p}`),
  ];
}

/** Whether an HTTP status means the link is dead: 4xx and 5xx (a redirect is followed first). */
export function isDeadStatus(status: number): boolean {
  return status >= 400;
}
