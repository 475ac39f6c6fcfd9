/** The agency's event log (`GET /api/v1/agencies/:code/events`): who did what, when. */
import type { z } from 'zod';
import type { eventPageSchema, eventQuery, eventSchema } from '../../contract/events.ts';
import { api } from './client.ts';

export type LoggedEvent = z.infer<typeof eventSchema>;
/** The filters of the 操作日志 (the page size is the server's default). */
export type EventFilter = Omit<z.input<typeof eventQuery>, 'limit'>;

export const eventsApi = {
  list: (agency: string, filter: EventFilter) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value) query.set(key, String(value));
    return api.call<z.infer<typeof eventPageSchema>>(
      `/api/v1/agencies/${encodeURIComponent(agency)}/events?${query.toString()}`,
    );
  },
};
