/**
 * What the supervisor's 工作台 reads (domain/supervision/overview.ts): the agencies of a subtree, and
 * per agency the year's counts — a handful of grouped aggregates over the subtree's agencies, a
 * thousand ids at a time, so their cost grows with the rows of the year, not with the queries.
 */

import { sql } from 'kysely';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import { CALENDAR_YEARS } from '../../domain/calendar/work-calendar.ts';
import { PUBLICATION_LIMIT_WORKING_DAYS } from '../../domain/items/timeliness.ts';
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

/** The raw counts of a year, the working days counted in SQL against the calendar's day tables. */
export interface YearRows {
  /** per agency, with `late` (第二十六条) and `answerDays` (the histogram of working days to answer) filled */
  counts: Map<number, AgencyCounts>;
  /** answers as distinct pairs of days (on PostgreSQL only those received before the working-day table): counted by the caller */
  answers: DayPairs[];
}

const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

/** The ISO day `n` days after `iso` (n may be negative). */
function shiftDay(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from `first` to `last`, inclusive. */
function daysFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let day = first; day <= last; day = shiftDay(day, 1)) out.push(day);
  return out;
}

/**
 * The day tables the year's SQL joins (so the calendar is worked out once per day, not per row):
 * - `ordinals`: each day from a year before the year to its end with the working days after the
 *   day before the table up to it, so working days between two days of it are a difference
 *   (WorkCalendar.workingDaysBetween: after `a` up to and including `b`);
 * - `dues`: each formed day with its last day to publish (第二十六条: the 20th working day after),
 *   from `lateBefore` — a formed day before it is late whenever published in the year (its due day
 *   is before the year), one after the year's end never is (its due day is after it).
 */
export function yearDayTables(
  calendar: WorkCalendar,
  year: number,
): {
  ordinals: Array<[string, number]>;
  ordinalsFrom: string;
  dues: Array<[string, string]>;
  lateBefore: string;
} {
  const [from, to] = yearRange(year);
  const ordinalsFrom = `${year - 1}-01-01`;
  const base = shiftDay(ordinalsFrom, -1);
  const ordinals = daysFrom(ordinalsFrom, to).map((day): [string, number] => [
    day,
    calendar.workingDaysBetween(base, day),
  ]);
  let lateBefore = shiftDay(from, -28);
  while (calendar.addWorkingDays(shiftDay(lateBefore, -1), PUBLICATION_LIMIT_WORKING_DAYS) >= from)
    lateBefore = shiftDay(lateBefore, -7);
  const dues: Array<[string, string]> = [];
  for (const day of daysFrom(lateBefore, to)) {
    // past the calendar's last year: no due day, never late (a left join finds none)
    if (day > shiftDay(to, -40) && to.startsWith(String(CALENDAR_YEARS.last))) break;
    dues.push([day, calendar.addWorkingDays(day, PUBLICATION_LIMIT_WORKING_DAYS)]);
  }
  return { ordinals, ordinalsFrom, dues, lateBefore };
}

/**
 * The counts of a year for the given agencies, as of `today` (open and overdue are now's). Only
 * disclosure requests (kind `disclosure`) count; publications are the website's (channel
 * `website`: one per item published, whatever else it was posted on). Each is one grouped
 * aggregate per thousand agencies: the working days to answer and the late publications are
 * counted in SQL against yearDayTables, so what comes back grows with the agencies, not the rows.
 */
