/** The item endpoints (主动公开) and the normative-document registry the console uses. */
import type { z } from 'zod';
import type { channelListSchema } from '../../contract/agencies.ts';
import type {
  actionResultSchema,
  itemDetailSchema,
  itemPageSchema,
  itemSummarySchema,
  uploadedSchema,
} from '../../contract/items.ts';
import { api } from './client.ts';

export type ItemSummary = z.infer<typeof itemSummarySchema>;
export type ItemDetail = z.infer<typeof itemDetailSchema>;
/** What an item's action answers: its new version and status. */
export type ItemActionResult = z.infer<typeof actionResultSchema>;
/** the policy document an interpretation explains, or one of the interpretations of a policy document */
export type RelatedItem = NonNullable<ItemDetail['policy']>;

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}`;

export const itemsApi = {
  /** the agency's publication channels (微信, 微博, …: per-agency data) */
  channels: (agency: string) => api.call<z.infer<typeof channelListSchema>>(`${base(agency)}/channels`),
  list: (
    agency: string,
    query: {
      status?: string;
      category?: string;
      year?: number;
      q?: string;
      policyDocument?: boolean;
      limit: number;
      offset: number;
    },
  ) => api.call<z.infer<typeof itemPageSchema>>(`${base(agency)}/items`, { query }),
  get: (agency: string, id: number) => api.call<ItemDetail>(`${base(agency)}/items/${id}`),
  create: (agency: string, body: Record<string, unknown>) =>
    api.call<ItemActionResult>(`${base(agency)}/items`, { method: 'POST', body }),
  edit: (agency: string, id: number, body: Record<string, unknown>) =>
    api.call<ItemActionResult>(`${base(agency)}/items/${id}`, { method: 'PATCH', body }),
  attach: (
    agency: string,
    id: number,
    body: { expectedVersion: number; fileName: string; contentBase64: string },
  ) =>
    api.call<z.infer<typeof uploadedSchema>>(`${base(agency)}/items/${id}/attachments`, {
      method: 'POST',
      body,
    }),
  detach: (agency: string, id: number, attachmentId: number, expectedVersion: number) =>
    api.call<ItemActionResult>(`${base(agency)}/items/${id}/attachments/${attachmentId}`, {
      method: 'DELETE',
      query: { expectedVersion },
    }),
  act: (agency: string, id: number, action: string, body: Record<string, unknown>) =>
    api.call<ItemActionResult>(`${base(agency)}/items/${id}/${action}`, {
      method: 'POST',
      body,
    }),
};
