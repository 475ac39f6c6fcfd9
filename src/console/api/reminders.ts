/** 督办 (`/api/v1/agencies/:code/reminders`, docs/supervision.md). */
import type { NewReminder, Reminder } from '../../contract/reminders.ts';
import { api } from './client.ts';

export type { NewReminder, Reminder };

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/reminders`;

export const remindersApi = {
  /** the reminders an agency has received */
  list: (agency: string) => api.call<{ reminders: Reminder[] }>(base(agency)),
  /** every reminder to a supervisor's office and the agencies below it */
  ofSubtree: (root: string) =>
    api.call<{ reminders: Reminder[] }>(`/api/v1/agencies/${encodeURIComponent(root)}/supervision/reminders`),
  send: (agency: string, body: NewReminder) =>
    api.call<{ id: number }>(base(agency), { method: 'POST', body }),
  step: (
    agency: string,
    id: number,
    action: 'answer' | 'close' | 'reopen',
    body: { text?: string; expectedVersion: number },
  ) =>
    api.call<{ state: string; version: number }>(`${base(agency)}/${id}/${action}`, { method: 'POST', body }),
};
