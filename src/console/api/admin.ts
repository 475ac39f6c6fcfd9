/** The calendar endpoints the console uses (the registry's are in registry.ts). */
import type { z } from 'zod';
import type {
  calendarYearSchema,
  noticeImportedSchema,
  overrideAddedSchema,
  overrideBody,
  overrideRemovedSchema,
} from '../../contract/calendar.ts';
import { api } from './client.ts';

export type CalendarYear = z.infer<typeof calendarYearSchema>;
/** A date marked a holiday or a working day, with the notice it comes from. */
export type OverrideBody = z.input<typeof overrideBody>;
/** The recompute of every open case's deadline that a calendar change runs. */
export type Recompute = z.infer<typeof overrideAddedSchema>['recompute'];

export const calendarApi = {
  year: (year: number) => api.call<CalendarYear>('/api/v1/calendar', { query: { year } }),
  addOverride: (body: OverrideBody) =>
    api.call<z.infer<typeof overrideAddedSchema>>('/api/v1/calendar/overrides', { method: 'POST', body }),
  removeOverride: (date: string) =>
    api.call<z.infer<typeof overrideRemovedSchema>>(`/api/v1/calendar/overrides/${date}`, {
      method: 'DELETE',
    }),
  importNotice: (notice: unknown) =>
    api.call<z.infer<typeof noticeImportedSchema>>('/api/v1/calendar/notices', {
      method: 'POST',
      body: notice,
    }),
};
