/** The 公开指南 settings, 查阅场所 and the catalogue's 备注说明 (src/server/routes/agencies/guide.ts). */
import type {
  AgencyGuide,
  AgencyGuideInput,
  CatalogueColumnRow,
  ReadingPoint,
  ReadingPointInput,
} from '../../contract/guide.ts';
import { api } from './client.ts';

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}`;

export const guideApi = {
  guide: (agency: string) => api.call<AgencyGuide>(`${base(agency)}/guide`),
  setGuide: (agency: string, body: AgencyGuideInput) =>
    api.call<AgencyGuide>(`${base(agency)}/guide`, { method: 'PUT', body }),
  points: (agency: string) => api.call<{ points: ReadingPoint[] }>(`${base(agency)}/reading-points`),
  addPoint: (agency: string, body: ReadingPointInput) =>
    api.call<ReadingPoint>(`${base(agency)}/reading-points`, { method: 'POST', body }),
  changePoint: (agency: string, id: number, body: ReadingPointInput) =>
    api.call<ReadingPoint>(`${base(agency)}/reading-points/${id}`, { method: 'PUT', body }),
  removePoint: (agency: string, id: number) =>
    api.call<null>(`${base(agency)}/reading-points/${id}`, { method: 'DELETE' }),
  columns: (agency: string) =>
    api.call<{ columns: CatalogueColumnRow[] }>(`${base(agency)}/catalogue-columns`),
  setNote: (agency: string, column: Pick<CatalogueColumnRow, 'scope' | 'code'>, note: string) =>
    api.call<{ note: string }>(
      `${base(agency)}/catalogue-columns/${column.scope}/${encodeURIComponent(column.code)}/note`,
      { method: 'PUT', body: { note } },
    ),
};
