import type { Db } from '../connection.ts';

/** A published version's row, without its snapshot. */
export interface VersionSummary {
  year: number;
  version: number;
  publishedOn: string;
  reason: string | null;
  /** the approver's 说明 for publishing over errors, else null */
  note: string | null;
  actor: string;
  recordedAt: string;
}

const SUMMARY_COLUMNS = [
  'year',
  'version',
  'published_on',
  'reason',
  'note',
  'actor',
  'recorded_at',
] as const;

function summary(row: {
  year: number;
  version: number;
  published_on: string;
  reason: string | null;
  note: string | null;
  actor: string;
  recorded_at: string;
}): VersionSummary {
  return {
    year: row.year,
    version: row.version,
    publishedOn: row.published_on,
    reason: row.reason,
    note: row.note,
    actor: row.actor,
    recordedAt: row.recorded_at,
  };
}

/** The published versions of an agency (of one year, or of every year), by year then version. */
export async function listVersions(db: Db, agencyId: number, year?: number): Promise<VersionSummary[]> {
  let query = db.kysely
    .selectFrom('annual_report_versions')
    .select(SUMMARY_COLUMNS)
    .where('agency_id', '=', agencyId);
  if (year !== undefined) query = query.where('year', '=', year);
  const rows = await query.orderBy('year').orderBy('version').execute();
  return rows.map(summary);
}

/** One published version with its snapshot text (the latest when `version` is omitted), or null. */
export async function findVersion(
  db: Db,
  agencyId: number,
  year: number,
  version?: number,
): Promise<(VersionSummary & { id: number; snapshot: string }) | null> {
  let query = db.kysely
    .selectFrom('annual_report_versions')
    .select([...SUMMARY_COLUMNS, 'id', 'snapshot'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year);
  query = version === undefined ? query.orderBy('version', 'desc') : query.where('version', '=', version);
  const row = await query.limit(1).executeTakeFirst();
  return row ? { ...summary(row), id: row.id, snapshot: row.snapshot } : null;
}
