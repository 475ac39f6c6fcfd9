/** The annual report endpoints the console uses: the draft, validation, publication, versions, figures. */
import type { z } from 'zod';
import type {
  cellRecordsSchema,
  correctionBody,
  draftSchema,
  figuresBody,
  figuresImportBody,
  figuresSchema,
  paragraph,
  publishBody,
  reportYearListSchema,
  sectionsInput,
  segment,
  validationSchema,
  versionListSchema,
  violation,
} from '../../contract/reports.ts';
import { api } from './client.ts';

export { NARRATIVE_KEYS, type NarrativeKey } from '../../domain/report/edit.ts';

export type Violation = z.infer<typeof violation>;
export type Segment = z.infer<typeof segment>;
export type Paragraph = z.infer<typeof paragraph>;
export type Draft = z.infer<typeof draftSchema>;
export type DraftSection = Draft['sections']['overview'];
export type VersionSummary = z.infer<typeof versionListSchema>['versions'][number];
export type CellRecords = z.infer<typeof cellRecordsSchema>;
export type Figures = z.infer<typeof figuresSchema>;
/** New text for some of the narrative sections; those left out keep theirs. */
export type SectionsInput = z.input<typeof sectionsInput>;
export type ReportYear = z.infer<typeof reportYearListSchema>['years'][number];

const base = (agency: string, year: number) =>
  `/api/v1/agencies/${encodeURIComponent(agency)}/reports/${year}`;

export const reportsApi = {
  /** the report years, each 未编制, 草稿, 已发布 or 逾期未发布 */
  years: (agency: string) =>
    api.call<z.infer<typeof reportYearListSchema>>(`/api/v1/agencies/${encodeURIComponent(agency)}/reports`),
  draft: (agency: string, year: number) => api.call<Draft>(`${base(agency, year)}/draft`),
  save: (agency: string, year: number, expectedVersion: number, sections: SectionsInput) =>
    api.call<Draft>(`${base(agency, year)}/draft`, { method: 'PUT', body: { expectedVersion, sections } }),
  validate: (agency: string, year: number, sections: SectionsInput) =>
    api.call<z.infer<typeof validationSchema>>(`${base(agency, year)}/validate`, {
      method: 'POST',
      body: { sections },
    }),
  /** 发布: refused (409) while the report has an error, unless an approver gives a 说明 (`note`). */
  publish: (agency: string, year: number, body: z.input<typeof publishBody> = {}) =>
    api.call<VersionSummary>(`${base(agency, year)}/publish`, { method: 'POST', body }),
  correct: (agency: string, year: number, body: z.input<typeof correctionBody>) =>
    api.call<VersionSummary>(`${base(agency, year)}/corrections`, { method: 'POST', body }),
  versions: (agency: string, year: number) =>
    api.call<{ year: number; versions: VersionSummary[] }>(`${base(agency, year)}/versions`),
  cellRecords: (agency: string, year: number, cell: string) =>
    api.call<CellRecords>(`${base(agency, year)}/cells/${encodeURIComponent(cell)}/records`, {
      query: { limit: 50 },
    }),
  figures: (agency: string, year: number) => api.call<Figures>(`${base(agency, year)}/figures`),
  saveFigures: (agency: string, year: number, body: z.input<typeof figuresBody>) =>
    api.call<Figures>(`${base(agency, year)}/figures`, { method: 'PUT', body }),
  importFigures: (agency: string, year: number, body: z.input<typeof figuresImportBody>) =>
    api.call<Figures>(`${base(agency, year)}/figures/import`, { method: 'POST', body }),
  templateUrl: (agency: string, year: number) => `${base(agency, year)}/figures/template.xlsx`,
  fileUrl: (agency: string, year: number, format: 'html' | 'docx' | 'pdf') =>
    `${base(agency, year)}.${format}`,
  versionUrl: (agency: string, year: number, version: number, format: 'html' | 'docx' | 'pdf') =>
    `${base(agency, year)}/versions/${version}.${format}`,
};
