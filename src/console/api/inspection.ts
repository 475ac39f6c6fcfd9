/**
 * 网站自查: the day's indicators, their history, the columns' classes (src/server/routes/agencies/inspection.ts),
 * the latest link check and a new one (inspection-links.ts).
 */
import type {
  ColumnClassesInput,
  ColumnSetting,
  Inspection,
  InspectionHistory,
  LinkCheck,
} from '../../contract/inspection.ts';
import { api } from './client.ts';

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}`;

export const inspectionApi = {
  today: (agency: string) => api.call<Inspection>(`${base(agency)}/inspection`),
  run: (agency: string) =>
    api.call<Inspection>(`${base(agency)}/inspection/run`, { method: 'POST', body: {} }),
  history: (agency: string, indicator: string, days = 90) =>
    api.call<InspectionHistory>(
      `${base(agency)}/inspection/history?indicator=${encodeURIComponent(indicator)}&days=${days}`,
    ),
  columns: (agency: string) => api.call<{ columns: ColumnSetting[] }>(`${base(agency)}/column-settings`),
  links: (agency: string) => api.call<LinkCheck>(`${base(agency)}/inspection/links`),
  checkLinks: (agency: string) =>
    api.call<LinkCheck>(`${base(agency)}/inspection/links/check`, { method: 'POST', body: {} }),
  evidenceUrl: (agency: string, from: string, to: string, file: 'pdf' | 'xlsx') =>
    `${base(agency)}/inspection/evidence.${file}?from=${from}&to=${to}`,
  subtreeEvidenceUrl: (root: string, from: string, to: string, file: 'pdf' | 'xlsx') =>
    `${base(root)}/supervision/inspection-evidence.${file}?from=${from}&to=${to}`,
  setColumns: (agency: string, body: ColumnClassesInput) =>
    api.call<{ columns: ColumnSetting[] }>(`${base(agency)}/column-settings`, { method: 'PUT', body }),
};
