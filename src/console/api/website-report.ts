/** 政府网站工作年度报表 (src/server/routes/agencies/website-report.ts). */
import type { WebsiteReport, WebsiteReportInput } from '../../contract/website-report.ts';
import { api } from './client.ts';

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/website-report`;

export const websiteReportApi = {
  read: (agency: string, year: number) => api.call<WebsiteReport>(`${base(agency)}?year=${year}`),
  save: (agency: string, year: number, body: WebsiteReportInput) =>
    api.call<WebsiteReport>(`${base(agency)}?year=${year}`, { method: 'PUT', body }),
  fileUrl: (agency: string, year: number, file: 'docx' | 'xlsx', draft: boolean) =>
    `${base(agency)}.${file}?year=${year}${draft ? '&draft=1' : ''}`,
};