export async function supervisionYearRows(
  db: Db,
  calendar: WorkCalendar,
  agencyIds: readonly number[],
  year: number,
  today: string,
): Promise<YearRows> {
  const counts = new Map<number, AgencyCounts>();
  const of = (id: number | string) => countsOf(counts, Number(id));
  const answers: DayPairs[] = [];
  const [from, to] = yearRange(year);
  const [prevFrom] = yearRange(year - 1);
  const tables = yearDayTables(calendar, year);
  const k = db.kysely;
  const num = (v: unknown) => Number(v ?? 0);
  const ordinals = sql.join(tables.ordinals.map(([day, n]) => sql`(${day}, cast(${n} as integer))`));
  const dues = sql.join(tables.dues.map(([day, due]) => sql`(${day}, ${due})`));
  // the chunk's aggregates are independent: side by side (PostgreSQL: one pool connection each)
  const chunk = (ids: number[]) => {
    const disclosure = () =>
      k.selectFrom('requests').where('agency_id', 'in', ids).where('kind', '=', 'disclosure');
    const inList = sql.join(ids.map((id) => sql`${id}`));
    const received = async () => {
      const rows = await disclosure()
        .select(['agency_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('received_on', '>=', prevFrom)
        .where('received_on', '<=', to)
        .select((eb) => eb.fn.countAll<number>().filterWhere('received_on', '>=', from).as('this_year'))
        .groupBy('agency_id')
        .execute();
      for (const r of rows) {
        of(r.agency_id).received = num(r.this_year);
        of(r.agency_id).previous.received = num(r.n) - num(r.this_year);
      }
    };
    const now = async () => {
      const rows = await disclosure()
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
      for (const r of rows) {
        of(r.agency_id).open = num(r.open);
        of(r.agency_id).overdue = num(r.overdue);
      }
    };
    const outcomes = async () => {
      const rows = await disclosure()
        .select(['agency_id', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
        .where('decided_on', '>=', from)
        .where('decided_on', '<=', to)
        .where('outcome', 'is not', null)
        .groupBy(['agency_id', 'outcome'])
        .execute();
      for (const r of rows)
        if (r.outcome && isOutcome(r.outcome)) of(r.agency_id).outcomes[outcomeGroup(r.outcome)] += num(r.n);
    };
    // working days from receipt to answer: a histogram per agency. PostgreSQL hashes the ordinal
    // table and joins it twice; SQLite cannot index a VALUES table (each row would scan it), so
    // there the distinct pairs of days come back and the caller counts each pair once.
    const answerDays = async () => {
      if (db.dialect !== 'postgres') return;
      const days = await sql<{ agency_id: number; days: number; n: number }>`
        with ordinals(day, n) as (values ${ordinals})
        select r.agency_id, d.n - s.n as days, count(*) as n
        from requests r join ordinals s on s.day = r.received_on join ordinals d on d.day = r.decided_on
        where r.agency_id in (${inList}) and r.kind = 'disclosure' and r.outcome is not null
          and r.decided_on >= ${from} and r.decided_on <= ${to}
        group by r.agency_id, d.n - s.n`.execute(k);
      for (const r of days.rows) {
        const histogram = of(r.agency_id).answerDays;
        histogram.set(num(r.days), (histogram.get(num(r.days)) ?? 0) + num(r.n));
      }
    };
    const answerPairs = async () => {
      let pairs = disclosure()
        .select(['agency_id', 'received_on', 'decided_on', (eb) => eb.fn.countAll<number>().as('n')])
        .where('decided_on', '>=', from)
        .where('decided_on', '<=', to)
        .where('outcome', 'is not', null);
      if (db.dialect === 'postgres') pairs = pairs.where('received_on', '<', tables.ordinalsFrom);
      for (const r of await pairs.groupBy(['agency_id', 'received_on', 'decided_on']).execute())
        if (r.decided_on)
          answers.push({ agencyId: Number(r.agency_id), from: r.received_on, to: r.decided_on, n: num(r.n) });
    };
    const reviews = async () => {
      const rows = await k
        .selectFrom('review_cases')
        .select(['agency_id', 'grp', 'result', (eb) => eb.fn.countAll<number>().as('n')])
        .where('agency_id', 'in', ids)
        .where('filed_on', '>=', from)
        .where('filed_on', '<=', to)
        .groupBy(['agency_id', 'grp', 'result'])
        .execute();
      for (const r of rows) {
        const c = of(r.agency_id)[r.grp === 'review' ? 'reviews' : 'suits'];
        c.filed += num(r.n);
        if (r.result !== null) c.concluded += num(r.n);
        if (r.result === 'corrected') c.corrected += num(r.n);
      }
    };
    // website publications of both years; of this year's, the late ones (published after the due
    // day of the day they were formed, or formed before the due table)
    const published = async () => {
      for (const r of await publishedCounts(db, inList, { prevFrom, from, to }, dues, tables.lateBefore)) {
        const c = of(r.agency_id);
        c.published += num(r.this_year);
        c.previous.published += num(r.n) - num(r.this_year);
        c.late += num(r.late);
      }
    };
    return Promise.all([received(), now(), outcomes(), answerDays(), answerPairs(), reviews(), published()]);
  };
  await Promise.all(chunks(agencyIds).map(chunk));
  return { counts, answers };
}

/**
 * Per agency: website publications of the year and the year before, and the year's late ones.
 * PostgreSQL: one pass, the due table hashed and left-joined. SQLite cannot index a VALUES table
 * (each row would scan it), so there the late ones formed on a day of the table are counted apart,
 * per agency and day a probe of publications_agency_channel_formed (0040), the CROSS JOINs keeping
 * that order.
 */
async function publishedCounts(
  db: Db,
  inList: ReturnType<typeof sql.join>,
  range: { prevFrom: string; from: string; to: string },
  dues: ReturnType<typeof sql.join>,
  lateBefore: string,
): Promise<Array<{ agency_id: number; n: number; this_year: number; late: number }>> {
  const { prevFrom, from, to } = range;
  if (db.dialect === 'postgres') {
    const rows = await sql<{ agency_id: number; n: number; this_year: number; late: number }>`
      with dues(day, due_on) as (values ${dues})
      select p.agency_id, count(*) as n, sum(case when p.published_on >= ${from} then 1 else 0 end) as this_year,
        sum(case when p.published_on >= ${from}
          and (p.formed_on < ${lateBefore} or p.published_on > u.due_on) then 1 else 0 end) as late
      from publications p left join dues u on u.day = p.formed_on
      where p.agency_id in (${inList}) and p.channel = 'website'
        and p.published_on >= ${prevFrom} and p.published_on <= ${to}
      group by p.agency_id`.execute(db.kysely);
    return rows.rows;
  }
  const totals = await sql<{ agency_id: number; n: number; this_year: number; late: number }>`
    select agency_id, count(*) as n, sum(case when published_on >= ${from} then 1 else 0 end) as this_year,
      sum(case when published_on >= ${from} and formed_on < ${lateBefore} then 1 else 0 end) as late
    from publications
    where agency_id in (${inList}) and channel = 'website' and published_on >= ${prevFrom} and published_on <= ${to}
    group by agency_id`.execute(db.kysely);
  const late = await sql<{ agency_id: number; n: number }>`
    with dues(day, due_on) as (values ${dues})
    select a.id as agency_id, count(*) as n from agencies a cross join dues u cross join publications p
    where a.id in (${inList}) and p.agency_id = a.id and p.channel = 'website' and p.formed_on = u.day
      and p.published_on > u.due_on and p.published_on >= ${from} and p.published_on <= ${to}
    group by a.id`.execute(db.kysely);
  const lateOf = new Map(late.rows.map((r) => [Number(r.agency_id), Number(r.n)]));
  return totals.rows.map((r) => ({
    ...r,
    late: Number(r.late ?? 0) + (lateOf.get(Number(r.agency_id)) ?? 0),
  }));
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
    // each agency's latest day: one probe of the (agency_id, day, …) key each, not every day's rows
    const latest = (
      await db.kysely
        .selectFrom('agencies as a')
        .select([
          'a.id as agency_id',
          (eb) =>
            eb
              .selectFrom('inspection_results as r')
              .select((r) => r.fn.max('r.day').as('day'))
              .whereRef('r.agency_id', '=', 'a.id')
              .as('day'),
        ])
        .where('a.id', 'in', ids)
        .execute()
    ).filter((l): l is { agency_id: number; day: string } => l.day !== null);
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
