/**
 * `kept_counts` (0041): agencies' counts of a year kept ahead, and what tells whether they are
 * still right — the latest event of each agency and of the calendar (domain/supervision/kept.ts).
 */
import { sql } from 'kysely';
import { type KeptMark, UNCOUNTED_EVENT_PREFIXES } from '../../domain/supervision/kept.ts';
import type { Db } from '../connection.ts';
import { chunks } from './supervision.ts';

/** A kept row as read. */
export interface KeptRow extends KeptMark {
  data: string;
}

/** The kept rows of a kind and year for the agencies, by agency id. */
export async function readKept(
  db: Db,
  kind: string,
  year: number,
  ids: readonly number[],
): Promise<Map<number, KeptRow>> {
  const out = new Map<number, KeptRow>();
  const parts = await Promise.all(
    chunks(ids).map((part) =>
      db.kysely
        .selectFrom('kept_counts')
        .select(['agency_id', 'data', 'seen_event', 'counted_at'])
        .where('kind', '=', kind)
        .where('year', '=', year)
        .where('agency_id', 'in', part)
        .execute(),
    ),
  );
  for (const rows of parts)
    for (const r of rows)
      out.set(Number(r.agency_id), {
        data: r.data,
        seenEvent: Number(r.seen_event),
        countedAt: r.counted_at,
      });
  return out;
}

/**
 * Each agency's latest event that may change a count (UNCOUNTED_EVENT_PREFIXES left aside; its
 * number and when it was recorded; agencies with none left out): per agency the `events_agency_id`
 * index (0041) read from its end, not a pass over the log.
 */
export async function latestEvents(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { id: number; at: string }>> {
  const out = new Map<number, { id: number; at: string }>();
  const counted = sql.join(
    UNCOUNTED_EVENT_PREFIXES.map((prefix) => sql`e.name not like ${`${prefix}%`}`),
    sql` and `,
  );
  await Promise.all(
    chunks(ids).map(async (part) => {
      const latest = await sql<{ agency_id: number; event_id: number | null }>`
        select a.id as agency_id,
          (select max(e.id) from events e where e.agency_id = a.id and ${counted}) as event_id
        from agencies a where a.id in (${sql.join(part)})`.execute(db.kysely);
      const eventIds = latest.rows.flatMap((r) => (r.event_id === null ? [] : [Number(r.event_id)]));
      if (eventIds.length === 0) return;
      const events = await db.kysely
        .selectFrom('events')
        .select(['id', 'agency_id', 'at'])
        .where('id', 'in', eventIds)
        .execute();
      for (const e of events)
        if (e.agency_id !== null) out.set(Number(e.agency_id), { id: Number(e.id), at: e.at });
    }),
  );
  return out;
}

/** The number of the calendar's latest change (an override, a holiday notice), 0 when none. */
export async function latestCalendarEvent(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('agency_id', 'is', null)
    .where('name', 'like', 'calendar.%')
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Keeps counts (replacing what was kept for the agency, kind and year unless that saw later events). */
export async function keepCounts(
  db: Db,
  kind: string,
  year: number,
  rows: ReadonlyMap<number, KeptRow>,
): Promise<void> {
  const values = [...rows].map(([agency_id, row]) => ({
    agency_id,
    year,
    kind,
    data: row.data,
    seen_event: row.seenEvent,
    counted_at: row.countedAt,
  }));
  // 6 parameters a row: 1,000 rows a statement stays under SQLite's limit
  for (let i = 0; i < values.length; i += 1000)
    await db.kysely
      .insertInto('kept_counts')
      .values(values.slice(i, i + 1000))
      .onConflict((oc) =>
        oc
          .columns(['kind', 'year', 'agency_id'])
          .doUpdateSet((eb) => ({
            data: eb.ref('excluded.data'),
            seen_event: eb.ref('excluded.seen_event'),
            counted_at: eb.ref('excluded.counted_at'),
          }))
          // a slower count that saw fewer events does not replace a later one
          .where((eb) => eb('kept_counts.seen_event', '<=', eb.ref('excluded.seen_event'))),
      )
      .execute();
}
