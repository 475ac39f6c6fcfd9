/** A site's stored settings (0022): the installation's or an agency's, '' where not set. */
import type { Kysely } from 'kysely';
import { EMPTY_SITE_SETTINGS, SITE_FIELDS, type SiteSettings } from '../../domain/site/settings.ts';
import type { Database } from '../schema.ts';

/** The row key of a site's settings: the installation's, or an agency's. */
export function siteScope(agencyId: number | null): string {
  return agencyId === null ? 'installation' : `agency:${agencyId}`;
}

/** Stored JSON as settings: every known field as text, the rest ignored. */
export function parseSiteSettings(data: string): SiteSettings {
  const raw = JSON.parse(data) as Record<string, unknown>;
  const settings: Record<string, string> = {};
  for (const field of SITE_FIELDS) settings[field] = typeof raw[field] === 'string' ? raw[field] : '';
  return settings as unknown as SiteSettings;
}

/** The stored settings of the installation (`null`) or an agency; null when none were ever saved. */
export async function findSiteSettings(
  db: Kysely<Database>,
  agencyId: number | null,
): Promise<SiteSettings | null> {
  const row = await db
    .selectFrom('site_settings')
    .select('data')
    .where('scope', '=', siteScope(agencyId))
    .executeTakeFirst();
  return row ? parseSiteSettings(row.data) : null;
}

/** The settings, empty where none were saved. */
export async function siteSettings(db: Kysely<Database>, agencyId: number | null): Promise<SiteSettings> {
  return (await findSiteSettings(db, agencyId)) ?? { ...EMPTY_SITE_SETTINGS };
}
