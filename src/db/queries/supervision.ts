/**
 * What the supervisor's 工作台 reads (domain/supervision/overview.ts): the agencies of a subtree, and
 * per agency its report's status, its latest 网站自查 and its 督办 — grouped over the subtree's
 * agencies a thousand ids at a time. The year's counts are in supervision-year-rows.ts.
 */

import { sql } from 'kysely';
import type { TreeAgency } from '../../domain/supervision/overview.ts';
import type { Db } from '../connection.ts';

/** An agency of the subtree with what its report status needs. */
export interface SubtreeAgency extends TreeAgency {
  kind: string;
  reportDeadline: string | null;
}

/** The agency and every agency below it (parent before children), at most 32 levels down. */
export async function subtreeAgencies(db: Db, rootId: number): Promise<SubtreeAgency[]> {
  const rows = await db.kysely
    .withRecursive('tree(id, depth)', (qb) =>
      qb
        .selectFrom('agencies')
        .select(['id', (eb) => eb.lit(0).as('depth')])
        .where('id', '=', rootId)
        .unionAll((union) =>
          union
            .selectFrom('agencies')
            .innerJoin('tree', 'tree.id', 'agencies.parent_id')
            .select(['agencies.id', (eb) => eb(eb.ref('tree.depth'), '+', 1).as('depth')])
            .where('tree.depth', '<', 32),
        ),
    )
    .selectFrom('tree')
    .innerJoin('agencies', 'agencies.id', 'tree.id')
    .select([
      'agencies.id',
      'agencies.code',
      'agencies.name',
      'agencies.parent_id',
      'agencies.kind',
      'agencies.report_deadline',
      'tree.depth',
    ])
    .orderBy('tree.depth')
    .orderBy('agencies.code')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    parentId: Number(r.id) === rootId || r.parent_id === null ? null : Number(r.parent_id),
    kind: r.kind,
    reportDeadline: r.report_deadline,
  }));
}

const CHUNK = 1000;

export function chunks(ids: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(ids.slice(i, i + CHUNK));
  return out;
}

/** Per agency: whether the year's narrative was saved, and the latest published version. */
export async function supervisionReports(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<{ drafted: Set<number>; latest: Map<number, { version: number; publishedOn: string }> }> {
  const drafted = new Set<number>();
  const latest = new Map<number, { version: number; publishedOn: string }>();
  // the chunks side by side (PostgreSQL: one pool connection each)
  await Promise.all(
    chunks(agencyIds).map(async (ids) => {
      const drafts = await db.kysely
        .selectFrom('annual_reports')
        .select('agency_id')
        .where('agency_id', 'in', ids)
        .where('year', '=', year)
        .where((eb) => eb.or([eb('version', '>', 0), eb('narrative', 'is not', null)]))
        .execute();
      for (const d of drafts) drafted.add(Number(d.agency_id));
      const versions = await db.kysely
        .selectFrom('annual_report_versions')
        .select(['agency_id', 'version', 'published_on'])
        .where('agency_id', 'in', ids)
        .where('year', '=', year)
        .orderBy('version')
        .execute();
      for (const v of versions)
        latest.set(Number(v.agency_id), { version: v.version, publishedOn: v.published_on });
    }),
  );
  return { drafted, latest };
}

/** Per agency: its latest stored 网站自查 day, and how many veto / any indicators failed or warned that day. */
export async function supervisionInspections(
  db: Db,
  agencyIds: readonly number[],
  vetoCodes: readonly string[],
): Promise<Map<number, { day: string; vetoes: number; alarms: number }>> {
  const out = new Map<number, { day: string; vetoes: number; alarms: number }>();
  // the chunks side by side (PostgreSQL: one pool connection each)
  await Promise.all(
    chunks(agencyIds).map(async (ids) => {
      // each agency's latest day (one probe of the (agency_id, day, …) key each, not every day's rows),
      // and that day's results not ok, in one statement
      const rows = await sql<{
        agency_id: number;
        day: string;
        indicator: string | null;
        state: string | null;
      }>`
        select l.agency_id, l.day, r.indicator, r.state
        from (select a.id as agency_id,
                (select max(x.day) from inspection_results x where x.agency_id = a.id) as day
              from agencies a where a.id in (${sql.join(ids)})) l
        left join inspection_results r on r.agency_id = l.agency_id and r.day = l.day and r.state <> 'ok'
        where l.day is not null`.execute(db.kysely);
      for (const r of rows.rows) {
        const id = Number(r.agency_id);
        const entry = out.get(id) ?? { day: String(r.day), vetoes: 0, alarms: 0 };
        out.set(id, entry);
        if (r.state === null || r.indicator === null) continue;
        if (r.state === 'failed' && vetoCodes.includes(r.indicator)) entry.vetoes++;
        else entry.alarms++;
      }
    }),
  );
  return out;
}

/** Per agency: its 督办 not closed, and how many of those are open past their deadline. */
export async function supervisionReminders(
  db: Db,
  agencyIds: readonly number[],
  today: string,
): Promise<Map<number, { open: number; overdue: number }>> {
  const out = new Map<number, { open: number; overdue: number }>();
  // the chunks side by side (PostgreSQL: one pool connection each)
  await Promise.all(
    chunks(agencyIds).map(async (ids) => {
      const rows = await db.kysely
        .selectFrom('reminders')
        .select([
          'agency_id',
          (eb) => eb.fn.countAll<number>().as('open'),
          (eb) =>
            eb.fn
              .countAll<number>()
              .filterWhere((w) => w.and([w('state', '=', 'open'), w('due_on', '<', today)]))
              .as('overdue'),
        ])
        .where('agency_id', 'in', ids)
        .where('state', '<>', 'closed')
        .groupBy('agency_id')
        .execute();
      for (const r of rows)
        out.set(Number(r.agency_id), { open: Number(r.open), overdue: Number(r.overdue) });
    }),
  );
  return out;
}
