/** The item endpoints (主动公开) and the normative-document registry the console uses. */
import { api } from './client.ts';

export interface ItemSummary {
  id: number;
  indexNo: string | null;
  title: string;
  category: string;
  categoryLabel: string;
  issuer: string;
  docNumber: string | null;
  formedOn: string;
  publishedOn: string | null;
  status: string;
  statusLabel: string;
  version: number;
}

export interface RelatedItem {
  id: number;
  indexNo: string | null;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  status: string;
}

export interface ItemDetail extends ItemSummary {
  bodyHtml: string;
  columnCode: string | null;
  validity: string;
  subject: string;
  isPolicyDocument: boolean;
  isInterpretation: boolean;
  isMeeting: boolean;
  isOnlineInterview: boolean;
  allowedActions: string[];
  review: {
    reviewer: string;
    reviewedOn: string | null;
    result: string | null;
    opinion: string | null;
  } | null;
  withdrawn: { on: string | null; reason: string | null } | null;
  timeliness: { dueOn: string; workingDays: number; late: boolean };
  postings: Array<{ channel: string; channelName: string; publishedOn: string; link: string | null }>;
  attachments: Array<{ id: number; fileName: string; mediaType: string; size: number; url: string }>;
  /** the policy document an interpretation explains, or the interpretations of a policy document */
  policy: RelatedItem | null;
  interpretations: RelatedItem[];
  events: Array<{
    seq: number;
    type: string;
    at: string;
    actor: string;
    stateBefore: string | null;
    stateAfter: string;
    data: Record<string, unknown>;
  }>;
  createdBy: string;
}

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}`;

export const itemsApi = {
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
  ) => api.call<{ total: number; items: ItemSummary[] }>(`${base(agency)}/items`, { query }),
  get: (agency: string, id: number) => api.call<ItemDetail>(`${base(agency)}/items/${id}`),
  create: (agency: string, body: Record<string, unknown>) =>
    api.call<{ itemId: number; version: number }>(`${base(agency)}/items`, { method: 'POST', body }),
  edit: (agency: string, id: number, body: Record<string, unknown>) =>
    api.call<{ version: number }>(`${base(agency)}/items/${id}`, { method: 'PATCH', body }),
  attach: (
    agency: string,
    id: number,
    body: { expectedVersion: number; fileName: string; contentBase64: string },
  ) =>
    api.call<{ attachmentId: number; version: number }>(`${base(agency)}/items/${id}/attachments`, {
      method: 'POST',
      body,
    }),
  detach: (agency: string, id: number, attachmentId: number, expectedVersion: number) =>
    api.call<{ version: number }>(`${base(agency)}/items/${id}/attachments/${attachmentId}`, {
      method: 'DELETE',
      query: { expectedVersion },
    }),
  act: (agency: string, id: number, action: string, body: Record<string, unknown>) =>
    api.call<{ version: number; status: string }>(`${base(agency)}/items/${id}/${action}`, {
      method: 'POST',
      body,
    }),
};
