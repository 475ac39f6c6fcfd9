import type { Db } from '../../db/connection.ts';
import { loadActorNames } from '../../db/queries/actor-names.ts';
import { DOCUMENT_COLUMNS, selectDocuments } from '../../db/queries/registry.ts';
import { type RegistryDocument, toRegistryDocument } from '../../domain/registry/document.ts';
import {
  REVIEW_DECISION_LABELS,
  REVIEW_DECISIONS,
  type ReviewDecision,
} from '../../domain/registry/lifecycle.ts';

export interface ReviewedDocument {
  reviewId: number;
  decision: ReviewDecision;
  decisionLabel: string;
  note: string;
  reviewedOn: string;
  actor: string;
  /** who decided, by name (姓名) */
  actorName: string;
  resultDocumentId: number | null;
  document: RegistryDocument;
}

/** A year's review pass: the decisions taken, and the documents in force still awaiting one. */
export interface ReviewPassView {
  year: number;
  decisions: ReviewedDocument[];
  /** in force now, issued by the year's end, with no decision in this pass */
  pending: RegistryDocument[];
  counts: Record<ReviewDecision | 'pending', number>;
}

/**
 * The year's 清理 as the registry holds it (the basis of the published list of documents kept,
 * amended and repealed): every decision with the document as it was reviewed, and what is left.
 */
export async function readReviewPass(db: Db, agencyId: number, year: number): Promise<ReviewPassView> {
  const reviewed = await selectDocuments(db.kysely, agencyId)
    .innerJoin('registry_reviews as r', 'r.document_id', 'd.id')
    .where('r.year', '=', year)
    .select(DOCUMENT_COLUMNS)
    .select(['r.id as review_id', 'r.decision', 'r.note', 'r.reviewed_on', 'r.actor', 'r.result_document_id'])
    .orderBy('r.id')
    .execute();
  const pending = await selectDocuments(db.kysely, agencyId)
    .where('d.status', '=', 'in_force')
    .where('d.repealed_on', 'is', null)
    .where('d.issued_on', '<=', `${year}-12-31`)
    .where('d.id', 'not in', (eb) =>
      eb
        .selectFrom('registry_reviews')
        .select('document_id')
        .where('agency_id', '=', agencyId)
        .where('year', '=', year),
    )
    .select(DOCUMENT_COLUMNS)
    .orderBy('d.issued_on')
    .orderBy('d.id')
    .execute();
  const names = await loadActorNames(
    db,
    reviewed.map((r) => r.actor),
  );
  const decisions = reviewed.map((r) => {
    const decision = r.decision as ReviewDecision;
    return {
      reviewId: r.review_id,
      decision,
      decisionLabel: REVIEW_DECISION_LABELS[decision] ?? r.decision,
      note: r.note,
      reviewedOn: r.reviewed_on,
      actor: r.actor,
      actorName: names(r.actor),
      resultDocumentId: r.result_document_id,
      document: toRegistryDocument(r),
    };
  });
  const counts = Object.fromEntries(
    REVIEW_DECISIONS.map((d) => [d, decisions.filter((x) => x.decision === d).length]),
  ) as Record<ReviewDecision, number>;
  return {
    year,
    decisions,
    pending: pending.map(toRegistryDocument),
    counts: { ...counts, pending: pending.length },
  };
}
