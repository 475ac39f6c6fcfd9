import type { ReviewResult, T4Group } from '../../domain/report/vocabulary.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { noteOnCase } from './case-store.ts';

export interface RecordReviewInput {
  agencyId: number;
  requestId: number;
  group: T4Group;
  filedOn: string;
  decidedOn: string | null;
  result: ReviewResult | null;
}

/**
 * Records a reconsideration or lawsuit about a request (table 四 counts it by its filed year;
 * undecided at a year's end it is 尚未审结), with an event on the request. The case's own state
 * does not change: the answer stands until a decision corrects it.
 */
export async function recordReviewCase(
  ctx: CommandContext,
  input: RecordReviewInput,
): Promise<{ reviewId: number }> {
  const refusal = requestRefusal(ctx.actor, 'record_review');
  if (refusal) throw new AppError('forbidden', refusal);
  const today = ctx.clock.today();
  if ((input.decidedOn === null) !== (input.result === null)) {
    throw new AppError('validation', '已审结的案件须同时填写审结日期和审结结果；尚未审结的两者都不填。');
  }
  if (input.filedOn > today) throw new AppError('validation', `立案日期（${input.filedOn}）不能晚于今天。`);
  if (input.decidedOn && input.decidedOn > today) {
    throw new AppError('validation', `审结日期（${input.decidedOn}）不能晚于今天。`);
  }
  if (input.decidedOn && input.decidedOn < input.filedOn) {
    throw new AppError('validation', '审结日期不能早于立案日期。');
  }
  return noteOnCase(ctx, input, async (trx, row) => {
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
    const { group, decidedOn, result } = input;
    return {
      event: {
        eventType: 'review_recorded',
        occurredOn: input.filedOn,
        data: { reviewId: inserted.id, group, decidedOn, result },
      },
      result: { reviewId: inserted.id },
    };
  });
}
