/**
 * 督办 (docs/supervision.md, 条例 第四十七条第一款): a supervisor sends an agency below them a
 * reminder with a deadline (`POST …/reminders`, `policy: 'supervisor'`), the agency answers it
 * (`…/answer`, any staff role), the supervisor closes it or sends it back (`…/close`, `…/reopen`).
 * The agency's reminders are a staff read (its supervisors read them too); the subtree's, the
 * supervisor's (`GET …/supervision/reminders`).
 */
import { z } from 'zod';
import { actOnReminder } from '../../../commands/supervision/act-on-reminder.ts';
import { sendReminder } from '../../../commands/supervision/send-reminder.ts';
import {
  newReminderBody,
  type Reminder,
  reminderListSchema,
  reminderStepBody,
} from '../../../contract/reminders.ts';
import { loadActorNames } from '../../../db/queries/actor-names.ts';
import { listReminders, type ReminderRow } from '../../../db/queries/reminders.ts';
import { subtreeAgencies } from '../../../db/queries/supervision.ts';
import { SUPERVISOR_ROLE } from '../../../domain/accounts/actor.ts';
import {
  REMINDER_STATE_LABELS,
  type ReminderState,
  type ReminderSubject,
  reminderOverdue,
} from '../../../domain/supervision/reminders.ts';
import { AppError } from '../../../errors.ts';
import { actorOf, agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { agencyCode, decimal, readErrors, writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

const BASE = '/api/v1/agencies/:code/reminders';
const params = z.object({ code: agencyCode });
const stepParams = params.extend({
  id: decimal(z.number({ error: '督办事项编号应为正整数' }).int().positive()),
});
const stepResult = z.object({ state: z.string(), version: z.number().int() });

export const reminderRoutes: RouteModule = async (app, options) => {
  const { db, clock } = options;

  const present = async (rows: ReminderRow[]): Promise<Reminder[]> => {
    const names = await loadActorNames(
      db,
      rows.flatMap((r) => [r.createdBy, r.answeredBy]),
    );
    const today = clock.today();
    return rows.map((r) => ({
      id: r.id,
      agency: { code: r.agency.code, name: r.agency.name },
      from: r.from,
      subject: r.subject as ReminderSubject,
      subjectLabel: r.subjectLabel,
      message: r.message,
      dueOn: r.dueOn,
      state: r.state as ReminderState,
      stateLabel: REMINDER_STATE_LABELS[r.state as ReminderState] ?? r.state,
      overdue: reminderOverdue({ state: r.state as ReminderState, dueOn: r.dueOn }, today),
      answer: r.answer,
      answeredByName: r.answeredBy ? names(r.answeredBy) : null,
      answeredAt: r.answeredAt,
      closedAt: r.closedAt,
      createdByName: names(r.createdBy),
      createdAt: r.createdAt,
      version: r.version,
    }));
  };

  app.get(
    BASE,
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['supervision'],
        summary: '督办: the reminders the agency has received, open first',
        params,
        response: { 200: reminderListSchema, ...readErrors },
      },
    },
    async (request) => ({ reminders: await present(await listReminders(db, [agencyOf(request).id])) }),
  );

  app.get(
    '/api/v1/agencies/:code/supervision/reminders',
    {
      config: { policy: 'supervisor' },
      schema: {
        tags: ['supervision'],
        summary: '督办: every reminder to the agency and the agencies below it (a supervisor over it)',
        params,
        response: { 200: reminderListSchema, ...readErrors },
      },
    },
    async (request) => {
      const ids = (await subtreeAgencies(db, agencyOf(request).id)).map((a) => a.id);
      return { reminders: await present(await listReminders(db, ids)) };
    },
  );

  app.post(
    BASE,
    {
      config: { policy: 'supervisor' },
      schema: {
        tags: ['supervision'],
        summary: '督办: a supervisor over the agency sends it a reminder with a deadline',
        params,
        body: newReminderBody,
        response: { 201: z.object({ id: z.number().int() }), ...writeErrors },
      },
    },
    async (request, reply) => {
      const agency = agencyOf(request);
      // the supervising office: the nearest of the agency and its ancestors where the actor supervises
      const offices = actorOf(request)
        .scopes.filter((s) => s.subtree && s.roles.includes(SUPERVISOR_ROLE))
        .map((s) => s.agencyId);
      const from = [agency.id, ...agency.ancestorIds].find((id) => offices.includes(id));
      if (from === undefined)
        throw new AppError(
          'forbidden',
          '督办由上级政务公开工作主管部门的监督人员发出；您不是该机关的监督人员。',
        );
      const sent = await sendReminder(commandContext(request, options), {
        ...request.body,
        agencyId: agency.id,
        fromAgencyId: from,
      });
      return reply.code(201).send(sent);
    },
  );

  for (const action of ['answer', 'close', 'reopen'] as const)
    app.post(
      `${BASE}/:id/${action}`,
      {
        config: { policy: action === 'answer' ? 'reminders/answer' : 'supervisor' },
        schema: {
          tags: ['supervision'],
          summary:
            action === 'answer'
              ? '督办: the agency answers (what it did, or why)'
              : action === 'close'
                ? '督办: the supervisor closes an answered reminder (办结)'
                : '督办: the supervisor sends an answered reminder back, with why (退回重办)',
          params: stepParams,
          body: reminderStepBody,
          response: { 200: stepResult, ...writeErrors },
        },
      },
      async (request) =>
        actOnReminder(commandContext(request, options), {
          agencyId: agencyOf(request).id,
          reminderId: request.params.id,
          action,
          text: request.body.text,
          expectedVersion: request.body.expectedVersion,
        }),
    );
};
