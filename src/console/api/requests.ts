/** The request-case endpoints the console uses (`/api/v1/agencies/:code/requests…`, dashboard). */
import type { z } from 'zod';
import type {
  approvalApprovedSchema,
  approvalListSchema,
  approvalRequestedSchema,
  approvalReturnedSchema,
  requestApprovalBody,
  returnApprovalBody,
} from '../../contract/approvals.ts';
import type {
  declineProposalBody,
  includeProposalBody,
  proposalDeclinedSchema,
  proposalIncludedSchema,
  proposalListSchema,
  proposalsQuery,
  suggestionBody,
} from '../../contract/proposals.ts';
import type { onTheSpotBody, registerBody } from '../../contract/register-request.ts';
import type {
  assistanceRecordBody,
  assistanceRecordedSchema,
  caseActionBody,
  deliveryRecordedSchema,
  letterDeliveryBody,
  requestAttachedSchema,
  requestAttachmentBody,
  reviewCaseBody,
} from '../../contract/request-inputs.ts';
import type {
  actionResultSchema,
  answeredOnTheSpotSchema,
  caseDetailSchema,
  caseSummarySchema,
  dashboardCaseSchema,
  dashboardSchema,
  queueQuery,
  queueSchema,
  registeredSchema,
  reviewRecordedSchema,
} from '../../contract/requests.ts';
import { api } from './client.ts';

export type CaseSummary = z.infer<typeof caseSummarySchema>;
export type DashboardCase = z.infer<typeof dashboardCaseSchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
export type Queue = z.infer<typeof queueSchema>;
/** The queue's query: a filter, a page, and optionally search words and a received-date range. */
export type QueueQuery = z.infer<typeof queueQuery>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type CaseEvent = CaseDetail['events'][number];
export type CaseLetter = CaseDetail['letters'][number];
export type LetterDelivery = NonNullable<CaseLetter['delivery']>;
export type Registered = z.infer<typeof registeredSchema>;
/** 当场答复 (条例 第三十三条第一款): registered and answered the same day. */
export type AnsweredOnTheSpot = z.infer<typeof answeredOnTheSpotSchema>;
/** A 行政复议 or 行政诉讼 about a request, as the route takes it. */
export type ReviewCaseBody = z.input<typeof reviewCaseBody>;

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}`;

export const requestsApi = {
  dashboard: (agency: string) => api.call<Dashboard>(`${base(agency)}/dashboard`),
  queue: (agency: string, query: QueueQuery) => api.call<Queue>(`${base(agency)}/requests`, { query }),
  get: (agency: string, id: number) => api.call<CaseDetail>(`${base(agency)}/requests/${id}`),
  register: (agency: string, body: z.input<typeof registerBody>) =>
    api.call<Registered>(`${base(agency)}/requests`, { method: 'POST', body }),
  answerOnTheSpot: (agency: string, body: z.input<typeof onTheSpotBody>) =>
    api.call<AnsweredOnTheSpot>(`${base(agency)}/requests/on-the-spot`, { method: 'POST', body }),
  act: (agency: string, id: number, action: string, body: z.input<typeof caseActionBody>) =>
    api.call<z.infer<typeof actionResultSchema>>(`${base(agency)}/requests/${id}/actions/${action}`, {
      method: 'POST',
      body,
    }),
  recordReview: (agency: string, id: number, body: ReviewCaseBody) =>
    api.call<z.infer<typeof reviewRecordedSchema>>(`${base(agency)}/requests/${id}/reviews`, {
      method: 'POST',
      body,
    }),
  attach: (agency: string, id: number, body: z.input<typeof requestAttachmentBody>) =>
    api.call<z.infer<typeof requestAttachedSchema>>(`${base(agency)}/requests/${id}/attachments`, {
      method: 'POST',
      body,
    }),
  recordDelivery: (agency: string, id: number, letterId: number, body: z.input<typeof letterDeliveryBody>) =>
    api.call<z.infer<typeof deliveryRecordedSchema>>(
      `${base(agency)}/requests/${id}/letters/${letterId}/delivery`,
      {
        method: 'POST',
        body,
      },
    ),
  /** 条例 第四十三条: the help given to the applicant */
  recordAssistance: (agency: string, id: number, body: z.input<typeof assistanceRecordBody>) =>
    api.call<z.infer<typeof assistanceRecordedSchema>>(`${base(agency)}/requests/${id}/assistance`, {
      method: 'POST',
      body,
    }),
  letterUrl: (agency: string, id: number, letterId: number, format: 'docx' | 'html') =>
    `${base(agency)}/requests/${id}/letters/${letterId}.${format}`,
  attachmentUrl: (agency: string, id: number, attachmentId: number) =>
    `${base(agency)}/requests/${id}/attachments/${attachmentId}`,
};

/** 提请审批: a case action put to the approver, approved (the action taken) or returned. */
export type ApprovalRequest = CaseDetail['approvals'][number];

export const approvalsApi = {
  list: (agency: string, state?: 'pending' | 'approved' | 'returned') =>
    api.call<z.infer<typeof approvalListSchema>>(`${base(agency)}/approval-requests`, {
      query: state ? { state } : {},
    }),
  request: (agency: string, id: number, body: z.input<typeof requestApprovalBody>) =>
    api.call<z.infer<typeof approvalRequestedSchema>>(`${base(agency)}/requests/${id}/approval-requests`, {
      method: 'POST',
      body,
    }),
  approve: (agency: string, approvalId: number) =>
    api.call<z.infer<typeof approvalApprovedSchema>>(
      `${base(agency)}/approval-requests/${approvalId}/approve`,
      {
        method: 'POST',
        body: {},
      },
    ),
  return: (agency: string, approvalId: number, body: z.input<typeof returnApprovalBody>) =>
    api.call<z.infer<typeof approvalReturnedSchema>>(
      `${base(agency)}/approval-requests/${approvalId}/return`,
      {
        method: 'POST',
        body,
      },
    ),
};

/** 条例第四十四条: the year's proposals to publish proactively, 纳入, 不纳入, the applicant's suggestion. */
export type ProposalList = z.infer<typeof proposalListSchema>;
export type Proposal = ProposalList['proposals'][number];
export type IncludeProposalBody = z.input<typeof includeProposalBody>;
export type DeclineProposalBody = z.input<typeof declineProposalBody>;
export type SuggestionBody = z.input<typeof suggestionBody>;

export const proposalsApi = {
  list: (agency: string, query: { year?: number } & Omit<z.infer<typeof proposalsQuery>, 'year'>) =>
    api.call<ProposalList>(`${base(agency)}/requests/proposals`, { query }),
  include: (agency: string, body: IncludeProposalBody) =>
    api.call<z.infer<typeof proposalIncludedSchema>>(`${base(agency)}/requests/proposals/include`, {
      method: 'POST',
      body,
    }),
  decline: (agency: string, body: DeclineProposalBody) =>
    api.call<z.infer<typeof proposalDeclinedSchema>>(`${base(agency)}/requests/proposals/decline`, {
      method: 'POST',
      body,
    }),
  suggest: (agency: string, id: number, body: SuggestionBody) =>
    api.call<{ requestId: number }>(`${base(agency)}/requests/${id}/publish-suggestion`, {
      method: 'PUT',
      body,
    }),
};
