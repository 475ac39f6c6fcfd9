/**
 * Who does what with a 督办 (docs/supervision.md): a supervisor over the agency sends it, closes it
 * or sends it back; any staff role of the agency answers it (the agency's reply is the office's, not
 * one role's). The routes that send and close declare `policy: 'supervisor'` (the access gate
 * admits only supervisors over the agency and platform administrators; the command then asks this
 * table, so a platform administrator without the role is refused too).
 */
import { SUPERVISOR_ROLE } from '../accounts/actor.ts';
import type { PolicyTable } from '../accounts/policy-table.ts';
import { AGENCY_ROLES } from '../accounts/roles.ts';

export type ReminderVerb = 'send' | 'answer' | 'close';

export const REMINDER_POLICY: PolicyTable<ReminderVerb> = {
  send: [SUPERVISOR_ROLE],
  answer: [...AGENCY_ROLES],
  close: [SUPERVISOR_ROLE],
};
