import { actorLabel } from '../../domain/accounts/actor-name.ts';
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
  /** who published it, by name (姓名) */
  actorName: string;
  recordedAt: string;
}

const SUMMARY_COLUMNS = [
  'v.year',
  'v.version',
  'v.published_on',
  'v.reason',
  'v.note',
  'v.actor',
  'v.recorded_at',
  'users.display_name',
] as const;

/** The versions with their publishers' names. */
const versionsOf = (db: Db) =>
  db.kysely.selectFrom('annual_report_versions as v').leftJoin('users', 'users.username', 'v.actor');

function summary(row: {
  year: number;
  version: number;
  published_on: string;
  reason: string | null;
  note: string | null;
  actor: string;
  recorded_at: string;
  display_name: string | null;
}): VersionSummary {
  return {
    year: row.year,
    version: row.version,
    publishedOn: row.published_on,
    reason: row.reason,
    note: row.note,
    actor: row.actor,
    actorName: actorLabel(row.actor, row.display_name ?? undefined),
    recordedAt: row.recorded_at,
  };
}

/** The published versions of an agency (of one year, or of every year), by year then version. */
export async function listVersions(db: Db, agencyId: number, year?: number): Promise<VersionSummary[]> {
  let query = versionsOf(db).select(SUMMARY_COLUMNS).where('v.agency_id', '=', agencyId);
  if (year !== undefined) query = query.where('v.year', '=', year);
  const rows = await query.orderBy('v.year').orderBy('v.version').execute();
  return rows.map(summary);
}

/** One published version with its snapshot text (the latest when `version` is omitted), or null. */
export async function findVersion(
  db: Db,
  agencyId: number,
  year: number,
  version?: number,
): Promise<(VersionSummary & { id: number; snapshot: string }) | null> {
  let query = versionsOf(db)
    .select([...SUMMARY_COLUMNS, 'v.id', 'v.snapshot'])
    .where('v.agency_id', '=', agencyId)
    .where('v.year', '=', year);
  query = version === undefined ? query.orderBy('v.version', 'desc') : query.where('v.version', '=', version);
  const row = await query.limit(1).executeTakeFirst();
  return row ? { ...summary(row), id: row.id, snapshot: row.snapshot } : null;
}
