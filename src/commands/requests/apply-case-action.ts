import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import { computeClock } from '../../domain/clock/compute-clock.ts';
import { ClockError } from '../../domain/clock/problems.ts';
import { projectedReading, storedClock } from '../../domain/clock/projected.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { caseActionRefusal } from '../../domain/requests/policy.ts';
import type { CaseAction } from '../../domain/requests/state-machine.ts';
import { transition } from '../../domain/requests/state-machine.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../context.ts';
import { ACTION_HANDLERS } from './action-handlers.ts';
import {
  appendCaseEvent,
  clockColumns,
  conflictOr,
  lastEventDate,
  loadCase,
  loadClockEvents,
  lockCase,
} from './case-store.ts';
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
  actor: Actor;
  today: string;
}

export interface CaseActionResult {
  requestId: number;
  version: number;
  state: string;
  eventId: number;
}

/**
 * One step of a request case, in one transaction: check the version, the state machine and the
 * action's own rules (time limits on the calendar, roles), append the event (who, when, what,
 * before → after), recompute the clock and store the new state. Nothing is written when any
 * check fails; two people acting at once: one wins, the other gets a conflict.
 */
export async function applyCaseAction(
  db: Db,
  calendar: WorkCalendar,
  input: CaseActionInput,
): Promise<CaseActionResult> {
  const occurredOn = input.occurredOn ?? input.today;
  if (!isIsoDate(occurredOn)) throw new AppError('validation', '日期 occurredOn 无效，请写成 YYYY-MM-DD。');
  if (occurredOn > input.today)
    throw new AppError('validation', `日期 occurredOn（${occurredOn}）不能晚于今天。`);
  const handler = ACTION_HANDLERS[input.action];
  const refusal = caseActionRefusal(input.actor, input.action);
  if (refusal) throw new AppError('forbidden', refusal);
  try {
    return await inTransaction(db, async (trx) => {
      const row = await loadCase(trx, input.agencyId, input.requestId);
      if (row.version !== input.expectedVersion) {
        throw new AppError(
          'conflict',
          `该申请已被修改（当前版本 ${row.version}，您看到的是版本 ${input.expectedVersion}），请刷新后重试。`,
        );
      }
      // Take the row first (every writer of a case does), so concurrent writers queue, never deadlock.
      await lockCase(trx, row);
      const moved = transition(row.state, input.action);
      if (!moved.ok) throw new AppError('invalid_state', moved.message);
      const lastOn = await lastEventDate(trx, row.id);
      if (occurredOn < lastOn) {
        throw new AppError(
          'validation',
          `日期 occurredOn（${occurredOn}）不能早于该申请上一次办理的日期 ${lastOn}：办理记录只能按时间顺序登记。`,
        );
      }
      const events = await loadClockEvents(trx, row.id);
      const before = storedClock({ received: row.receivedOn, events }, calendar, input.today);
      const step = await handler({
        trx,
        row,
        payload: input.payload,
        occurredOn,
        actor: input.actor,
        calendar,
        before,
        events,
        today: input.today,
      });
      const input2 = {
        received: row.receivedOn,
        events: step.clockEvent ? [...events, step.clockEvent] : events,
      };
      const after = computeClock(input2, calendar, input.today, { windowsFrom: events.length });
      const listed = projectedReading(input2, calendar, input.today, events.length);
      const eventId = await appendCaseEvent(trx, {
        agencyId: row.agencyId,
        requestId: row.id,
        type: step.eventType,
        occurredOn,
        actor: input.actor.username,
        stateBefore: row.state,
        stateAfter: moved.to,
        data: {
          action: input.action,
          input: input.payload,
          ...(step.clockEvent ? { clock: clockFields(step.clockEvent) } : {}),
          due: { before: before.due, after: after.due },
          ...(step.record ?? {}),
        },
      });
      await trx
        .updateTable('requests')
        .set({ state: moved.to, ...clockColumns(listed), ...(step.columns ?? {}) })
        .where('id', '=', row.id)
        .execute();
      await step.afterWrite?.(trx, eventId);
      if (step.letter) {
        const target = {
          agencyId: row.agencyId,
          requestId: row.id,
          eventId,
          issuedOn: occurredOn,
          answerDueOn: after.due,
        };
        await issueLetter(trx, target, step.letter(after));
      }
      return { requestId: row.id, version: row.version + 1, state: moved.to, eventId };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof ClockError)
      throw new AppError('invalid_state', `办理期限的计算不接受这一步：${error.message}`);
    return conflictOr(error);
  }
}

function clockFields(event: { type: string; on: string }): Record<string, unknown> {
  const { type: _type, on: _on, ...fields } = event as Record<string, unknown>;
  return fields;
}
