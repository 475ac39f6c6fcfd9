/**
 * The proposals to publish proactively of an agency's year (条例 第四十四条): its requests received that
 * year grouped by the information sought (domain/requests/proposals), with the decisions taken and the
 * items opened. The grouping runs in memory: one read of the year's requests (id, applicant, text,
 * outcome, suggestion), one of the decisions, one of the linked items.
 */

import type { Reader } from '../../commands/context.ts';
import type { Outcome } from '../../domain/report/vocabulary.ts';
import {
  applicantKey,
  draftTitle,
  findProposals,
  type Proposal,
  type ProposalDecision,
  type ProposalStatus,
  proposalKey,
} from '../../domain/requests/proposals/proposals.ts';
import {
  isSuggestionReason,
  type PublishSuggestion,
  SUGGESTION_REASON_LABELS,
} from '../../domain/requests/proposals/suggestion.ts';
import { requestTerms } from '../../search/request-terms.ts';
import type { Db } from '../connection.ts';
import { loadActorNames } from './actor-names.ts';

type Kysely = Db['kysely'] | Reader;

/** A stored suggestion (JSON) as the API shows it, or null. */
export function suggestionOf(stored: string | null) {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as Partial<PublishSuggestion>;
    const reasons = (value.reasons ?? []).filter(isSuggestionReason);
    return { reasons, reasonLabels: reasons.map((r) => SUGGESTION_REASON_LABELS[r]), note: value.note ?? '' };
  } catch {
    return null;
  }
}

function applicantOf(stored: string | null): Record<string, string> | null {
  if (!stored) return null;
  try {
    const value: unknown = JSON.parse(stored);
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : null;
  } catch {
    return null;
  }
}

/**
 * The year's disclosure requests as stored, for the grouping. A correction request (条例 第四十一条,
 * kind `record_correction`) asks that a record about the applicant be corrected, not that information
 * be disclosed: 第四十四条 (“就相同政府信息……提出公开申请”) does not count it.
 */
async function yearRequests(db: Kysely, agencyId: number, year: number) {
  return db
    .selectFrom('requests')
    .select([
      'id',
      'registration_no',
      'received_on',
      'applicant',
      'information',
      'state',
      'outcome',
      'legal_basis',
      'publish_suggestion',
    ])
    .where('agency_id', '=', agencyId)
    .where('kind', '=', 'disclosure')
    .where('received_on', '>=', `${year}-01-01`)
    .where('received_on', '<=', `${year}-12-31`)
    .orderBy('id')
    .execute();
}

/** The decisions of an agency (all years: a key names its requests). */
async function decisions(db: Kysely, agencyId: number) {
  return db
    .selectFrom('publication_proposals')
    .select(['id', 'request_key', 'result', 'reason', 'item_id', 'actor', 'decided_at'])
    .where('agency_id', '=', agencyId)
    .execute();
}

const idsOfKey = (key: string) => key.split(',').map(Number);

/** The proposals of an agency's year as the domain computes them (the commands check against these). */
export async function computeProposals(db: Kysely, agencyId: number, year: number): Promise<Proposal[]> {
  const [rows, decided] = await Promise.all([yearRequests(db, agencyId, year), decisions(db, agencyId)]);
  return proposalsOf(rows, decided);
}

function proposalsOf(
  rows: Awaited<ReturnType<typeof yearRequests>>,
  decided: Awaited<ReturnType<typeof decisions>>,
): Proposal[] {
  return findProposals(
    rows.map((r) => ({
      id: r.id,
      terms: requestTerms(r.information),
      applicant: applicantKey(applicantOf(r.applicant)),
      outcome: r.outcome as Outcome | null,
      basis: r.legal_basis,
      suggested: r.publish_suggestion !== null,
    })),
    decided.map(
      (d): ProposalDecision => ({
        requestIds: idsOfKey(d.request_key),
        result: d.result as ProposalDecision['result'],
        itemId: d.item_id,
      }),
    ),
  );
}

