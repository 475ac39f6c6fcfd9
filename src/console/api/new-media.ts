/** The 政务新媒体 endpoints the console uses (docs/new-media.md). */
import type { z } from 'zod';
import type {
  AccountActionInput,
  accountDetailSchema,
  accountListSchema,
  accountSchema,
  EditAccountInput,
  RegisterAccountInput,
  statisticsSchema,
} from '../../contract/new-media.ts';
import type { AccountAction } from '../../domain/new-media/accounts.ts';
import { api } from './client.ts';

export type NewMediaAccount = z.infer<typeof accountSchema>;
export type NewMediaList = z.infer<typeof accountListSchema>;
export type NewMediaDetail = z.infer<typeof accountDetailSchema>;
export type NewMediaStatistics = z.infer<typeof statisticsSchema>;

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/new-media`;

export const newMediaApi = {
  list: (agency: string) => api.call<NewMediaList>(base(agency)),
  detail: (agency: string, id: number) => api.call<NewMediaDetail>(`${base(agency)}/${id}`),
  register: (agency: string, body: RegisterAccountInput) =>
    api.call<NewMediaAccount>(base(agency), { method: 'POST', body }),
  edit: (agency: string, id: number, body: EditAccountInput) =>
    api.call<NewMediaAccount>(`${base(agency)}/${id}`, { method: 'PATCH', body }),
  step: (agency: string, id: number, action: AccountAction, body: AccountActionInput) =>
    api.call<NewMediaAccount>(`${base(agency)}/${id}/actions/${action}`, { method: 'POST', body }),
  statistics: (agency: string, year: number) =>
    api.call<NewMediaStatistics>(`${base(agency)}/stats`, { query: { year: String(year) } }),
};
