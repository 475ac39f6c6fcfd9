/**
 * What the supervisor's 工作台 reads (domain/supervision/overview.ts): the agencies of a subtree, and
 * per agency the year's counts — a handful of grouped aggregates over the subtree's agencies, a
 * thousand ids at a time, so their cost grows with the rows of the year, not with the queries.
 */

import { isOutcome, outcomeGroup } from '../../domain/report/vocabulary.ts';
import { CLOCK_RUNNING_STATES } from '../../domain/requests/queues.ts';
import { type AgencyCounts, countsOf, type TreeAgency } from '../../domain/supervision/overview.ts';
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

function chunks(ids: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(ids.slice(i, i + CHUNK));
  return out;
}

/** Day-pairs (a start and an end day) with how many rows share them, per agency. */
export interface DayPairs {
  agencyId: number;
  from: string;
  to: string;
  n: number;
}

/** The raw counts of a year, before the calendar turns day-pairs into working days. */
export interface YearRows {
  counts: Map<number, AgencyCounts>;
  /** requests answered in the year: receipt and answer days */
  answers: DayPairs[];
  /** website publications of the year: formed and published days */
  publications: DayPairs[];
}

const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

/**
 * The counts of a year for the given agencies, as of `today` (open and overdue are now's). Only
 * disclosure requests (kind `disclosure`) count; publications are the website's (channel
 * `website`: one per item published, whatever else it was posted on).
 */
