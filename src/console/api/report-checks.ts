/** 年报体检 batches (`/api/v1/agencies/:code/report-checks`, docs/report-check.md). */
import type {
  ReportCheckBatch,
  ReportCheckBatchSummary,
  ReportCheckBody,
} from '../../contract/report-checks.ts';
import { api } from './client.ts';

export type { ReportCheckBatch, ReportCheckBatchSummary };

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/report-checks`;

export const reportChecksApi = {
  list: (agency: string) => api.call<{ batches: ReportCheckBatchSummary[] }>(base(agency)),
  get: (agency: string, id: number) => api.call<ReportCheckBatch>(`${base(agency)}/${id}`),
  create: (agency: string, body: ReportCheckBody) =>
    api.call<ReportCheckBatch>(base(agency), { method: 'POST', body }),
  /** reports.csv or findings.csv of a batch (a download link) */
  exportUrl: (agency: string, id: number, file: 'reports.csv' | 'findings.csv') =>
    `${base(agency)}/${id}/${file}`,
};
