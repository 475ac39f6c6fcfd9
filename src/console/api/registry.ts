/** The normative-document registry endpoints the console uses (docs/registry.md). */
import type { z } from 'zod';
import type {
  documentPageSchema,
  historySchema,
  recordedSchema,
  registryDocumentSchema,
  reviewPassSchema,
} from '../../contract/registry.ts';
import type {
  AmendInput,
  IssueInput,
  RepealInput,
  ReviewDecisionInput,
} from '../../contract/registry-inputs.ts';
import { api } from './client.ts';

/** One version of a 规章 or 行政规范性文件. */
export type RegistryDocument = z.infer<typeof registryDocumentSchema>;
export type DocumentHistory = z.infer<typeof historySchema>;
/** A change to a version: registry.issued | amended | superseded | repealed | reviewed. */
export type RegistryEvent = DocumentHistory['events'][number];
export type ReviewPass = z.infer<typeof reviewPassSchema>;
export type ReviewedDocument = ReviewPass['decisions'][number];

/** The new version of an amendment: 文号, title and issuer default to the amended version's. */
export type AmendBody = AmendInput;
export type RepealBody = RepealInput;
/** One decision of a review pass; `amendment` for 修改, `repeal` for 废止. */
export type ReviewDecisionBody = ReviewDecisionInput;

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/registry`;

export const registryApi = {
  documents: (agency: string, query: { status?: string; kind?: string; limit: number; offset: number }) =>
    api.call<z.infer<typeof documentPageSchema>>(`${base(agency)}/documents`, { query }),
  issue: (agency: string, body: IssueInput) =>
    api.call<RegistryDocument>(`${base(agency)}/documents`, { method: 'POST', body }),
  history: (agency: string, id: number) => api.call<DocumentHistory>(`${base(agency)}/documents/${id}`),
  amend: (agency: string, id: number, body: AmendBody) =>
    api.call<RegistryDocument>(`${base(agency)}/documents/${id}/amend`, { method: 'POST', body }),
  repeal: (agency: string, id: number, body: RepealBody) =>
    api.call<RegistryDocument>(`${base(agency)}/documents/${id}/repeal`, { method: 'POST', body }),
  review: (agency: string, year: number) => api.call<ReviewPass>(`${base(agency)}/reviews/${year}`),
  recordReview: (
    agency: string,
    year: number,
    body: { reviewedOn: string; decisions: ReviewDecisionBody[] },
  ) => api.call<z.infer<typeof recordedSchema>>(`${base(agency)}/reviews/${year}`, { method: 'POST', body }),
};
