/**
 * 条例 第四十三条：“申请公开政府信息的公民存在阅读困难或者视听障碍的，行政机关应当为其提供必要的帮助。”
 * Records on a case what the applicant has difficulty with and the help given (after registration;
 * at registration it is part of registerRequest): stored on the case (requests.assistance) with an
 * `assistance_recorded` event keeping before → after, in one transaction through the note pipeline.
 * Recording again replaces it (the events keep each one). Never shown on the public tracking page.
 */

import type { ApplicantType } from '../../domain/report/vocabulary.ts';
import {
  type Assistance,
  type AssistanceInput,
  type AssistanceNeed,
  assistanceProblems,
} from '../../domain/requests/intake.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { noteOnCase } from './case-store.ts';

export interface RecordAssistanceInput {
  agencyId: number;
  requestId: number;
  expectedVersion: number;
  assistance: AssistanceInput;
}

/** The help as stored: the input, who recorded it and on which day. */
export interface StoredAssistance extends Assistance {
  recordedBy: string;
  recordedOn: string;
}

/** Records the help given; 403 without the role, 400 (nothing written) on bad input, 409 on a stale version. */
export async function recordAssistance(
  ctx: CommandContext,
  input: RecordAssistanceInput,
): Promise<{ requestId: number; version: number }> {
  const refusal = requestRefusal(ctx.actor, 'record_assistance');
  if (refusal) throw new AppError('forbidden', refusal);
  const { agencyId, requestId, expectedVersion } = input;
  return noteOnCase(ctx, { agencyId, requestId, expectedVersion }, async (trx, row) => {
    const stored = await trx
      .selectFrom('requests')
      .select(['applicant_type', 'assistance'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    const problems = assistanceProblems(stored.applicant_type as ApplicantType, input.assistance);
    if (problems.length > 0)
      throw new AppError(
        'validation',
        `帮助情况有误：${problems.map((p) => p.message).join('；')}`,
        problems,
      );
    const before = stored.assistance ? (JSON.parse(stored.assistance) as StoredAssistance) : null;
    const today = ctx.clock.today();
    const after: StoredAssistance = {
      needs: [...(input.assistance.needs ?? [])] as AssistanceNeed[],
      help: (input.assistance.help ?? '').trim(),
      recordedBy: ctx.actor.username,
      recordedOn: today,
    };
    await trx
      .updateTable('requests')
      .set({ assistance: JSON.stringify(after) })
      .where('id', '=', row.id)
      .execute();
    // the event does not move the clock; it is dated today (no entry of a case is dated after today)
    return {
      event: {
        eventType: 'assistance_recorded',
        occurredOn: today,
        data: { before, after },
      },
      result: { requestId: row.id, version: row.version + 1 },
    };
  });
}
