/**
 * What every calendar change shares: a platform administrator, one transaction holding the change
 * to the calendar tables, the recompute of every open case's deadline on the calendar as the
 * tables then stand, and the change's event (`calendar.…`, the installation's: no agency) with
 * what the recompute did.
 */
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { rethrowConflict } from '../../db/conflict.ts';
import { appendEvent, type EventSubject } from '../../db/events.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import type { CalendarProblem } from '../../domain/calendar/notice.ts';
import { AppError } from '../../errors.ts';
import { type Actor, type CommandContext, fixedCalendar, type Trx } from '../context.ts';
import { assertPlatformAdmin } from './platform-admin.ts';
import { type RecomputeResult, recomputeOpenDeadlines } from './recompute-open-deadlines.ts';

/** The result of a calendar change: the command's own, and what the recompute did. */
export type CalendarChangeResult<T> = T & { recompute: RecomputeResult };

/** What a change to the calendar tables did: its result, the reason shown on moved cases, its event. */
export interface CalendarWrite<T> {
  value: T;
  /** why the deadlines moved, in Chinese */
  reason: string;
  event: { name: string; subject: EventSubject; data: Record<string, unknown> };
}

/**
 * Runs `write` (the change to the calendar tables), the recompute and the change's event in one
 * transaction; `reason` (Chinese) goes on each moved case's event. Refuses anyone but a platform
 * administrator.
 */
export async function changeCalendar<T extends object>(
  ctx: CommandContext<Actor>,
  write: (trx: Trx) => Promise<CalendarWrite<T>>,
): Promise<CalendarChangeResult<T>> {
  const { db, actor } = ctx;
  assertPlatformAdmin(actor);
  return inTransaction(db, async (trx) => {
    const { value, reason, event } = await write(trx);
    const inside = withinTransaction(db, trx);
    // the calendar as the tables stand inside this transaction, not the installation's cached one
    const calendar = fixedCalendar(await loadCalendar(inside));
    const recompute = await recomputeOpenDeadlines({ ...ctx, db: inside, calendar }, { reason });
    await appendEvent(trx, {
      ...event,
      agency: null,
      actor: actor.username,
      at: ctx.clock.now(),
      data: {
        ...event.data,
        reason,
        recompute: {
          checked: recompute.checked,
          changed: recompute.changed,
          failed: recompute.failed.length,
        },
      },
    });
    return { ...value, recompute };
  }).catch((error: unknown) =>
    rethrowConflict(error, '工作日历或某件申请刚被其他人修改，日历未作更改，请稍后重试。'),
  );
}

/** A validation error carrying every problem of administrator input, the first few in the message. */
export function invalidInput(what: string, problems: ReadonlyArray<CalendarProblem>): AppError {
  const shown = problems.slice(0, 3).map((p) => p.message);
  const more = problems.length > 3 ? `等 ${problems.length} 处问题` : '';
  return new AppError('validation', `${what}有误：${shown.join('；')}${more}。请修改后重试。`, [...problems]);
}
