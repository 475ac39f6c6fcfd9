/**
 * The published versions open data lists (issue 14, docs/open-data.md): the latest version of each
 * agency-year, found first as small references (for the ETag and the CSV header), then read a page
 * of snapshots at a time, so that a year of thousands of reports is sent in bounded memory.
 */
import type { Db } from '../connection.ts';

/** A latest published version, without its snapshot. */
export interface LatestVersionRef {
  id: number;
  /** the agency's code on the platform */
  agencyCode: string;
  year: number;
  version: number;
  publishedOn: string;
}

/**
 * The latest published version of every agency for a year (by agency code), or of every year of
 * one agency (by year). Versions are never updated: only a new version changes the answer.
 */
export async function latestVersions(
  db: Db,
  where: { year: number } | { agencyId: number },
): Promise<LatestVersionRef[]> {
  let query = db.kysely
    .selectFrom('annual_report_versions as v')
    .innerJoin('agencies as a', 'a.id', 'v.agency_id')
    .select(['v.id', 'a.code', 'v.year', 'v.version', 'v.published_on'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('annual_report_versions as w')
            .select('w.id')
            .whereRef('w.agency_id', '=', 'v.agency_id')
            .whereRef('w.year', '=', 'v.year')
            .whereRef('w.version', '>', 'v.version'),
        ),
      ),
    );
  query =
    'year' in where
      ? query.where('v.year', '=', where.year).orderBy('a.code')
      : query.where('v.agency_id', '=', where.agencyId).orderBy('v.year');
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    agencyCode: r.code,
    year: r.year,
    version: r.version,
    publishedOn: r.published_on,
  }));
}

/** How many snapshots are read at once (each is the whole frozen report, tens of kilobytes). */
export const SNAPSHOT_PAGE = 50;

/** The snapshots of these versions, in their order, `pageSize` rows per query. */
export async function* versionSnapshots<T extends { id: number }>(
  db: Db,
  refs: readonly T[],
  pageSize = SNAPSHOT_PAGE,
): AsyncGenerator<{ ref: T; snapshot: string }> {
  for (let start = 0; start < refs.length; start += pageSize) {
    const page = refs.slice(start, start + pageSize);
    const rows = await db.kysely
      .selectFrom('annual_report_versions')
      .select(['id', 'snapshot'])
      .where(
        'id',
        'in',
        page.map((r) => r.id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [Number(r.id), r.snapshot]));
    for (const ref of page) {
      const snapshot = byId.get(ref.id);
      if (snapshot !== undefined) yield { ref, snapshot };
    }
  }
}
