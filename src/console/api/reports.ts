/** The annual report endpoints the console uses. */
import { api } from './client.ts';

export interface Violation {
  code: string;
  rule: string;
  severity: 'error' | 'warning';
  cells: string[];
  message: string;
}

export interface ReportJson {
  agency: string;
  year: number;
  agencyName: string;
  publishedOn: string | null;
  preamble: string[];
  cells: Record<string, number | string>;
  sections: Record<string, { heading: string; paragraphs?: string[]; table?: 't2' | 't3' | 't4' }>;
  violations: Violation[];
}

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/reports`;

export const reportsApi = {
  get: (agency: string, year: number) => api.call<ReportJson>(`${base(agency)}/${year}`),
  fileUrl: (agency: string, year: number, format: 'html' | 'docx' | 'pdf') =>
    `${base(agency)}/${year}.${format}`,
};
