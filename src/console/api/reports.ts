/** The annual report endpoints the console uses: the draft, validation, publication, versions, figures. */
import { api } from './client.ts';

export interface Violation {
  code: string;
  rule: string;
  severity: 'error' | 'warning';
  cells: string[];
  message: string;
}

export interface Segment {
  kind: 'generated' | 'staff';
  key?: string;
  text: string;
  replaces?: string;
}

export interface Paragraph {
  topic: string;
  title: string;
  segments: Segment[];
}

export const NARRATIVE_KEYS = ['overview', 'problems', 'other'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];

export interface DraftSection {
  heading: string;
  stored: Paragraph[] | null;
  generated: Paragraph[];
  merged: Paragraph[];
  printed: string[];
}

export interface Draft {
  agency: string;
  year: number;
  version: number;
  publishedVersion: number;
  publishedOn: string | null;
  cells: Record<string, number | string>;
  sections: Record<NarrativeKey, DraftSection>;
  violations: Violation[];
}

export interface VersionSummary {
  version: number;
  publishedOn: string;
  reason: string | null;
  actor: string;
  recordedAt: string;
}

export interface CellRecords {
  cell: string;
  source: 'records' | 'figures';
  value: number | string | null;
  note?: string;
  total: number;
  records: Array<{ type: string; id: number; label: string; date: string | null; link: string | null }>;
}

export interface Figures {
  year: number;
  figures: {
    licenseDecisions: number;
    penaltyDecisions: number;
    enforcementDecisions: number;
    feesYuan: number;
    feesWan: string;
  } | null;
  publishedVersion: number;
}

/** A segment as the API takes it: a generated sentence by its key only, staff text as written. */
export type SegmentInput =
  | { kind: 'generated'; key: string }
  | { kind: 'staff'; text: string; replaces?: string };

/** A paragraph as the API takes it. */
export interface ParagraphInput {
  topic: string;
  title: string;
  segments: SegmentInput[];
}

export type SectionsInput = Partial<Record<NarrativeKey, ParagraphInput[]>>;

const base = (agency: string, year: number) =>
  `/api/v1/agencies/${encodeURIComponent(agency)}/reports/${year}`;

export const reportsApi = {
  draft: (agency: string, year: number) => api.call<Draft>(`${base(agency, year)}/draft`),
  save: (agency: string, year: number, expectedVersion: number, sections: SectionsInput) =>
    api.call<Draft>(`${base(agency, year)}/draft`, { method: 'PUT', body: { expectedVersion, sections } }),
  validate: (agency: string, year: number, sections: SectionsInput) =>
    api.call<{ violations: Violation[]; printed: Record<string, string[]> }>(
      `${base(agency, year)}/validate`,
      {
        method: 'POST',
        body: { sections },
      },
    ),
  publish: (agency: string, year: number) =>
    api.call<VersionSummary>(`${base(agency, year)}/publish`, { method: 'POST', body: {} }),
  correct: (
    agency: string,
    year: number,
    body: { reason: string; sections?: SectionsInput; expectedVersion?: number },
  ) => api.call<VersionSummary>(`${base(agency, year)}/corrections`, { method: 'POST', body }),
  versions: (agency: string, year: number) =>
    api.call<{ year: number; versions: VersionSummary[] }>(`${base(agency, year)}/versions`),
  cellRecords: (agency: string, year: number, cell: string) =>
    api.call<CellRecords>(`${base(agency, year)}/cells/${encodeURIComponent(cell)}/records`, {
      query: { limit: 50 },
    }),
  figures: (agency: string, year: number) => api.call<Figures>(`${base(agency, year)}/figures`),
  saveFigures: (agency: string, year: number, body: Record<string, number | string | undefined>) =>
    api.call<Figures>(`${base(agency, year)}/figures`, { method: 'PUT', body }),
  importFigures: (agency: string, year: number, fileName: string, contentBase64: string) =>
    api.call<Figures>(`${base(agency, year)}/figures/import`, {
      method: 'POST',
      body: { fileName, contentBase64 },
    }),
  templateUrl: (agency: string, year: number) => `${base(agency, year)}/figures/template.xlsx`,
  fileUrl: (agency: string, year: number, format: 'html' | 'docx' | 'pdf') =>
    `${base(agency, year)}.${format}`,
  versionUrl: (agency: string, year: number, version: number, format: 'html' | 'docx' | 'pdf') =>
    `${base(agency, year)}/versions/${version}.${format}`,
};
