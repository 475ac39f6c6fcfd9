/**
 * Read queries of the HTTP layer: agencies with the years they have records for, and the years of
 * their published annual reports. A year “has
 * records” when a publication was published or a request received in it. Works on SQLite and
 * PostgreSQL (dates are ISO text on both).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** An agency as listed by the API and the home page. */
export interface AgencySummary {
  code: string;
  name: string;
  kind: string;
  /** years with records, newest first */
  years: number[];
  /** years with a published annual report (a frozen version), newest first — what the public sees */
  reportYears: number[];
}

/** agency id → the years of its published annual reports, newest first. */
async function publishedYears(db: Db, agencyId?: number): Promise<Map<number, number[]>> {
  let query = db.kysely.selectFrom('annual_report_versions').select(['agency_id', 'year']).distinct();
  if (agencyId !== undefined) query = query.where('agency_id', '=', agencyId);
  const years = new Map<number, number[]>();
  for (const row of await query.orderBy('year', 'desc').execute())
    years.set(Number(row.agency_id), [...(years.get(Number(row.agency_id)) ?? []), Number(row.year)]);
  return years;
}

/** agency id → its record years, newest first. */
async function recordYears(db: Db, agencyId?: number): Promise<Map<number, number[]>> {
  const only = agencyId === undefined ? sql`` : sql`where agency_id = ${agencyId}`;
  const result = await sql<{ agency_id: number; y: string }>`
    select agency_id, substr(published_on, 1, 4) as y from publications ${only}
    union
    select agency_id, substr(received_on, 1, 4) as y from requests ${only}`.execute(db.kysely);
  const years = new Map<number, number[]>();
  for (const row of result.rows) {
    const id = Number(row.agency_id);
    years.set(id, [...(years.get(id) ?? []), Number(row.y)]);
  }
  for (const list of years.values()) list.sort((a, b) => b - a);
  return years;
}

/**
 * Every active agency, by name, with its record years; with `withRetired`, the retired ones too
 * (their published reports stay public: the portal's list of reports).
 */
export async function listAgencies(
  db: Db,
  options: { withRetired?: boolean } = {},
): Promise<AgencySummary[]> {
  let query = db.kysely.selectFrom('agencies').select(['id', 'code', 'name', 'kind']);
  if (!options.withRetired) query = query.where('retired_on', 'is', null);
  const agencies = await query.orderBy('name').orderBy('code').execute();
  const years = await recordYears(db);
  const published = await publishedYears(db);
  return agencies.map((a) => ({
    code: a.code,
    name: a.name,
    kind: a.kind,
    years: years.get(a.id) ?? [],
    reportYears: published.get(a.id) ?? [],
  }));
}

/** One agency by code with its record years; null when there is none. */
export async function findAgency(db: Db, code: string): Promise<AgencySummary | null> {
  const agency = await db.kysely
    .selectFrom('agencies')
    .select(['id', 'code', 'name', 'kind'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!agency) return null;
  const years = await recordYears(db, agency.id);
  const published = await publishedYears(db, agency.id);
  return {
    code: agency.code,
    name: agency.name,
    kind: agency.kind,
    years: years.get(agency.id) ?? [],
    reportYears: published.get(agency.id) ?? [],
  };
}
