/**
 * Read queries of request cases: the queue (with the overdue and due-soon lists as plain queries
 * over the stored clock columns), one case with its events, and the public view by tracking code.
 */

import { type Expression, type SqlBool, sql } from 'kysely';
import { CLOCK_RUNNING_STATES, QUEUE_FILTERS, type QueueFilter } from '../../domain/requests/queues.ts';
import type { Db } from '../connection.ts';
import { casePublication } from './publication-proposals.ts';

export type { QueueFilter };

export interface QueueOptions {
  filter: QueueFilter;
  today: string;
  /** the last day counted as “due soon” (e.g. 3 working days ahead, from the calendar) */
  dueSoonUntil: string;
  limit: number;
  offset: number;
  /** free text: every word must occur in the registration number, tracking code, applicant name or phone, or the information sought */
  q?: string;
  /** received on or after this ISO date */
  receivedFrom?: string;
  /** received on or before this ISO date */
  receivedTo?: string;
}

export interface CaseSummary {
  id: number;
  registrationNo: string | null;
  applicantType: string;
  /** the person's or the organization's name, as registered */
  applicantName: string | null;
  channel: string;
  receivedOn: string;
  state: string;
  dueOn: string | null;
  dueProvisional: boolean;
  clockState: string | null;
  waitingUntil: string | null;
  outcome: string | null;
  decidedOn: string | null;
  version: number;
  /** disclosure, or record_correction (更正申请, 条例 第四十一条) */
  kind: string;
  /** a correction request's outcome (its `outcome` is empty) */
  correctionOutcome: string | null;
  /** 条例 第四十三条: what the applicant has difficulty with (the queue's tag); empty: none recorded */
  assistanceNeeds: string[];
}

export const SUMMARY_COLUMNS = [
  'id',
  'registration_no',
  'applicant_type',
  'channel',
  'received_on',
  'state',
  'due_on',
  'due_provisional',
  'clock_state',
  'waiting_until',
  'outcome',
  'decided_on',
  'version',
  'kind',
  'correction_outcome',
  'correction_decided_on',
  'assistance',
] as const;

export type SummaryRow = {
  id: number;
  registration_no: string | null;
  applicant_type: string;
  channel: string;
  received_on: string;
  state: string;
  due_on: string | null;
  due_provisional: number;
  clock_state: string | null;
  waiting_until: string | null;
  outcome: string | null;
  decided_on: string | null;
  version: number;
  kind: string;
  correction_outcome: string | null;
  correction_decided_on: string | null;
  assistance: string | null;
  applicant_name: string | null;
};

/** The difficulties of the stored help (requests.assistance), for the queue's tag. */
function assistanceNeedsOf(stored: string | null): string[] {
  if (!stored) return [];
  const parsed = JSON.parse(stored) as { needs?: unknown };
  return Array.isArray(parsed.needs) ? parsed.needs.map(String) : [];
}

/** A summary row as the API shows it. */
export function toSummary(r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    registrationNo: r.registration_no,
    applicantType: r.applicant_type,
    applicantName: r.applicant_name ?? null,
    channel: r.channel,
    receivedOn: r.received_on,
    state: r.state,
    dueOn: r.due_on,
    dueProvisional: Boolean(r.due_provisional),
    clockState: r.clock_state,
    waitingUntil: r.waiting_until,
    outcome: r.outcome,
    // a correction request's answer day is its own column (its decided_on is table 三's)
    decidedOn: r.decided_on ?? r.correction_decided_on,
    version: r.version,
    kind: r.kind,
    correctionOutcome: r.correction_outcome,
    assistanceNeeds: assistanceNeedsOf(r.assistance),
  };
}

/** The states in which the answer clock runs (not waiting on the applicant). */
const RUNNING = CLOCK_RUNNING_STATES;

/** A page of an agency's cases, most urgent first. */
export async function listCases(
  db: Db,
  agencyId: number,
  options: QueueOptions,
): Promise<{ total: number; cases: CaseSummary[] }> {
  let query = db.kysely.selectFrom('requests').where('agency_id', '=', agencyId);
  switch (options.filter) {
    case 'open':
      query = query.where('state', '<>', 'decided');
      break;
    case 'overdue':
      query = query.where('state', 'in', RUNNING).where('due_on', '<', options.today);
      break;
    case 'due_soon':
      query = query
        .where('state', 'in', RUNNING)
        .where('due_on', '>=', options.today)
        .where('due_on', '<=', options.dueSoonUntil);
      break;
    case 'pending_approval':
      query = query.where('id', 'in', (eb) =>
        eb
          .selectFrom('approval_requests')
          .select('request_id')
          .where('state', '=', 'pending')
          .where('request_id', 'is not', null),
      );
      break;
    case 'all':
      break;
    default:
      query = query.where('state', '=', options.filter);
  }
  if (options.receivedFrom) query = query.where('received_on', '>=', options.receivedFrom);
  if (options.receivedTo) query = query.where('received_on', '<=', options.receivedTo);
  for (const word of searchWords(options.q)) query = query.where(matchesWord(db, word));
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(summaryColumns(db))
    .orderBy((eb) => eb.case().when('state', '=', 'decided').then(1).else(0).end())
    .orderBy('due_on')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return { total: Number(total.n), cases: rows.map(toSummary) };
}

/** The words of a queue search (at most 8; blank → none). */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
}

