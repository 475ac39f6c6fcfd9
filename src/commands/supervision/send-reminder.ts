/**
 * 督办 sent (条例 第四十七条第一款, docs/supervision.md): a supervisor's reminder to an agency below
 * them, with a deadline — one `reminders` row and its event `supervision.reminder_sent`, one
 * transaction. `fromAgencyId` is the supervising office whose scope covers the agency (the route
 * works it out from the actor's scopes).
 */
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { can } from '../../domain/accounts/policy-table.ts';
import { REMINDER_POLICY } from '../../domain/supervision/reminder-policy.ts';
import { type ReminderInput, reminderProblems } from '../../domain/supervision/reminders.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export interface SendReminderInput extends ReminderInput {
  agencyId: number;
  fromAgencyId: number;
}

/** The refusal of a reminder's step to whoever is not a supervisor over the agency. */
export const SUPERVISOR_ACT_ONLY =
  '督办由上级政务公开工作主管部门的监督人员发出和办结；您在该机关没有“监督人员”角色。';

export async function sendReminder(ctx: CommandContext, input: SendReminderInput): Promise<{ id: number }> {
  if (!can(REMINDER_POLICY, ctx.actor, 'send')) throw new AppError('forbidden', SUPERVISOR_ACT_ONLY);
  const today = ctx.clock.today();
  const problems = reminderProblems(input, today);
  if (problems.length > 0) throw new AppError('validation', problems[0].message, problems);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('reminders')
      .values({
        ...{ agency_id: input.agencyId, from_agency_id: input.fromAgencyId, subject: input.subject },
        ...{ subject_label: input.subjectLabel.trim(), message: input.message.trim(), due_on: input.dueOn },
        ...{ state: 'open', created_by: ctx.actor.username, created_at: now.toISOString() },
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      name: 'supervision.reminder_sent',
      subject: { type: 'reminder', id: row.id },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: now,
      state: { before: null, after: 'open' },
      data: {
        from: input.fromAgencyId,
        subject: input.subject,
        subjectLabel: input.subjectLabel,
        dueOn: input.dueOn,
      },
    });
    return { id: row.id };
  });
}
