import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { ReviewResult, T4Group } from '../../domain/report/vocabulary.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../context.ts';
import { appendCaseEvent, conflictOr, loadCase, lockCase } from './case-store.ts';

export interface RecordReviewInput {
  agencyId: number;
  requestId: number;
  group: T4Group;
  filedOn: string;
  decidedOn: string | null;
  result: ReviewResult | null;
  actor: Actor;
  today: string;
}

/**
 * Records a reconsideration or lawsuit about a request (table 四 counts it by its filed year;
 * undecided at a year's end it is 尚未审结), with an event on the request. The case's own state
 * does not change: the answer stands until a decision corrects it.
 */
export async function recordReviewCase(db: Db, input: RecordReviewInput): Promise<{ reviewId: number }> {
  if ((input.decidedOn === null) !== (input.result === null)) {
    throw new AppError('validation', '已审结的案件须同时填写 decidedOn 和 result；尚未审结的两者都不填。');
  }
  if (input.filedOn > input.today)
    throw new AppError('validation', `立案日期 filedOn（${input.filedOn}）不能晚于今天。`);
  if (input.decidedOn && input.decidedOn > input.today) {
    throw new AppError('validation', `审结日期 decidedOn（${input.decidedOn}）不能晚于今天。`);
  }
  if (input.decidedOn && input.decidedOn < input.filedOn) {
    throw new AppError('validation', '审结日期 decidedOn 不能早于立案日期 filedOn。');
  }
  return inTransaction(db, async (trx) => {
    const row = await loadCase(trx, input.agencyId, input.requestId);
    await lockCase(trx, row);
    const inserted = await trx
      .insertInto('review_cases')
      .values({
        agency_id: row.agencyId,
        grp: input.group,
        request_id: row.id,
        filed_on: input.filedOn,
        decided_on: input.decidedOn,
        result: input.result,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendCaseEvent(trx, {
      agencyId: row.agencyId,
      requestId: row.id,
      type: 'review_recorded',
      occurredOn: input.filedOn,
      actor: input.actor.username,
      stateBefore: row.state,
      stateAfter: row.state,
      data: { reviewId: inserted.id, group: input.group, decidedOn: input.decidedOn, result: input.result },
    });
    return { reviewId: inserted.id };
  }).catch((error: unknown) => (error instanceof AppError ? Promise.reject(error) : conflictOr(error)));
}
