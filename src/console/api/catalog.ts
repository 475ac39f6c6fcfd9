/** The 标准目录 endpoints the console uses (docs/catalog.md). */
import type {
  Catalog,
  CatalogEntry,
  CatalogEntryEditInput,
  CatalogEntryInput,
  CatalogImport,
} from '../../contract/catalog.ts';
import { api } from './client.ts';

export type { Catalog, CatalogEntry, CatalogImport };

const base = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/catalog`;

export const catalogApi = {
  list: (agency: string) => api.call<Catalog>(base(agency)),
  add: (agency: string, body: CatalogEntryInput) =>
    api.call<CatalogEntry>(base(agency), { method: 'POST', body }),
  edit: (agency: string, id: number, body: CatalogEntryEditInput) =>
    api.call<CatalogEntry>(`${base(agency)}/${id}`, { method: 'PUT', body }),
  remove: (agency: string, id: number, version: number) =>
    api.call<null>(`${base(agency)}/${id}`, {
      method: 'DELETE',
      query: { expectedVersion: String(version) },
    }),
  import: (agency: string, body: { fileName: string; contentBase64: string }, dryRun: boolean) =>
    api.call<CatalogImport>(`${base(agency)}/import`, {
      method: 'POST',
      body,
      query: { dryRun: dryRun ? '1' : '0' },
    }),
  exportUrl: (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/catalog.xlsx`,
};
