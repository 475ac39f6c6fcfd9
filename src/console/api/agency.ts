/** The agency settings the console edits: where its answers send the applicant (`…/remedies`). */
import type { AgencyRemedies, AgencyRemediesInput } from '../../contract/agency-remedies.ts';
import { api } from './client.ts';

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}`;

export const agencyApi = {
  remedies: (agency: string) => api.call<AgencyRemedies>(`${base(agency)}/remedies`),
  setRemedies: (agency: string, body: AgencyRemediesInput) =>
    api.call<AgencyRemedies>(`${base(agency)}/remedies`, { method: 'PUT', body }),
};
