/** The agency's event log (`GET /api/v1/agencies/:code/events`): who did what, when. */
import { api } from './client.ts';

export interface LoggedEvent {
  id: number;
  name: string;
  subjectType: string;
  subjectId: string;
  seq: number;
  actor: string;
  at: string;
  occurredOn: string | null;
  stateBefore: string | null;
  stateAfter: string | null;
  data: unknown;
}

export interface EventFilter {
  actor?: string;
  name?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

export const eventsApi = {
  list: (agency: string, filter: EventFilter) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
    return api.call<{ events: LoggedEvent[]; nextCursor: string | null }>(
      `/api/v1/agencies/${encodeURIComponent(agency)}/events?${query.toString()}`,
    );
  },
};