/** A LIKE pattern that finds `text` anywhere, its wildcards (and the escape) taken literally. */
export function containsPattern(text: string): string {
  const lowered = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return `%${lowered.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A field of the stored applicant JSON (requests.applicant), on both databases. */
function applicantField(db: Db, key: 'name' | 'phone') {
  return db.dialect === 'postgres'
    ? sql<string | null>`(applicant::jsonb ->> ${sql.lit(key)})`
    : sql<string | null>`json_extract(applicant, ${sql.lit(`$.${key}`)})`;
}

/** The summary columns of a case, with the applicant's name (queue and dashboard lists). */
export const summaryColumns = (db: Db) =>
  [...SUMMARY_COLUMNS, applicantField(db, 'name').as('applicant_name')] as const;

/**
 * Whether a case matches one word, case-insensitively (ASCII), on both databases: the
 * registration number, tracking code, applicant name (person or organization) or phone (from the
 * stored applicant JSON) or the information sought.
 */
function matchesWord(db: Db, word: string): Expression<SqlBool> {
  const pattern = containsPattern(word);
  const columns = [
    sql.ref('registration_no'),
    applicantField(db, 'name'),
    applicantField(db, 'phone'),
    sql.ref('information'),
  ];
  const tests = columns.map((column) => sql`lower(${column}) like ${pattern} escape '\\'`);
  // a tracking code is stored without the dashes it is shown with (7KX4-9MPQ-2RTB)
  const code = containsPattern(word.replace(/-/g, ''));
  tests.push(sql`lower(${sql.ref('tracking_code')}) like ${code} escape '\\'`);
  return sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}

/** How many cases each dashboard list holds. */
export async function queueCounts(
  db: Db,
  agencyId: number,
  today: string,
  dueSoonUntil: string,
): Promise<Record<QueueFilter, number>> {
  const counts = {} as Record<QueueFilter, number>;
  for (const filter of QUEUE_FILTERS) {
    counts[filter] = (
      await listCases(db, agencyId, { filter, today, dueSoonUntil, limit: 0, offset: 0 })
    ).total;
  }
  return counts;
}

/** One case with everything staff see (the applicant included), or null. */
export async function findCase(db: Db, agencyId: number, requestId: number) {
  const row = await db.kysely
    .selectFrom('requests')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!row) return null;
  const rows = await db.kysely
    .selectFrom('events')
    .select(['id', 'seq', 'name', 'occurred_on', 'at', 'actor', 'state_before', 'state_after', 'data'])
    .where('subject_type', '=', 'request')
    .where('subject_id', '=', String(requestId))
    .orderBy('seq')
    .execute();
  const events = rows.map(({ name, at, occurred_on, state_after, ...rest }) => ({
    ...rest,
    type: name.slice('requests.'.length),
    occurred_on: occurred_on ?? '',
    recorded_at: at,
    state_after: state_after ?? '',
  }));
  const letters = await db.kysely
    .selectFrom('letters')
    .leftJoin('events', 'events.id', 'letters.event_id')
    .select([
      'letters.id',
      'letters.kind',
      'letters.file_name',
      'letters.event_id',
      'letters.created_at',
      'events.occurred_on as issued_on',
      ...SENT_COLUMNS,
      'letters.sent_note',
      'letters.sent_by',
    ])
    .where('letters.request_id', '=', requestId)
    .orderBy('letters.id')
    .execute();
  const reviews = await db.kysely
    .selectFrom('review_cases')
    .select(['id', 'grp', 'filed_on', 'decided_on', 'result'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
  const items = await db.kysely
    .selectFrom('request_items')
    .select(['seq', 'outcome'])
    .where('request_id', '=', requestId)
    .orderBy('seq')
    .execute();
  const attachments = await db.kysely
    .selectFrom('attachments')
    .select(['id', 'file_name', 'media_type', 'size', 'created_at', 'created_by'])
    .where('owner_type', '=', 'request')
    .where('owner_id', '=', requestId)
    .where('agency_id', '=', agencyId)
    .orderBy('id')
    .execute();
  const publication = await casePublication(db, agencyId, requestId, row.publish_suggestion);
  return { row, events, letters, reviews, items, attachments, publication };
}

/** A letter's 送达 the applicant may see (no note, no staff name). */
const SENT_COLUMNS = ['letters.sent_on', 'letters.sent_method', 'letters.sent_tracking_no'] as const;

/** The case behind a tracking code (any agency), with its letters; null when there is none. */
export async function findByTrackingCode(db: Db, trackingCode: string) {
  const row = await db.kysely
    .selectFrom('requests')
    .innerJoin('agencies', 'agencies.id', 'requests.agency_id')
    .select([
      'requests.id',
      'requests.registration_no',
      'requests.received_on',
      'requests.state',
      'requests.outcome',
      'requests.decided_on',
      'requests.correction_decided_on',
      'requests.correction_outcome',
      'requests.kind',
      'agencies.code as agency_code',
      'agencies.name as agency_name',
    ])
    .where('requests.tracking_code', '=', trackingCode)
    .executeTakeFirst();
  if (!row) return null;
  const letters = await db.kysely
    .selectFrom('letters')
    .leftJoin('events', 'events.id', 'letters.event_id')
    .select([
      'letters.id',
      'letters.kind',
      'letters.file_name',
      'letters.created_at',
      // the date printed on the letter (成文日期) is its event's day, as issue-letter.ts fills it
      'events.occurred_on as issued_on',
      ...SENT_COLUMNS,
    ])
    .where('letters.request_id', '=', row.id)
    .orderBy('letters.id')
    .execute();
  return { row, letters };
}
