import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { todayInChina } from '../../domain/dates.ts';
import { type ReviewDecision, reviewRefusal } from '../../domain/registry/lifecycle.ts';
import { AppError } from '../../errors.ts';
import type { Actor, Trx } from '../context.ts';
import { applyAmendment } from './amend-document.ts';
import { type ParsedReviewDecision as Decision, parseInput, type ReviewInput, reviewBody } from './inputs.ts';
import {
  appendRegistryEvent,
  conflictOr,
  loadDocument,
  requireEditor,
  requireNotFuture,
} from './registry-store.ts';
import { applyRepeal } from './repeal-document.ts';

export interface RecordedDecision {
  reviewId: number;
  documentId: number;
  decision: ReviewDecision;
  /** the new version an `amended` decision produced */
  resultDocumentId: number | null;
}

/**
 * 清理: records decisions of a year's review pass, one per document in force on the review day —
 * 保留 (kept), 修改 (amended) or 废止 (repealed) — all or nothing. A decision to amend or repeal
 * carries the new version or the repealing document and carries it out in the same transaction
 * (so the registry never says “decided to repeal” about a document still in force); a document
 * already reviewed in that year's pass, or not in force, is refused. See docs/registry.md.
 */
export async function reviewPass(
  db: Db,
  agencyId: number,
  year: number,
  input: ReviewInput,
  actor: Actor,
  now: Date,
): Promise<RecordedDecision[]> {
  requireEditor(actor);
  if (!Number.isInteger(year) || year < 1990 || year > 2999)
    throw new AppError('validation', '清理年度应为四位年份，如 2021。');
  const body = parseInput(reviewBody, input);
  requireNotFuture('清理日期', 'reviewedOn', body.reviewedOn, todayInChina(now));
  const ids = body.decisions.map((d) => d.documentId);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined)
    throw new AppError('validation', `文件 ${repeated} 在本次清理中出现了两次，每件文件只作一个决定。`);
  try {
    return await inTransaction(db, async (trx) => {
      const recorded: RecordedDecision[] = [];
      for (const [index, decision] of body.decisions.entries()) {
        try {
          recorded.push(await recordDecision(trx, agencyId, year, body.reviewedOn, decision, actor, now));
        } catch (error) {
          if (error instanceof AppError)
            throw new AppError(
              error.code,
              `第 ${index + 1} 项（文件 ${decision.documentId}）：${error.message}`,
              error.details,
            );
          throw error;
        }
      }
      return recorded;
    });
  } catch (error) {
    return conflictOr(error);
  }
}

async function recordDecision(
  trx: Trx,
  agencyId: number,
  year: number,
  reviewedOn: string,
  decision: Decision,
  actor: Actor,
  now: Date,
): Promise<RecordedDecision> {
  const doc = await loadDocument(trx, agencyId, decision.documentId);
  const refused = reviewRefusal(doc, reviewedOn, year);
  if (refused) throw new AppError('invalid_state', refused);
  const earlier = await trx
    .selectFrom('registry_reviews')
    .select(['decision', 'reviewed_on'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('document_id', '=', doc.id)
    .executeTakeFirst();
  if (earlier)
    throw new AppError(
      'conflict',
      `该文件在 ${year} 年度清理中已于 ${earlier.reviewed_on} 作出决定，不能重复清理。`,
    );
  const resultDocumentId = await carryOut(trx, decision, reviewedOn, doc, actor, now);
  const inserted = await trx
    .insertInto('registry_reviews')
    .values({
      agency_id: agencyId,
      year,
      document_id: doc.id,
      decision: decision.decision,
      note: decision.note,
      reviewed_on: reviewedOn,
      result_document_id: resultDocumentId,
      actor: actor.username,
      recorded_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendRegistryEvent(trx, {
    agencyId,
    documentId: doc.id,
    type: 'registry.reviewed',
    actor,
    at: now,
    data: { year, reviewedOn, decision: decision.decision, note: decision.note, resultDocumentId },
  });
  return { reviewId: inserted.id, documentId: doc.id, decision: decision.decision, resultDocumentId };
}

/** An amend or repeal decision is carried out now, on or after the review day; a kept one changes nothing. */
async function carryOut(
  trx: Trx,
  decision: Decision,
  reviewedOn: string,
  doc: Awaited<ReturnType<typeof loadDocument>>,
  actor: Actor,
  now: Date,
): Promise<number | null> {
  const { amendment, repeal } = decision;
  if (decision.decision === 'kept') {
    if (amendment || repeal) throw new AppError('validation', '“保留”的决定不应附 amendment 或 repeal。');
    return null;
  }
  if (decision.decision === 'amended') {
    if (!amendment || repeal)
      throw new AppError(
        'validation',
        '“修改”的决定须附 amendment（新版本的文号、标题、制发日期），不附 repeal。',
      );
    const issuedOn = amendment.issuedOn ?? reviewedOn;
    if (issuedOn < reviewedOn)
      throw new AppError('validation', `新版本制发日期 ${issuedOn} 早于清理日期 ${reviewedOn}。`);
    return applyAmendment(trx, doc, { ...amendment, issuedOn }, actor, now);
  }
  if (!repeal || amendment)
    throw new AppError(
      'validation',
      '“废止”的决定须附 repeal（废止依据的文件 repealedBy），不附 amendment。',
    );
  const repealedOn = repeal.repealedOn ?? reviewedOn;
  if (repealedOn < reviewedOn)
    throw new AppError('validation', `废止日期 ${repealedOn} 早于清理日期 ${reviewedOn}。`);
  await applyRepeal(trx, doc, { repealedBy: repeal.repealedBy, repealedOn }, actor, now);
  return null;
}