/**
 * The list the queue shows: each proposal with its requests, the items opened and the decision
 * taken on exactly its requests; by default the open and included ones (a proposal decided 不纳入
 * does not come back), or those of one status.
 */
export async function listProposals(db: Db, agencyId: number, year: number, status?: ProposalStatus) {
  const kysely = db.kysely;
  const [rows, decided] = await Promise.all([
    yearRequests(kysely, agencyId, year),
    decisions(kysely, agencyId),
  ]);
  const all = proposalsOf(rows, decided);
  const counts = {
    open: all.filter((p) => p.status === 'open').length,
    included: all.filter((p) => p.status === 'included').length,
    notIncluded: all.filter((p) => p.status === 'not_included').length,
  };
  const shown = all.filter((p) => (status ? p.status === status : p.status !== 'not_included'));
  const itemIds = [...new Set(shown.flatMap((p) => p.itemIds))];
  const items =
    itemIds.length === 0
      ? []
      : await kysely
          .selectFrom('items')
          .select(['id', 'title', 'status'])
          .where('agency_id', '=', agencyId)
          .where('id', 'in', itemIds)
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const decisionByKey = new Map(decided.map((d) => [d.request_key, d]));
  const names = await loadActorNames(
    db,
    shown.map((p) => decisionByKey.get(proposalKey(p.requestIds))?.actor),
  );
  const proposals = shown.map((p) => {
    const key = proposalKey(p.requestIds);
    const decision = decisionByKey.get(key);
    const first = byId.get(p.requestIds[0]);
    return {
      key,
      ...p,
      title: draftTitle(first?.information ?? p.commonTerms.join('')),
      requests: p.requestIds.map((id) => {
        const r = byId.get(id);
        return {
          id,
          registrationNo: r?.registration_no ?? null,
          receivedOn: r?.received_on ?? '',
          applicantName: applicantOf(r?.applicant ?? null)?.name ?? '',
          information: r?.information ?? '',
          state: r?.state ?? '',
          outcome: r?.outcome ?? null,
          suggestion: suggestionOf(r?.publish_suggestion ?? null),
        };
      }),
      items: items.filter((i) => p.itemIds.includes(i.id)),
      decision: decision
        ? {
            result: decision.result as 'included' | 'not_included',
            reason: decision.reason,
            actor: decision.actor,
            actorName: names(decision.actor),
            decidedAt: decision.decided_at,
          }
        : null,
    };
  });
  return { year, proposals, counts };
}

/** What a case shows of 第四十四条: the suggestion, the decisions on proposals it was part of, the items. */
export async function casePublication(
  db: Db,
  agencyId: number,
  requestId: number,
  suggestion: string | null,
) {
  const id = String(requestId);
  const rows = await db.kysely
    .selectFrom('publication_proposals')
    .leftJoin('items', 'items.id', 'publication_proposals.item_id')
    .select([
      'publication_proposals.id',
      'publication_proposals.result',
      'publication_proposals.reason',
      'publication_proposals.actor',
      'publication_proposals.decided_at',
      'publication_proposals.item_id',
      'items.title as item_title',
      'items.status as item_status',
    ])
    .where('publication_proposals.agency_id', '=', agencyId)
    .where((eb) =>
      eb.or([
        eb('request_key', '=', id),
        eb('request_key', 'like', `${id},%`),
        eb('request_key', 'like', `%,${id}`),
        eb('request_key', 'like', `%,${id},%`),
      ]),
    )
    .orderBy('publication_proposals.id')
    .execute();
  return {
    suggestion: suggestionOf(suggestion),
    decisions: rows.map((r) => ({
      id: r.id,
      result: r.result as 'included' | 'not_included',
      reason: r.reason,
      actor: r.actor,
      decidedAt: r.decided_at,
      item:
        r.item_id !== null ? { id: r.item_id, title: r.item_title ?? '', status: r.item_status ?? '' } : null,
    })),
  };
}
