/** The agency tree endpoints (`/api/v1/agency-tree…`, platform administrators; docs/agencies.md). */
import type { z } from 'zod';
import type {
  AgencyTreeEntry,
  agencyChangeBody,
  agencyChangeResult,
  agencyTreeImportResult,
  agencyTreeSchema,
  newAgencyBody,
} from '../../contract/agency-tree.ts';
import { api } from './client.ts';

export type TreeAgency = AgencyTreeEntry;
type Changed = z.infer<typeof agencyChangeResult>;

const one = (code: string) => `/api/v1/agency-tree/${encodeURIComponent(code)}`;

export const agencyTreeApi = {
  list: () => api.call<z.infer<typeof agencyTreeSchema>>('/api/v1/agency-tree'),
  create: (body: z.input<typeof newAgencyBody>) =>
    api.call<Changed>('/api/v1/agency-tree', { method: 'POST', body }),
  change: (code: string, body: z.input<typeof agencyChangeBody>) =>
    api.call<Changed>(one(code), { method: 'PATCH', body }),
  importTree: (content: string) =>
    api.call<z.infer<typeof agencyTreeImportResult>>('/api/v1/agency-tree/import', {
      method: 'POST',
      body: { content },
    }),
};
