/** The calendar endpoints the console uses (the registry's are in registry.ts). */
import { api } from './client.ts';

export interface CalendarYear {
  year: number;
  confirmed: boolean;
  confirmedYears: number[];
  holidays: string[];
  workdays: string[];
  overrides: Array<{ date: string; kind: string; source: string; createdAt: string; actor: string }>;
  notices: Array<{
    year: number;
    documentNumber: string;
    holidays: string[];
    workdays: string[];
    importedAt: string;
    actor: string;
  }>;
}

export interface Recompute {
  checked: number;
  changed: number;
  failed: Array<{ requestId: number; message: string }>;
}

export const calendarApi = {
  year: (year: number) => api.call<CalendarYear>('/api/v1/calendar', { query: { year } }),
  addOverride: (body: { date: string; kind: string; source: string }) =>
    api.call<{ recompute: Recompute }>('/api/v1/calendar/overrides', { method: 'POST', body }),
  removeOverride: (date: string) =>
    api.call<{ recompute: Recompute }>(`/api/v1/calendar/overrides/${date}`, { method: 'DELETE' }),
  importNotice: (notice: unknown) =>
    api.call<{ notice: { year: number; documentNumber: string }; recompute: Recompute }>(
      '/api/v1/calendar/notices',
      {
        method: 'POST',
        body: notice,
      },
    ),
};
