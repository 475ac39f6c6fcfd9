/**
 * Records an applicant's suggestion to publish on a case (条例 第四十四条第二款) — told on the form,
 * in the letter or later — with its reasons, as a `publish_suggested` event (before → after). The
 * case's state does not change; the suggestion puts the case among the proposals (a single applicant's
 * suggestion is a proposal too, marked as such).
 *
 * // 条例 第四十四条：“对行政机关依申请公开的政府信息，申请人认为涉及公众利益调整、需要公众广泛知晓或者
 * // 需要公众参与决策的，可以建议行政机关将该信息纳入主动公开的范围。”
 */
import { requestRefusal } from '../../domain/requests/policy.ts';
import {
  normalizeSuggestion,
  type PublishSuggestion,
  suggestionProblem,
} from '../../domain/requests/proposals/suggestion.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { lastEventDate, noteOnCase } from './case-store.ts';

export interface RecordSuggestionInput {
  agencyId: number;
  requestId: number;
  reasons: readonly string[];
  note?: string;
}

export async function recordPublishSuggestion(
  ctx: CommandContext,
  input: RecordSuggestionInput,
): Promise<{ requestId: number; suggestion: PublishSuggestion }> {
  const refusal = requestRefusal(ctx.actor, 'record_suggestion');
  if (refusal) throw new AppError('forbidden', refusal);
  const problem = suggestionProblem(input);
  if (problem) throw new AppError('validation', problem, [{ field: 'reasons', message: problem }]);
  const suggestion = normalizeSuggestion(input);
  return noteOnCase(ctx, input, async (trx, row) => {
    // 第四十四条第二款 is about “依申请公开的政府信息”; a correction request (第四十一条) discloses nothing
    if (row.kind === 'record_correction')
      throw new AppError(
        'conflict',
        '该申请是更正申请（条例第四十一条），不是政府信息公开申请，不能登记建议纳入主动公开（条例第四十四条第二款）。',
      );
    const stored = await trx
      .selectFrom('requests')
      .select('publish_suggestion')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    const before = stored.publish_suggestion ? (JSON.parse(stored.publish_suggestion) as unknown) : null;
    await trx
      .updateTable('requests')
      .set({ publish_suggestion: JSON.stringify(suggestion) })
      .where('id', '=', row.id)
      .execute();
    return {
      event: {
        eventType: 'publish_suggested',
        occurredOn: (await lastEventDate(trx, row.id)) || row.receivedOn,
        data: { before, after: suggestion },
      },
      result: { requestId: row.id, suggestion },
    };
  });
}
