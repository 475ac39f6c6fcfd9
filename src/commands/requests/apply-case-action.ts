import { computeClock } from '../../domain/clock/compute-clock.ts';
import { ClockError } from '../../domain/clock/problems.ts';
import { projectedReading, storedClock } from '../../domain/clock/projected.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { caseActionRefusal } from '../../domain/requests/policy.ts';
import type { CaseAction } from '../../domain/requests/state-machine.ts';
import { kindRefusal, transition } from '../../domain/requests/state-machine.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, inTrx } from '../context.ts';
import { runSubjectStep } from '../subject-step.ts';
import { ACTION_HANDLERS } from './action-handlers.ts';
import { CASE_STORE, clockColumns, lastEventDate, loadClockEvents } from './case-store.ts';
import { issueLetter } from './issue-letter.ts';

export interface CaseActionInput {
  agencyId: number;
  requestId: number;
  /** the version the user saw; another change since then is a conflict */
  expectedVersion: number;
  action: CaseAction;
  /** the action's own fields, validated by its handler */
  payload: Record<string, unknown>;
  /** the day it happened (a letter sent, a reply received); defaults to today */
  occurredOn?: string;
}

export interface CaseActionResult {
  requestId: number;
  version: number;
  state: string;
  eventId: number;
}

/**
 * One step of a request case, through the shared pipeline (commands/subject-step.ts), in one
 * transaction: check the version, the role (domain/requests/policy.ts), the state machine and the
 * action's own rules (time limits on the calendar), store the new state and recomputed clock,
 * append the event (who, when, what, before → after) and send the step's letter. Nothing is
 * written when any check fails; two people acting at once: one wins, the other gets a conflict.
 */
export async function applyCaseAction(
  ctx: CommandContext,
  input: CaseActionInput,
): Promise<CaseActionResult> {
  const today = ctx.clock.today();
  const occurredOn = input.occurredOn ?? today;
  if (!isIsoDate(occurredOn)) throw new AppError('validation', '办理日期无效，请写成 YYYY-MM-DD。');
  if (occurredOn > today) throw new AppError('validation', `办理日期（${occurredOn}）不能晚于今天。`);
  const handler = ACTION_HANDLERS[input.action];
  const calendar = await ctx.calendar.get();
  try {
    const done = await runSubjectStep(ctx, CASE_STORE, {
      agencyId: input.agencyId,
      id: input.requestId,
      expectedVersion: input.expectedVersion,
      refusal: () => caseActionRefusal(ctx.actor, input.action),
      transition: (from) => transition(from, input.action),
      async step(trx, row) {
        // 条例 第三十条–第三十六条 are about the 政府信息公开申请; 第四十一条 has its own decision
        const wrongKind = kindRefusal(row.kind, input.action);
        if (wrongKind) throw new AppError('invalid_state', wrongKind);
        const lastOn = await lastEventDate(trx, row.id);
        // 第三十一条（三）: an online request filed on a rest day counts as received on the next
        // working day (register-request.ts); until that day nothing can be dated on or after it.
        if (lastOn > today && row.receivedOn === lastOn) {
          throw new AppError(
            'invalid_state',
            `该申请于非工作日网上提交，依条例第三十一条以 ${lastOn}（下一个工作日）为收到申请之日；办理期限自该日起算，请于 ${lastOn} 起办理。`,
          );
        }
        if (occurredOn < lastOn) {
          throw new AppError(
            'validation',
            `办理日期（${occurredOn}）不能早于该申请上一次办理的日期 ${lastOn}：办理记录只能按时间顺序登记。`,
          );
        }
        const events = await loadClockEvents(trx, row.id);
        const before = storedClock({ received: row.receivedOn, events }, calendar, today);
        const step = await handler({
          trx,
          row,
          payload: input.payload,
          occurredOn,
          calendar,
          before,
          events,
          today,
        });
        const clockInput = {
          received: row.receivedOn,
          events: step.clockEvent ? [...events, step.clockEvent] : events,
        };
        const after = computeClock(clockInput, calendar, today, { windowsFrom: events.length });
        const listed = projectedReading(clockInput, calendar, today, events.length);
        return {
          eventType: step.eventType,
          occurredOn,
          data: {
            action: input.action,
            input: input.payload,
            ...(step.clockEvent ? { clock: clockFields(step.clockEvent) } : {}),
            due: { before: before.due, after: after.due },
            ...(step.record ?? {}),
          },
          columns: { ...clockColumns(listed), ...(step.columns ?? {}) },
          afterWrite: async (trx2, eventId) => {
            await step.afterWrite?.(trx2, eventId);
            if (!step.letter) return;
            const target = { agencyId: row.agencyId, requestId: row.id, eventId, issuedOn: occurredOn };
            await issueLetter(inTrx(ctx, trx2), { ...target, answerDueOn: after.due }, step.letter(after));
          },
        };
      },
    });
    return { requestId: done.row.id, version: done.row.version + 1, state: done.to, eventId: done.eventId };
  } catch (error) {
    if (error instanceof ClockError)
      throw new AppError('invalid_state', `办理期限的计算不接受这一步：${error.message}`);
    throw error;
  }
}

function clockFields(event: { type: string; on: string }): Record<string, unknown> {
  const { type: _type, on: _on, ...fields } = event as Record<string, unknown>;
  return fields;
}
