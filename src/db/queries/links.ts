/**
 * The link checker's reads (docs/inspection.md “Links”): what an agency's crawl starts from besides
 * its pages (published items' bodies with links, their attachments), the site's configured origins,
 * the cached external results, and the stored checks with their dead links.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LinkKind } from '../../domain/inspection/links.ts';
import { LINK_ERRORS, type LinkError, type StoredDeadLink } from '../../domain/inspection/links-dead.ts';
import type { Database } from '../schema.ts';
import { siteSettings } from './site-settings.ts';

type Reader = Kysely<Database>;

/** The SHA-256 an external address is cached by. */
export function urlKey(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}

/** The agency's published items whose body holds an address (`href=` or `src=`), with their bodies. */
export async function itemBodiesWithLinks(
  db: Reader,
  agencyId: number,
): Promise<Array<{ id: number; bodyHtml: string }>> {
  const rows = await db
    .selectFrom('items')
    .select(['id', 'body_html'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('body_html', 'like', '%href=%'), eb('body_html', 'like', '%src=%')]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, bodyHtml: r.body_html }));
}

/** The ids of the agency's published items (their pages answer). */
export async function publishedItemIds(db: Reader, agencyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('items')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .execute();
  return rows.map((r) => r.id);
}

/** The attachments of the agency's published items: where each is stored and its size. */
export async function publishedAttachments(
  db: Reader,
  agencyId: number,
): Promise<Array<{ id: number; itemId: number; storageKey: string; size: number }>> {
  const rows = await db
    .selectFrom('attachments')
    .innerJoin('items', 'items.id', 'attachments.owner_id')
    .select(['attachments.id', 'attachments.owner_id', 'attachments.storage_key', 'attachments.size'])
    .where('attachments.owner_type', '=', 'item')
    .where('attachments.agency_id', '=', agencyId)
    .where('items.agency_id', '=', agencyId)
    .where('items.status', '=', 'published')
    .orderBy('attachments.id')
    .execute();
  return rows.map((r) => ({ id: r.id, itemId: r.owner_id, storageKey: r.storage_key, size: Number(r.size) }));
}

/** The site addresses (网站地址) set for the installation and for the agency. */
export async function siteAddresses(db: Reader, agencyId: number): Promise<string[]> {
  const [installation, agency] = await Promise.all([siteSettings(db, null), siteSettings(db, agencyId)]);
  return [installation.siteUrl, agency.siteUrl].filter((u) => u.trim() !== '');
}

/** When each of `urls` was last checked (cached results), by address. */
export async function externalCheckedAt(
  db: Reader,
  urls: readonly string[],
): Promise<
  Map<string, { checkedAt: string; status: number | null; error: LinkError | null; dead: boolean }>
> {
  const found = new Map<
    string,
    { checkedAt: string; status: number | null; error: LinkError | null; dead: boolean }
  >();
  const list = [...new Set(urls)];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const rows = await db
      .selectFrom('external_link_results')
      .select(['url', 'checked_at', 'status', 'error', 'dead'])
      .where('url_sha256', 'in', chunk.map(urlKey))
      .execute();
    for (const r of rows)
      found.set(r.url, {
        checkedAt: r.checked_at,
        status: r.status === null ? null : Number(r.status),
        error: errorOf(r.error),
        dead: Number(r.dead) === 1,
      });
  }
  return found;
}

function errorOf(value: string | null): LinkError | null {
  return value !== null && (LINK_ERRORS as readonly string[]).includes(value) ? (value as LinkError) : null;
}

export interface LinkCheckSummary {
  day: string;
  checkedAt: string;
  checkedBy: string;
  pages: number;
  links: number;
  internalDead: number;
  externalEnabled: boolean;
  externalChecked: number;
  externalDeferred: number;
  externalDead: number;
  truncated: boolean;
}

/** The latest check on or before `day`, or null. */
export async function latestLinkCheck(
  db: Reader,
  agencyId: number,
  day: string,
): Promise<LinkCheckSummary | null> {
  const row = await db
    .selectFrom('link_checks')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('day', '<=', day)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    day: row.day,
    checkedAt: row.checked_at,
    checkedBy: row.checked_by,
    pages: Number(row.pages),
    links: Number(row.links),
    internalDead: Number(row.internal_dead),
    externalEnabled: Number(row.external_enabled) === 1,
    externalChecked: Number(row.external_checked),
    externalDeferred: Number(row.external_deferred),
    externalDead: Number(row.external_dead),
    truncated: Number(row.truncated) === 1,
  };
}

/** The dead links a day's check stored, internal first, by address. */
export async function deadLinksOf(
  db: Reader,
  agencyId: number,
  day: string,
): Promise<Array<StoredDeadLink & { lastSeen: string }>> {
  const rows = await db
    .selectFrom('dead_links')
    .select(['url', 'kind', 'status', 'error', 'pages', 'page_count', 'first_seen', 'last_seen'])
    .where('agency_id', '=', agencyId)
    .where('day', '=', day)
    .orderBy('kind', 'desc')
    .orderBy('url')
    .execute();
  return rows.map((r) => ({
    url: r.url,
    kind: (r.kind === 'external' ? 'external' : 'internal') as LinkKind,
    status: r.status === null ? null : Number(r.status),
    error: errorOf(r.error),
    pages: JSON.parse(r.pages) as string[],
    pageCount: Number(r.page_count),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }));
}
