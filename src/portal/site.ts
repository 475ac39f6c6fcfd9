/**
 * The site identity of every page outside the API (issue 13): the installation's settings and, on
 * an agency's pages (`/agencies/<code>/…`), the agency's, resolved by domain/site/settings.ts and
 * kept 30 seconds (at once forgotten when this process saves settings). A hook on the root puts it
 * on the request (`request.site`) before routing's 404 and error handlers, so every portal page —
 * error pages included — has the same title, meta tags and footer.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { onSiteSettingsChanged } from '../commands/site/site-changes.ts';
import type { Db } from '../db/connection.ts';
import { findSiteSettings } from '../db/queries/site-settings.ts';
import {
  EMPTY_SITE_SETTINGS,
  resolveSiteIdentity,
  type SiteIdentity,
  type SiteSettings,
} from '../domain/site/settings.ts';
import { ttlCache } from './cache.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** the site identity of a page request (null on the API and the console) */
    site: SiteIdentity | null;
  }
}

/** The identities, per server. */
export interface SiteService {
  /** the installation's identity, or an agency's (by code; the installation's when there is no such agency) */
  identity(agencyCode?: string): Promise<SiteIdentity>;
  /** the installation's stored settings */
  installation(): Promise<SiteSettings>;
  clear(): void;
}

/** A site service over the database, its answers kept 30 seconds. */
export function createSiteService(db: Db): SiteService {
  const settings = ttlCache<SiteSettings>(1, 30_000);
  const identities = ttlCache<SiteIdentity>(500, 30_000);
  const installation = () =>
    settings.get(
      'installation',
      async () => (await findSiteSettings(db.kysely, null)) ?? EMPTY_SITE_SETTINGS,
    );
  return {
    installation,
    async identity(agencyCode) {
      return identities.get(agencyCode ?? '', async () => {
        const base = await installation();
        if (!agencyCode) return resolveSiteIdentity(base);
        const agency = await db.kysely
          .selectFrom('agencies')
          .select(['id', 'name'])
          .where('code', '=', agencyCode)
          .executeTakeFirst();
        if (!agency) return resolveSiteIdentity(base);
        return resolveSiteIdentity(base, {
          name: agency.name,
          settings: await findSiteSettings(db.kysely, agency.id),
        });
      });
    },
    clear() {
      settings.clear();
      identities.clear();
    },
  };
}

const AGENCY_PATH = /^\/agencies\/([^/?#]{1,64})(?:[/?#]|$)/;

/** Whether a path is a page (the portal's), not the API, the console or the health check. */
export function isPagePath(path: string): boolean {
  return !(path.startsWith('/api/') || path === '/api' || path.startsWith('/console') || path === '/healthz');
}

/** The agency code in a page's path (`/agencies/lingang/…` → lingang), if any. */
export function agencyCodeOfPath(path: string): string | undefined {
  const match = AGENCY_PATH.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** Puts the site identity on every page request (app.ts, once, on the root). */
export function registerSiteIdentity(app: FastifyInstance, db: Db, service: SiteService): void {
  app.decorateRequest('site', null);
  const stop = onSiteSettingsChanged(db, () => service.clear());
  app.addHook('onClose', async () => stop());
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const path = request.url.split('?')[0];
    if (!isPagePath(path)) return;
    request.site = await service.identity(agencyCodeOfPath(path));
  });
}
