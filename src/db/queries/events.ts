/** "Who did what, when": the one read of the event log, newest first, a page at a time. */
import type { EventLine } from '../../domain/events/summary.ts';
import type { Db } from '../connection.ts';

export interface EventFilter {
  agencyId?: number;
  /** a username, exactly */
  actor?: string;
  /** `requests` (an area) or `requests.extended` (one name) */
  name?: string;
  subject?: { type: string; id: string | number };
  /** instants (ISO UTC), inclusive */
  from?: string;
  to?: string;
  limit: number;
  /** the `nextCursor` of the page before */
  cursor?: string;
}

/** One event as read. */
export interface EventEntry extends EventLine {
  id: number;
  seq: number;
  agencyId: number | null;
}

export interface EventPage {
  events: EventEntry[];
  /** where the next page starts; null on the last page */
  nextCursor: string | null;
}

/** The cursor after an event: its instant and id (events are ordered by both, newest first). */
function cursorOf(entry: { at: string; id: number }): string {
  return `${entry.at}_${entry.id}`;
}

function parseCursor(cursor: string): { at: string; id: number } | null {
  const match = /^(.+)_(\d+)$/.exec(cursor);
  return match ? { at: match[1], id: Number(match[2]) } : null;
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The events matching a filter, newest first, `limit` at a time (keyset paging by the cursor). */
export async function listEvents(db: Db, filter: EventFilter): Promise<EventPage> {
  let query = db.kysely.selectFrom('events').selectAll();
  if (filter.agencyId !== undefined) query = query.where('agency_id', '=', filter.agencyId);
  if (filter.actor) query = query.where('actor', '=', filter.actor);
  if (filter.name)
    query = filter.name.includes('.')
      ? query.where('name', '=', filter.name)
      : query.where('name', 'like', `${filter.name.replace(/[%_]/g, '')}.%`);
  if (filter.subject)
    query = query
      .where('subject_type', '=', filter.subject.type)
      .where('subject_id', '=', String(filter.subject.id));
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<=', filter.to);
  const after = filter.cursor ? parseCursor(filter.cursor) : null;
  if (after)
    query = query.where((eb) =>
      eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]),
    );
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    events: page.map((r) => ({
      id: r.id,
      name: r.name,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      seq: r.seq,
      agencyId: r.agency_id,
      actor: r.actor,
      at: r.at,
      occurredOn: r.occurred_on,
      stateBefore: r.state_before,
      stateAfter: r.state_after,
      data: parseData(r.data),
    })),
    nextCursor: rows.length > filter.limit && last ? cursorOf(last) : null,
  };
}
