/**
 * Checks one agency's links (网站自查 “Links”, issue 15, docs/inspection.md): crawls its public
 * portal in-process (src/links/crawl.ts) — its pages, its items' bodies, its attachments on disk —
 * and, when enabled, its external links over HTTP (src/links/external.ts: politely, within the run's
 * budget, each address at most once per cache interval). Reading happens before the transaction
 * (the crawl asks the server, which reads the database); then, in one transaction, the day's dead
 * links replace any earlier run of the day (each keeps the day it was first seen), the check's row,
 * the external results cached, and one event `inspection.links_checked`. Its 机关管理员 runs it, or
 * the installation's operator (`gongkai inspect --links`).
 */
import { appendEvent } from '../../db/events.ts';
import {
  deadLinksOf,
  externalCheckedAt,
  itemBodiesWithLinks,
  latestLinkCheck,
  publishedAttachments,
  publishedItemIds,
  siteAddresses,
  urlKey,
} from '../../db/queries/links.ts';
import { inTransaction } from '../../db/transaction.ts';
import { can, roleRefusal, rolesNeeded } from '../../domain/accounts/policy-table.ts';
import { siteOrigins } from '../../domain/inspection/links.ts';
import {
  carryFirstSeen,
  type DeadLink,
  deadLinkKey,
  MAX_PAGES_PER_LINK,
  planExternal,
  type StoredDeadLink,
} from '../../domain/inspection/links-dead.ts';
import { INSPECTION_POLICY } from '../../domain/inspection/policy.ts';
import { AppError } from '../../errors.ts';
import type { FileStore } from '../../files/file-store.ts';
import { storeFileProblem } from '../../links/attachments.ts';
import { crawlInternal, type LinkState, type PortalRequest } from '../../links/crawl.ts';
import { checkExternalLinks, type ExternalResult } from '../../links/external.ts';
import type { LinkCheckSettings } from '../../links/settings.ts';
import type { CommandContext } from '../context.ts';

export interface LinkCheckInput {
  agencyId: number;
  agencyCode: string;
  /** asks the portal for a path (the server's inject) */
  portal: PortalRequest;
  /** where the attachments are */
  files: FileStore;
  settings: LinkCheckSettings;
  /** tests pass a fetch of their own for the external check */
  fetch?: typeof fetch;
}

export interface LinkCheckRun {
  day: string;
  checkedAt: string;
  pages: number;
  links: number;
  truncated: boolean;
  internalDead: number;
  external: { enabled: boolean; checked: number; cached: number; deferred: number; dead: number };
  dead: StoredDeadLink[];
}

/** The item pages and attachment addresses answered without asking the portal. */
async function knownStates(ctx: CommandContext, input: LinkCheckInput) {
  const base = `/agencies/${encodeURIComponent(input.agencyCode)}`;
  const known = new Map<string, LinkState>();
  for (const id of await publishedItemIds(ctx.db.kysely, input.agencyId))
    known.set(`${base}/items/${id}`, { status: 200, error: null });
  const held: Array<{ page: string; url: string }> = [];
  for (const a of await publishedAttachments(ctx.db.kysely, input.agencyId)) {
    const url = `/api/v1${base}/published-items/${a.itemId}/attachments/${a.id}`;
    const problem = await storeFileProblem(input.files, a.storageKey, a.size);
    known.set(url, problem ? { status: null, error: problem } : { status: 200, error: null });
    held.push({ page: `${base}/items/${a.itemId}`, url });
  }
  return { known, held };
}

/** The external addresses checked now (when enabled), with what the cache answers. */
async function externalDead(
  ctx: CommandContext,
  input: LinkCheckInput,
  external: Map<string, Set<string>>,
): Promise<{ dead: DeadLink[]; fresh: Map<string, ExternalResult>; run: LinkCheckRun['external'] }> {
  const none = { enabled: false, checked: 0, cached: 0, deferred: 0, dead: 0 };
  if (!input.settings.external) return { dead: [], fresh: new Map(), run: none };
  const urls = [...external.keys()];
  const cache = await externalCheckedAt(ctx.db.kysely, urls);
  const plan = planExternal(urls, new Map([...cache].map(([url, c]) => [url, c.checkedAt])), {
    now: ctx.clock.now(),
    cacheDays: input.settings.cacheDays,
    budget: input.settings.budget,
  });
  const fresh = await checkExternalLinks(plan.check, {
    ...input.settings,
    fetch: input.fetch,
    now: () => ctx.clock.now(),
  });
  const dead: DeadLink[] = [];
  for (const url of [...plan.check, ...plan.cached]) {
    const result = fresh.get(url) ?? cache.get(url);
    if (!result?.dead) continue;
    const held = [...(external.get(url) ?? [])].sort();
    dead.push({
      url,
      kind: 'external',
      status: result.status,
      error: result.error,
      pages: held.slice(0, MAX_PAGES_PER_LINK),
      pageCount: held.length,
    });
  }
  dead.sort((a, b) => a.url.localeCompare(b.url));
  return {
    dead,
    fresh,
    run: {
      enabled: true,
      checked: plan.check.length,
      cached: plan.cached.length,
      deferred: plan.deferred.length,
      dead: dead.length,
    },
  };
}

