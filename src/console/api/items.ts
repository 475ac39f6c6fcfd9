/** The item endpoints (主动公开) and the normative-document registry the console uses. */
import type { z } from 'zod';
import type { channelListSchema } from '../../contract/agencies.ts';
import type { itemApprovalRequestedSchema, requestItemApprovalBody } from '../../contract/approvals.ts';
import type { ItemEndpoint, itemActionBodies, itemAttachmentBody } from '../../contract/item-inputs.ts';
import type {
  actionResultSchema,
  createItemBody,
  editItemBody,
  itemDetailSchema,
  itemListQuery,
  itemPageSchema,
  itemSummarySchema,
  uploadedSchema,
} from '../../contract/items.ts';
import { api } from './client.ts';

export type ItemSummary = z.infer<typeof itemSummarySchema>;
export type ItemDetail = z.infer<typeof itemDetailSchema>;
/** The list's filters, order and page, as the route reads them. */
export type ItemListQuery = Partial<z.infer<typeof itemListQuery>>;
/** A new item's fields, as the create route takes them. */
export type NewItemBody = z.input<typeof createItemBody>;
/** What an item's action answers: its new version and status. */
export type ItemActionResult = z.infer<typeof actionResultSchema>;
/** the policy document an interpretation explains, or one of the interpretations of a policy document */
export type RelatedItem = NonNullable<ItemDetail['policy']>;

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}`;

export const itemsApi = {
  /** the agency's publication channels (微信, 微博, …: per-agency data) */
  channels: (agency: string) => api.call<z.infer<typeof channelListSchema>>(`${base(agency)}/channels`),
  /** the agency's own sub-columns of its 法定主动公开目录 */
  columns: (agency: string) =>
    api.call<{ columns: Array<{ code: string; name: string; category: string; sort: number }> }>(
      `${base(agency)}/item-columns`,
    ),
  list: (agency: string, query: ItemListQuery) =>
    api.call<z.infer<typeof itemPageSchema>>(`${base(agency)}/items`, { query }),
  get: (agency: string, id: number) => api.call<ItemDetail>(`${base(agency)}/items/${id}`),
  create: (agency: string, body: NewItemBody) =>
    api.call<ItemActionResult>(`${base(agency)}/items`, { method: 'POST', body }),
  edit: (agency: string, id: number, body: z.input<typeof editItemBody>) =>
    api.call<ItemActionResult>(`${base(agency)}/items/${id}`, { method: 'PATCH', body }),
  attach: (agency: string, id: number, body: z.input<typeof itemAttachmentBody>) =>
    api.call<z.infer<typeof uploadedSchema>>(`${base(agency)}/items/${id}/attachments`, {
      method: 'POST',
      body,
    }),
  detach: (agency: string, id: number, attachmentId: number, expectedVersion: number) =>
    api.call<ItemActionResult>(`${base(agency)}/items/${id}/attachments/${attachmentId}`, {
      method: 'DELETE',
      query: { expectedVersion },
    }),
  /** a step of the item (`…/items/:id/{endpoint}`) with its body */
  act: <E extends ItemEndpoint>(
    agency: string,
    id: number,
    endpoint: E,
    body: z.input<(typeof itemActionBodies)[E]>,
  ) =>
    api.call<ItemActionResult>(`${base(agency)}/items/${id}/${endpoint}`, {
      method: 'POST',
      body,
    }),
  /** 提请签发发布: the operator asks the approver to publish (发布 is the 审批负责人's) */
  requestApproval: (agency: string, id: number, body: z.input<typeof requestItemApprovalBody>) =>
    api.call<z.infer<typeof itemApprovalRequestedSchema>>(`${base(agency)}/items/${id}/approval-requests`, {
      method: 'POST',
      body,
    }),
};
