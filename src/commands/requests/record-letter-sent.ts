import { ClockError } from '../../domain/clock/problems.ts';
import { projectedReading } from '../../domain/clock/projected.ts';
import { todayInChina } from '../../domain/dates.ts';
import { checkDelivery, type Delivery, type DeliveryInput } from '../../domain/letters/delivery.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { caseEventName, clockColumns, lastEventDate, loadClockEvents, noteOnCase } from './case-store.ts';

/** The steps whose letter's receipt (送达) starts a period of the clock (第三十二条, 第三十四条; 109号). */
const RECEIPT_STARTS_PERIOD = new Set([caseEventName('fee_notice'), caseEventName('consultation_sent')]);

export interface RecordLetterSentInput extends DeliveryInput {
  agencyId: number;
  requestId: number;
  letterId: number;
  expectedVersion: number;
}

export interface LetterSent extends Delivery {
  letterId: number;
  version: number;
}

/**
 * Records that a letter of a case went to the applicant (送达): method, day (neither in the future
 * nor before the letter's date), the post's tracking number, a note. Stored on the letter, with a
 * `letter_sent` event of the case (before → after when it corrects an earlier record), in one
 * transaction; an operator records it. Bad input writes nothing.
 *
 * The receipt of a fee notice or a consultation letter starts a period (the applicant's 20 working
 * days to pay, 109号; the consulted party's 15, 第三十二条/第三十四条 “自收到征求意见书之日起”): the
 * event then carries `clock: { of, deliveredOn }` (the number of the step that sent the letter), the
 * clock reads it as that step's `deliveredOn` (domain/requests/clock-events.ts) and the case's stored
 * deadline columns are recomputed in the same transaction.
 */
export async function recordLetterSent(
  ctx: CommandContext,
  input: RecordLetterSentInput,
): Promise<LetterSent> {
  const refusal = requestRefusal(ctx.actor, 'record_delivery');
  if (refusal) throw new AppError('forbidden', refusal);
  // read before the transaction (SQLite: one connection; the calendar is loaded outside it)
  const calendar = await ctx.calendar.get();
  try {
    return await noteOnCase(ctx, input, async (trx, row) => {
      const letter = await trx
        .selectFrom('letters')
        .leftJoin('events', 'events.id', 'letters.event_id')
        .select([
          'letters.id',
          'letters.kind',
          'letters.created_at',
          'events.occurred_on',
          'events.name as event_name',
          'events.seq as event_seq',
          'letters.sent_on',
          'letters.sent_method',
          'letters.sent_tracking_no',
        ])
        .where('letters.id', '=', input.letterId)
        .where('letters.request_id', '=', row.id)
        .executeTakeFirst();
      if (!letter) throw new AppError('not_found', `该申请没有编号为 ${input.letterId} 的文书。`);
      const letterOn = letter.occurred_on ?? todayInChina(new Date(letter.created_at));
      const checked = checkDelivery(input, letterOn, ctx.clock.today());
      if (!checked.ok) throw new AppError('validation', checked.issues[0].message, checked.issues);
      const { delivery } = checked;
      await trx
        .updateTable('letters')
        .set({
          sent_on: delivery.sentOn,
          sent_method: delivery.method,
          sent_tracking_no: delivery.trackingNo,
          sent_note: delivery.note,
          sent_by: ctx.actor.username,
          sent_recorded_at: ctx.clock.now().toISOString(),
        })
        .where('id', '=', letter.id)
        .execute();
      const last = await lastEventDate(trx, row.id);
      const before = letter.sent_on
        ? { method: letter.sent_method, sentOn: letter.sent_on, trackingNo: letter.sent_tracking_no }
        : null;
      const startsPeriod =
        letter.event_name !== null &&
        letter.event_seq !== null &&
        RECEIPT_STARTS_PERIOD.has(letter.event_name);
      const clock = startsPeriod ? { of: letter.event_seq, deliveredOn: delivery.sentOn } : null;
      return {
        event: {
          eventType: 'letter_sent',
          // the timeline stays in order: a sending recorded late is listed when it was recorded
          occurredOn: [delivery.sentOn, last].sort()[1],
          data: {
            letterId: letter.id,
            kind: letter.kind,
            before,
            after: delivery,
            ...(clock ? { clock } : {}),
          },
        },
        // the receipt starts a period: the stored deadline columns follow in the same transaction
        afterEvent: clock
          ? async (inside) => {
              const events = await loadClockEvents(inside, row.id);
              const reading = projectedReading(
                { received: row.receivedOn, events },
                calendar,
                ctx.clock.today(),
              );
              await inside
                .updateTable('requests')
                .set(clockColumns(reading))
                .where('id', '=', row.id)
                .execute();
            }
          : undefined,
        result: { letterId: letter.id, version: row.version + 1, ...delivery },
      };
    });
  } catch (error) {
    if (error instanceof ClockError)
      throw new AppError('invalid_state', `办理期限的计算不接受这一送达日期：${error.message}`);
    throw error;
  }
}
