/** A site's settings (网站信息): an agency's (`…/site-settings`) or the whole portal's (`/api/v1/site-settings`). */
import type { SiteImageInput, SiteSettingsInput } from '../../contract/site-settings.ts';
import type { SiteImageField } from '../../domain/site/images.ts';
import type { SiteSettings } from '../../domain/site/settings.ts';
import { base64Of } from '../lib/files.ts';
import { api } from './client.ts';

/** The upload's JSON body: the field, the file's name and its content in base64. */
async function imageBody(field: SiteImageField, file: File): Promise<SiteImageInput> {
  return { field, fileName: file.name, contentBase64: await base64Of(file) };
}

const agencyUrl = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/site-settings`;

export const siteApi = {
  agency: (agency: string) => api.call<SiteSettings>(agencyUrl(agency)),
  setAgency: (agency: string, body: SiteSettingsInput) =>
    api.call<SiteSettings>(agencyUrl(agency), { method: 'PUT', body }),
  uploadAgencyImage: async (agency: string, field: SiteImageField, file: File) =>
    api.call<SiteSettings>(`${agencyUrl(agency)}/images`, {
      method: 'POST',
      body: await imageBody(field, file),
    }),
  installation: () => api.call<SiteSettings>('/api/v1/site-settings'),
  setInstallation: (body: SiteSettingsInput) =>
    api.call<SiteSettings>('/api/v1/site-settings', { method: 'PUT', body }),
  uploadInstallationImage: async (field: SiteImageField, file: File) =>
    api.call<SiteSettings>('/api/v1/site-settings/images', {
      method: 'POST',
      body: await imageBody(field, file),
    }),
};
