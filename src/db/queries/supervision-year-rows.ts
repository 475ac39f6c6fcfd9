/**
 * The 工作台's counts of a year per agency (domain/supervision/overview.ts): requests received,
 * open, overdue and answered with their outcomes and working days to answer, 复议/诉讼, items
 * published and those late under 第二十六条 — grouped aggregates over the subtree's agencies a
 * thousand ids at a time, the working days counted in SQL against day tables worked out once from
 * the calendar (docs/supervision.md “Scale”).
 */
import { sql } from 'kysely';
import { addDays } from '../../domain/calendar/days.ts';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import { CALENDAR_YEARS } from '../../domain/calendar/work-calendar.ts';
import { PUBLICATION_LIMIT_WORKING_DAYS } from '../../domain/items/timeliness.ts';
import { isOutcome, outcomeGroup } from '../../domain/report/vocabulary.ts';
import { CLOCK_RUNNING_STATES } from '../../domain/requests/queues.ts';
import { type AgencyCounts, countsOf } from '../../domain/supervision/overview.ts';
import type { Db } from '../connection.ts';
import { chunks } from './supervision.ts';

/** Day-pairs (a start and an end day) with how many rows share them, per agency. */
export interface DayPairs {
  agencyId: number;
  from: string;
  to: string;
  n: number;
}

const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

/** Every day from `first` to `last`, inclusive. */
function daysFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) out.push(day);
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
  const base = addDays(ordinalsFrom, -1);
  const ordinals = daysFrom(ordinalsFrom, to).map((day): [string, number] => [
    day,
    calendar.workingDaysBetween(base, day),
  ]);
  let lateBefore = addDays(from, -28);
  while (calendar.addWorkingDays(addDays(lateBefore, -1), PUBLICATION_LIMIT_WORKING_DAYS) >= from)
    lateBefore = addDays(lateBefore, -7);
  const dues: Array<[string, string]> = [];
  for (const day of daysFrom(lateBefore, to)) {
    // past the calendar's last year: no due day, never late (a left join finds none)
    if (day > addDays(to, -40) && to.startsWith(String(CALENDAR_YEARS.last))) break;
    dues.push([day, calendar.addWorkingDays(day, PUBLICATION_LIMIT_WORKING_DAYS)]);
  }
  return { ordinals, ordinalsFrom, dues, lateBefore };
}

/**
 * The counts of a year for the given agencies (all but `open` and `overdue`, which are now's:
 * supervisionOpenRows), as kept ahead (commands/supervision/kept-counts.ts). Only
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
): Promise<Map<number, AgencyCounts>> {
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
    return Promise.all([received(), outcomes(), answerDays(), answerPairs(), reviews(), published()]);
  };
  await Promise.all(chunks(agencyIds).map(chunk));
  // answers received before the SQL's working-day table: each distinct pair of days once
  const memo = new Map<string, number>();
  for (const pair of answers) {
    const key = `${pair.from}|${pair.to}`;
    let days = memo.get(key);
    if (days === undefined) {
      days = pair.to > pair.from ? calendar.workingDaysBetween(pair.from, pair.to) : 0;
      memo.set(key, days);
    }
    const histogram = of(pair.agencyId).answerDays;
    histogram.set(days, (histogram.get(days) ?? 0) + pair.n);
  }
  return counts;
}

/** Per agency: disclosure requests open now and those overdue (the answer clock past its due day). */
export async function supervisionOpenRows(
  db: Db,
  agencyIds: readonly number[],
  today: string,
): Promise<Map<number, { open: number; overdue: number }>> {
  const out = new Map<number, { open: number; overdue: number }>();
  const k = db.kysely;
  await Promise.all(
    chunks(agencyIds).map(async (ids) => {
      const rows = await k
        .selectFrom('requests')
        .where('agency_id', 'in', ids)
        .where('kind', '=', 'disclosure')
        .select([
          'agency_id',
          (eb) => eb.fn.countAll<number>().as('open'),
          (eb) =>
            eb.fn
              .countAll<number>()
              .filterWhere((w) => w.and([w('state', 'in', CLOCK_RUNNING_STATES), w('due_on', '<', today)]))
              .as('overdue'),
        ])
        .where('state', '<>', 'decided')
        .groupBy('agency_id')
        .execute();
      for (const r of rows)
        out.set(Number(r.agency_id), { open: Number(r.open ?? 0), overdue: Number(r.overdue ?? 0) });
    }),
  );
  return out;
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
