/**
 * Read queries of the HTTP layer: agencies with the years they have records for, and the years of
 * their published annual reports. A year “has
 * records” when a publication was published or a request received in it. Works on SQLite and
 * PostgreSQL (dates are ISO text on both).
 */
import { type RawBuilder, sql } from 'kysely';
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

/**
 * agency id → its record years, newest first. Each agency's years are found by skipping through
 * its (agency_id, date) indexes a year at a time — the first date of the agency, then the first on
 * or after the next year, … (a recursive query, the same on SQLite and PostgreSQL) — instead of
 * reading every publication and request: the home page of a 2,000-agency province with 11,500,000
 * publications asked for 6.5–6.7 s of PostgreSQL; this reads a few index pages per agency and year
 * (158 ms warm, 1.8 s cold; docs/deploy.md, bench:scale).
 */
async function recordYears(db: Db, agencyId?: number): Promise<Map<number, number[]>> {
  const only = agencyId === undefined ? sql`` : sql`where a.id = ${agencyId}`;
  /** The years of one table's dates, each agency's: its first year, then the first after it, … */
  const yearsOf = (
    name: string,
    table: 'publications' | 'requests',
    column: 'published_on' | 'received_on',
  ) => {
    const cte = sql.raw(name);
    const first = (after: RawBuilder<unknown>) =>
      sql`(select substr(min(t.${sql.ref(column)}), 1, 4) from ${sql.table(table)} t ${after})`;
    return sql`${cte}(agency_id, y) as (
      select a.id, ${first(sql`where t.agency_id = a.id`)} from agencies a ${only}
      union all
      select k.agency_id, ${first(sql`where t.agency_id = k.agency_id
        and t.${sql.ref(column)} >= cast(cast(k.y as integer) + 1 as text)`)}
      from ${cte} k where k.y is not null)`;
  };
  const result = await sql<{ agency_id: number; y: string }>`
    with recursive ${yearsOf('p_years', 'publications', 'published_on')},
      ${yearsOf('r_years', 'requests', 'received_on')}
    select agency_id, y from p_years where y is not null
    union
    select agency_id, y from r_years where y is not null`.execute(db.kysely);
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
