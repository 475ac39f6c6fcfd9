/**
 * The reads of 条例 第十八条's yearly review: the decided cases that withheld information under
 * 第十六条 (with what their `requests.decided` event recorded) and the stored review decisions.
 */
import type { Kysely } from 'kysely';
import { actorLabel } from '../../domain/accounts/actor-name.ts';
import {
  A16_OUTCOMES,
  type DecidedCase,
  type WithheldReviewDecision,
  type WithheldReviewRecord,
  type WithheldSubject,
  withheldSubjectsOf,
} from '../../domain/requests/withheld-review.ts';
import type { Database } from '../schema.ts';

type Reader = Kysely<Database>;

/**
 * The information an agency withheld under 第十六条 in cases decided by `upTo` (one case, or all):
 * cases refused under it, and 部分公开 answers (their decision says whether their withheld part or
 * an item rests on it).
 */
export async function loadWithheldSubjects(
  db: Reader,
  agencyId: number,
  filter: { upTo: string; requestId?: number },
): Promise<WithheldSubject[]> {
  let query = db
    .selectFrom('requests')
    .select(['id', 'registration_no', 'ref', 'decided_on', 'outcome', 'information'])
    .where('agency_id', '=', agencyId)
    .where('decided_on', 'is not', null)
    .where('decided_on', '<=', filter.upTo)
    .where('outcome', 'in', [...A16_OUTCOMES, 'partial']);
  if (filter.requestId !== undefined) query = query.where('id', '=', filter.requestId);
  const rows = await query.orderBy('decided_on').orderBy('id').execute();
  if (rows.length === 0) return [];
  const decisions = await decidedEvents(
    db,
    agencyId,
    rows.map((r) => r.id),
  );
  return rows.flatMap((r) =>
    withheldSubjectsOf({
      requestId: r.id,
      caseNo: r.registration_no ?? r.ref,
      decidedOn: r.decided_on ?? '',
      outcome: r.outcome ?? '',
      information: r.information,
      decision: decisions.get(r.id) ?? null,
    }),
  );
}

/** The latest `requests.decided` event's data of each case that has one. */
async function decidedEvents(
  db: Reader,
  agencyId: number,
  requestIds: readonly number[],
): Promise<Map<number, NonNullable<DecidedCase['decision']>>> {
  const found = new Map<number, NonNullable<DecidedCase['decision']>>();
  // in slices: SQLite allows a bounded number of parameters
  for (let i = 0; i < requestIds.length; i += 500) {
    const ids = requestIds.slice(i, i + 500).map(String);
    const rows = await db
      .selectFrom('events')
      .select(['subject_id', 'data', 'seq'])
      .where('agency_id', '=', agencyId)
      .where('subject_type', '=', 'request')
      .where('name', '=', 'requests.decided')
      .where('subject_id', 'in', ids)
      .orderBy('seq')
      .execute();
    for (const row of rows) found.set(Number(row.subject_id), JSON.parse(row.data));
  }
  return found;
}

/** The stored review decisions of an agency (one case, or all), every year. */
export async function loadWithheldReviewRecords(
  db: Reader,
  agencyId: number,
  filter: { requestId?: number } = {},
): Promise<WithheldReviewRecord[]> {
  let query = db
    .selectFrom('withheld_reviews as w')
    .leftJoin('users', 'users.username', 'w.actor')
    .selectAll('w')
    .select('users.display_name')
    .where('w.agency_id', '=', agencyId);
  if (filter.requestId !== undefined) query = query.where('w.request_id', '=', filter.requestId);
  const rows = await query.orderBy('w.id').execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    requestId: r.request_id,
    part: r.part,
    seq: r.seq,
    decision: r.decision as WithheldReviewDecision,
    reason: r.reason,
    itemId: r.item_id,
    actor: r.actor,
    actorName: actorLabel(r.actor, r.display_name ?? undefined),
    recordedAt: r.recorded_at,
  }));
}

/** The states of items by id. */
export async function itemStates(
  db: Reader,
  agencyId: number,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('items')
    .select(['id', 'status'])
    .where('agency_id', '=', agencyId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.status]));
}
