/** The request-case endpoints the console uses (`/api/v1/agencies/:code/requests…`, dashboard). */
import { api } from './client.ts';

export interface CaseSummary {
  id: number;
  registrationNo: string | null;
  applicantType: string;
  applicantName: string | null;
  channel: string;
  receivedOn: string;
  state: string;
  dueOn: string | null;
  dueProvisional: boolean;
  waitingUntil: string | null;
  outcome: string | null;
  decidedOn: string | null;
  version: number;
}

export interface DashboardCase extends CaseSummary {
  counterDate: string | null;
  workingDaysLeft: number | null;
}

export interface Dashboard {
  today: string;
  weekEnd: string;
  lists: Array<{ key: string; label: string; count: number; cases: DashboardCase[] }>;
}

export interface Queue {
  total: number;
  cases: CaseSummary[];
  counts: Record<string, number>;
  today: string;
}

/** The queue's query: a filter, a page, and optionally search words and a received-date range. */
export type QueueQuery = {
  filter: string;
  limit: number;
  offset: number;
  q?: string;
  receivedFrom?: string;
  receivedTo?: string;
};

export interface CaseEvent {
  id: number;
  seq: number;
  type: string;
  occurredOn: string;
  recordedAt: string;
  actor: string;
  stateBefore: string | null;
  stateAfter: string | null;
  data: Record<string, unknown>;
}

export interface LetterDelivery {
  method: string;
  methodLabel: string;
  sentOn: string;
  trackingNo: string | null;
  note: string | null;
  recordedBy: string | null;
}

export interface CaseLetter {
  id: number;
  kind: string;
  fileName: string;
  eventId: number;
  createdAt: string;
  /** the letter's date (its event's day) */
  issuedOn: string;
  /** 送达, when recorded */
  delivery: LetterDelivery | null;
}

export interface CaseDetail {
  id: number;
  version: number;
  registrationNo: string | null;
  trackingCode: string;
  state: string;
  stateLabel: string;
  channel: string;
  applicantType: string;
  applicant: Record<string, string> | null;
  receivedOn: string;
  decidedOn: string | null;
  outcome: string | null;
  legalBasis: string | null;
  feeYuan: number;
  clock: {
    due: string;
    provisional: boolean;
    workingDaysUsed: number;
    workingDaysLeft: number;
    overdue: boolean;
    state: string;
    waitingUntil: string | null;
  };
  allowedActions: string[];
  events: CaseEvent[];
  letters: CaseLetter[];
  attachments: Array<{
    id: number;
    fileName: string;
    mediaType: string;
    size: number;
    createdAt: string;
    createdBy: string;
  }>;
  reviews: Array<{
    id: number;
    group: string;
    filedOn: string;
    decidedOn: string | null;
    result: string | null;
  }>;
}

export interface Registered {
  requestId: number;
  registrationNo: string;
  trackingCode: string;
  receivedOn: string;
  dueOn: string;
  provisional: boolean;
  version: number;
}

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}`;

export const requestsApi = {
  dashboard: (agency: string) => api.call<Dashboard>(`${base(agency)}/dashboard`),
  queue: (agency: string, query: QueueQuery) => api.call<Queue>(`${base(agency)}/requests`, { query }),
  get: (agency: string, id: number) => api.call<CaseDetail>(`${base(agency)}/requests/${id}`),
  register: (agency: string, body: unknown) =>
    api.call<Registered>(`${base(agency)}/requests`, { method: 'POST', body }),
  act: (
    agency: string,
    id: number,
    action: string,
    body: { expectedVersion: number; occurredOn?: string; payload: unknown },
  ) =>
    api.call<{ version: number; state: string }>(`${base(agency)}/requests/${id}/actions/${action}`, {
      method: 'POST',
      body,
    }),
  recordReview: (agency: string, id: number, body: unknown) =>
    api.call<{ reviewId: number }>(`${base(agency)}/requests/${id}/reviews`, { method: 'POST', body }),
  attach: (
    agency: string,
    id: number,
    body: { expectedVersion: number; fileName: string; contentBase64: string },
  ) =>
    api.call<{ attachmentId: number; version: number }>(`${base(agency)}/requests/${id}/attachments`, {
      method: 'POST',
      body,
    }),
  recordDelivery: (
    agency: string,
    id: number,
    letterId: number,
    body: { expectedVersion: number; method: string; sentOn: string; trackingNo?: string; note?: string },
  ) =>
    api.call<{ version: number }>(`${base(agency)}/requests/${id}/letters/${letterId}/delivery`, {
      method: 'POST',
      body,
    }),
  letterUrl: (agency: string, id: number, letterId: number, format: 'docx' | 'html') =>
    `${base(agency)}/requests/${id}/letters/${letterId}.${format}`,
  attachmentUrl: (agency: string, id: number, attachmentId: number) =>
    `${base(agency)}/requests/${id}/attachments/${attachmentId}`,
};
