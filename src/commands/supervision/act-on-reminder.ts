/**
 * A 督办's next step (docs/supervision.md): the agency answers it (what it did), the supervisor closes
 * it (办结) or sends it back with why (退回重办). One transaction: the row moved on (its version
 * checked, so two people acting at once do not both win) and its event.
 */
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { can } from '../../domain/accounts/policy-table.ts';
import { REMINDER_POLICY } from '../../domain/supervision/reminder-policy.ts';
import {
  type ReminderAction,
  type ReminderState,
  reminderTransition,
  textProblem,
} from '../../domain/supervision/reminders.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { SUPERVISOR_ACT_ONLY } from './send-reminder.ts';

export interface ActOnReminderInput {
  agencyId: number;
  reminderId: number;
  action: ReminderAction;
  /** the answer (answer), or why it is sent back (reopen); optional when closing */
  text?: string;
  expectedVersion: number;
}

const EVENTS: Record<ReminderAction, string> = {
  answer: 'supervision.reminder_answered',
  close: 'supervision.reminder_closed',
  reopen: 'supervision.reminder_reopened',
};

export async function actOnReminder(
  ctx: CommandContext,
  input: ActOnReminderInput,
): Promise<{ state: ReminderState; version: number }> {
  const verb = input.action === 'answer' ? 'answer' : 'close';
  if (!can(REMINDER_POLICY, ctx.actor, verb))
    throw new AppError(
      'forbidden',
      verb === 'answer'
        ? '答复督办需要本机关的工作人员角色；如需办理，请联系本机关的机关管理员。'
        : SUPERVISOR_ACT_ONLY,
    );
  const text = (input.text ?? '').trim();
  if (input.action !== 'close') {
    const problem = textProblem(
      'text',
      input.action === 'answer' ? '答复内容（整改或说明情况）' : '退回理由',
      text,
    );
    if (problem) throw new AppError('validation', problem.message, [problem]);
  }
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('reminders')
      .select(['state', 'version'])
      .where('id', '=', input.reminderId)
      .where('agency_id', '=', input.agencyId)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', '未找到该督办事项。');
    if (row.version !== input.expectedVersion)
      throw new AppError('conflict', '该督办事项已被他人处理，请刷新后再办理。');
    const step = reminderTransition(row.state as ReminderState, input.action);
    if ('refusal' in step) throw new AppError('conflict', step.refusal);
    const at = now.toISOString();
    const changes =
      input.action === 'answer'
        ? { answer: text, answered_by: ctx.actor.username, answered_at: at }
        : input.action === 'close'
          ? { closed_at: at }
          : { answer: null, answered_by: null, answered_at: null };
    const updated = await trx
      .updateTable('reminders')
      .set({ ...changes, state: step.next, version: row.version + 1 })
      .where('id', '=', input.reminderId)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('conflict', '该督办事项已被他人处理，请刷新后再办理。');
    await appendEvent(trx, {
      name: EVENTS[input.action],
      subject: { type: 'reminder', id: input.reminderId },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: now,
      state: { before: row.state, after: step.next },
      data: text ? { text } : {},
    });
    return { state: step.next, version: row.version + 1 };
  });
}