export async function supervisionYearRows(
  db: Db,
  agencyIds: readonly number[],
  year: number,
  today: string,
): Promise<YearRows> {
  const counts = new Map<number, AgencyCounts>();
  const of = (id: number | string) => countsOf(counts, Number(id));
  const answers: DayPairs[] = [];
  const publications: DayPairs[] = [];
  const [from, to] = yearRange(year);
  const [prevFrom] = yearRange(year - 1);
  const k = db.kysely;
  const num = (v: unknown) => Number(v ?? 0);
  for (const ids of chunks(agencyIds)) {
    const disclosure = () =>
      k.selectFrom('requests').where('agency_id', 'in', ids).where('kind', '=', 'disclosure');
    const received = await disclosure()
      .select(['agency_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('received_on', '>=', prevFrom)
      .where('received_on', '<=', to)
      .select((eb) => eb.fn.countAll<number>().filterWhere('received_on', '>=', from).as('this_year'))
      .groupBy('agency_id')
      .execute();
    for (const r of received) {
      of(r.agency_id).received = num(r.this_year);
      of(r.agency_id).previous.received = num(r.n) - num(r.this_year);
    }
    const now = await disclosure()
      .select([
        'agency_id',
        (eb) => eb.fn.countAll<number>().filterWhere('state', '<>', 'decided').as('open'),
        (eb) =>
          eb.fn
            .countAll<number>()
            .filterWhere((w) => w.and([w('state', 'in', CLOCK_RUNNING_STATES), w('due_on', '<', today)]))
            .as('overdue'),
      ])
      .where('state', '<>', 'decided')
      .groupBy('agency_id')
      .execute();
    for (const r of now) {
      of(r.agency_id).open = num(r.open);
      of(r.agency_id).overdue = num(r.overdue);
    }
    const outcomes = await disclosure()
      .select(['agency_id', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
      .where('decided_on', '>=', from)
      .where('decided_on', '<=', to)
      .where('outcome', 'is not', null)
      .groupBy(['agency_id', 'outcome'])
      .execute();
    for (const r of outcomes)
      if (r.outcome && isOutcome(r.outcome)) of(r.agency_id).outcomes[outcomeGroup(r.outcome)] += num(r.n);
    const pairs = await disclosure()
      .select(['agency_id', 'received_on', 'decided_on', (eb) => eb.fn.countAll<number>().as('n')])
      .where('decided_on', '>=', from)
      .where('decided_on', '<=', to)
      .where('outcome', 'is not', null)
      .groupBy(['agency_id', 'received_on', 'decided_on'])
      .execute();
    for (const r of pairs)
      if (r.decided_on)
        answers.push({ agencyId: Number(r.agency_id), from: r.received_on, to: r.decided_on, n: num(r.n) });
    const reviews = await k
      .selectFrom('review_cases')
      .select(['agency_id', 'grp', 'result', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agency_id', 'in', ids)
      .where('filed_on', '>=', from)
      .where('filed_on', '<=', to)
      .groupBy(['agency_id', 'grp', 'result'])
      .execute();
    for (const r of reviews) {
      const c = of(r.agency_id)[r.grp === 'review' ? 'reviews' : 'suits'];
      c.filed += num(r.n);
      if (r.result !== null) c.concluded += num(r.n);
      if (r.result === 'corrected') c.corrected += num(r.n);
    }
    const published = await k
      .selectFrom('publications')
      .select(['agency_id', 'formed_on', 'published_on', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agency_id', 'in', ids)
      .where('channel', '=', 'website')
      .where('published_on', '>=', prevFrom)
      .where('published_on', '<=', to)
      .groupBy(['agency_id', 'formed_on', 'published_on'])
      .execute();
    for (const r of published) {
      if (r.published_on < from) of(r.agency_id).previous.published += num(r.n);
      else {
        of(r.agency_id).published += num(r.n);
        publications.push({
          agencyId: Number(r.agency_id),
          from: r.formed_on,
          to: r.published_on,
          n: num(r.n),
        });
      }
    }
  }
  return { counts, answers, publications };
}

/** Per agency: whether the year's narrative was saved, and the latest published version. */
export async function supervisionReports(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<{ drafted: Set<number>; latest: Map<number, { version: number; publishedOn: string }> }> {
  const drafted = new Set<number>();
  const latest = new Map<number, { version: number; publishedOn: string }>();
  for (const ids of chunks(agencyIds)) {
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
  }
  return { drafted, latest };
}

/** Per agency: its latest stored 网站自查 day, and how many veto / any indicators failed or warned that day. */
export async function supervisionInspections(
  db: Db,
  agencyIds: readonly number[],
  vetoCodes: readonly string[],
): Promise<Map<number, { day: string; vetoes: number; alarms: number }>> {
  const out = new Map<number, { day: string; vetoes: number; alarms: number }>();
  for (const ids of chunks(agencyIds)) {
    const latest = await db.kysely
      .selectFrom('inspection_results')
      .select(['agency_id', (eb) => eb.fn.max('day').as('day')])
      .where('agency_id', 'in', ids)
      .groupBy('agency_id')
      .execute();
    if (latest.length === 0) continue;
    const rows = await db.kysely
      .selectFrom('inspection_results')
      .select(['agency_id', 'day', 'indicator', 'state'])
      .where('agency_id', 'in', ids)
      .where('state', '<>', 'ok')
      .where((eb) =>
        eb.or(latest.map((l) => eb.and([eb('agency_id', '=', l.agency_id), eb('day', '=', String(l.day))]))),
      )
      .execute();
    for (const l of latest) out.set(Number(l.agency_id), { day: String(l.day), vetoes: 0, alarms: 0 });
    for (const r of rows) {
      const entry = out.get(Number(r.agency_id));
      if (!entry) continue;
      if (r.state === 'failed' && vetoCodes.includes(r.indicator)) entry.vetoes++;
      else entry.alarms++;
    }
  }
  return out;
}

/** Per agency: its 督办 not closed, and how many of those are open past their deadline. */
export async function supervisionReminders(
  db: Db,
  agencyIds: readonly number[],
  today: string,
): Promise<Map<number, { open: number; overdue: number }>> {
  const out = new Map<number, { open: number; overdue: number }>();
  for (const ids of chunks(agencyIds)) {
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
    for (const r of rows) out.set(Number(r.agency_id), { open: Number(r.open), overdue: Number(r.overdue) });
  }
  return out;
}
