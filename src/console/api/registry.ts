/** The normative-document registry endpoints the console uses (docs/registry.md). */
import { api } from './client.ts';

/** One version of a 规章 or 行政规范性文件. */
export interface RegistryDocument {
  id: number;
  kind: string;
  kindLabel: string;
  docNumber: string;
  title: string;
  issuer: string;
  issuedOn: string;
  /** the day this version stopped being in force: repealed, or superseded by an amendment */
  repealedOn: string | null;
  repealedBy: string | null;
  status: string;
  statusLabel: string;
  version: number;
  supersedesId: number | null;
  supersededById: number | null;
  itemId: number | null;
}

/** A change to a version: registry.issued | amended | superseded | repealed | reviewed. */
export interface RegistryEvent {
  id: number;
  documentId: number;
  type: string;
  actor: string;
  at: string;
  data: unknown;
}

export interface DocumentHistory {
  /** oldest first */
  versions: RegistryDocument[];
  events: RegistryEvent[];
}

export interface ReviewedDocument {
  reviewId: number;
  decision: string;
  decisionLabel: string;
  note: string;
  reviewedOn: string;
  actor: string;
  resultDocumentId: number | null;
  document: RegistryDocument;
}

export interface ReviewPass {
  year: number;
  decisions: ReviewedDocument[];
  /** in force, issued by the year's end, no decision yet */
  pending: RegistryDocument[];
  counts: { kept: number; amended: number; repealed: number; pending: number };
}

/** The new version of an amendment: 文号, title and issuer default to the amended version's. */
export interface AmendBody {
  issuedOn: string;
  docNumber?: string;
  title?: string;
  issuer?: string;
}

export interface RepealBody {
  repealedOn: string;
  repealedBy: string;
}

/** One decision of a review pass; `amendment` for 修改, `repeal` for 废止. */
export interface ReviewDecisionBody {
  documentId: number;
  decision: 'kept' | 'amended' | 'repealed';
  note?: string;
  amendment?: Partial<AmendBody>;
  repeal?: Partial<RepealBody> & { repealedBy: string };
}

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/registry`;

export const registryApi = {
  documents: (agency: string, query: { status?: string; kind?: string; limit: number; offset: number }) =>
    api.call<{ total: number; items: RegistryDocument[] }>(`${base(agency)}/documents`, { query }),
  issue: (agency: string, body: Record<string, unknown>) =>
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
  ) =>
    api.call<{ year: number; recorded: Array<{ documentId: number; resultDocumentId: number | null }> }>(
      `${base(agency)}/reviews/${year}`,
      { method: 'POST', body },
    ),
};