export async function checkLinks(ctx: CommandContext, input: LinkCheckInput): Promise<LinkCheckRun> {
  if (!ctx.actor.platformAdmin && !can(INSPECTION_POLICY, ctx.actor, 'run'))
    throw new AppError('forbidden', roleRefusal('检查链接', rolesNeeded(INSPECTION_POLICY, 'run')));
  const day = ctx.clock.today();
  const base = `/agencies/${encodeURIComponent(input.agencyCode)}`;
  const [site, bodies, { known, held }] = await Promise.all([
    siteAddresses(ctx.db.kysely, input.agencyId),
    itemBodiesWithLinks(ctx.db.kysely, input.agencyId),
    knownStates(ctx, input),
  ]);
  const crawl = await crawlInternal({
    code: input.agencyCode,
    request: input.portal,
    site: siteOrigins(site),
    maxPages: input.settings.maxPages,
    sources: bodies.map((b) => ({ page: `${base}/items/${b.id}`, html: b.bodyHtml })),
    held,
    known,
  });
  const external = await externalDead(ctx, input, crawl.external);
  const now = ctx.clock.now();
  const checkedAt = now.toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const previous = await latestLinkCheck(trx, input.agencyId, day);
    const before = previous ? await deadLinksOf(trx, input.agencyId, previous.day) : [];
    const dead = carryFirstSeen(
      [...crawl.internalDead, ...external.dead],
      new Map(before.map((d) => [deadLinkKey(d), d.firstSeen])),
      day,
    );
    await trx
      .deleteFrom('dead_links')
      .where('agency_id', '=', input.agencyId)
      .where('day', '=', day)
      .execute();
    await trx
      .deleteFrom('link_checks')
      .where('agency_id', '=', input.agencyId)
      .where('day', '=', day)
      .execute();
    for (let i = 0; i < dead.length; i += 200)
      await trx
        .insertInto('dead_links')
        .values(
          dead.slice(i, i + 200).map((d) => ({
            agency_id: input.agencyId,
            day,
            url: d.url,
            kind: d.kind,
            status: d.status,
            error: d.error,
            pages: JSON.stringify(d.pages),
            page_count: d.pageCount,
            first_seen: d.firstSeen,
            last_seen: checkedAt,
          })),
        )
        .execute();
    const run: LinkCheckRun = {
      day,
      checkedAt,
      pages: crawl.pages,
      links: crawl.internalChecked + external.run.checked + external.run.cached,
      truncated: crawl.truncated,
      internalDead: crawl.internalDead.length,
      external: external.run,
      dead,
    };
    await trx
      .insertInto('link_checks')
      .values({
        agency_id: input.agencyId,
        day,
        checked_at: checkedAt,
        checked_by: ctx.actor.username,
        pages: run.pages,
        links: run.links,
        internal_dead: run.internalDead,
        external_enabled: run.external.enabled ? 1 : 0,
        external_checked: run.external.checked,
        external_deferred: run.external.deferred,
        external_dead: run.external.dead,
        truncated: run.truncated ? 1 : 0,
      })
      .execute();
    for (const [url, result] of external.fresh) {
      const row = {
        url,
        checked_at: result.checkedAt,
        status: result.status,
        error: result.error,
        dead: result.dead ? 1 : 0,
      };
      await trx
        .insertInto('external_link_results')
        .values({ url_sha256: urlKey(url), ...row })
        .onConflict((oc) => oc.column('url_sha256').doUpdateSet(row))
        .execute();
    }
    const { dead: _, ...counts } = run;
    await appendEvent(trx, {
      name: 'inspection.links_checked',
      subject: { type: 'inspection', id: day },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: now,
      data: counts,
    });
    return run;
  });
}
