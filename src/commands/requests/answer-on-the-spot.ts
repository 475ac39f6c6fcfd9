/**
 * 当场答复: a request handed in and answered the same day, in one step.
 *
 * 条例 第三十三条第一款：“行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。”
 *
 * One transaction: the registration (register-request.ts: the applicant checked, received today,
 * the registration number, the 登记回执 saying it is answered on the spot), the decision (the `decide` action through
 * apply-case-action.ts: the same payload and checks — outcome, basis, its fields, the remedies — and
 * the 答复书 dated the day received), and the event that says it was answered on the spot. Any
 * refusal writes nothing: no request, no event, no letter, no registration number used.
 */
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import type { ApplicantType, RequestChannel } from '../../domain/report/vocabulary.ts';
import type { ApplicantInput } from '../../domain/requests/applicant.ts';
import { onTheSpotRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import { type Actor, type CommandContext, fixedCalendar } from '../context.ts';
import { applyCaseAction } from './apply-case-action.ts';
import { appendCaseEvent } from './case-store.ts';
import type { RegisterRequestInput } from './prepare-registration.ts';
import { type RegisteredRequest, registerRequest } from './register-request.ts';

/** The channels a request may be answered on the spot through: handed in at the office. */
export const ON_THE_SPOT_CHANNELS: readonly RequestChannel[] = ['in_person'];

/** 条例 第三十三条第一款, as the event records it. */
export const ON_THE_SPOT_ARTICLE =
  '条例第三十三条第一款：“行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。”';

export interface AnswerOnTheSpotInput {
  agencyId: number;
  /** how it was received: in person (ON_THE_SPOT_CHANNELS) */
  channel: RequestChannel;
  applicantType: ApplicantType;
  applicant: ApplicantInput;
  /** how the receipt was established; default “当面递交，当场答复” */
  receiptNote?: string;
  /** 条例 第四十三条: the help given to the applicant, as at any registration */
  assistance?: RegisterRequestInput['assistance'];
  /** 条例 第四十四条第二款: the applicant's suggestion to publish, as at any registration */
  publishSuggestion?: RegisterRequestInput['publishSuggestion'];
  /** the payload of `decide` (outcome or items, basis, reasons, fields, withheldUnder, otherAgency) */
  decision: Record<string, unknown>;
}

export interface AnsweredOnTheSpot extends RegisteredRequest {
  /** the day it was received, decided and answered */
  decidedOn: string;
  state: string;
  /** the event `requests.answered_on_the_spot` */
  eventId: number;
}

/** Registers a request handed in today and answers it in the same transaction (条例 第三十三条第一款). */
export async function answerOnTheSpot(
  ctx: CommandContext<Actor>,
  input: AnswerOnTheSpotInput,
): Promise<AnsweredOnTheSpot> {
  const refusal = onTheSpotRefusal(ctx.actor);
  if (refusal) throw new AppError('forbidden', refusal);
  if (!ON_THE_SPOT_CHANNELS.includes(input.channel)) {
    const message =
      '“收到方式”应为“当面”：当场答复（条例第三十三条第一款）只适用于申请人当面提交、当场能够答复的申请；以信函、传真等方式收到的申请请按一般程序登记后答复。';
    throw new AppError('validation', message, [{ field: 'channel', message }]);
  }
  const today = ctx.clock.today();
  // read before the transaction opens (on SQLite a read outside it would wait for it)
  const calendar = await ctx.calendar.get();
  return inTransaction(ctx.db, async (trx) => {
    const inner: CommandContext<Actor> = {
      ...ctx,
      db: withinTransaction(ctx.db, trx),
      calendar: fixedCalendar(calendar),
    };
    const registered = await registerRequest(inner, {
      agencyId: input.agencyId,
      channel: input.channel,
      applicantType: input.applicantType,
      applicant: input.applicant,
      receivedOn: today,
      receiptNote: input.receiptNote?.trim() || '当面递交，当场答复',
      assistance: input.assistance,
      publishSuggestion: input.publishSuggestion,
      onTheSpot: true,
    });
    const decided = await applyCaseAction(inner, {
      agencyId: input.agencyId,
      requestId: registered.requestId,
      expectedVersion: registered.version,
      action: 'decide',
      payload: input.decision,
      occurredOn: today,
    });
    const eventId = await appendCaseEvent(trx, {
      agencyId: input.agencyId,
      requestId: registered.requestId,
      type: 'answered_on_the_spot',
      occurredOn: today,
      actor: ctx.actor.username,
      at: ctx.clock.now(),
      stateBefore: 'decided',
      stateAfter: 'decided',
      data: {
        basis: ON_THE_SPOT_ARTICLE,
        receivedOn: today,
        decidedOn: today,
        decisionEventId: decided.eventId,
      },
    });
    return { ...registered, version: decided.version, decidedOn: today, state: decided.state, eventId };
  });
}
