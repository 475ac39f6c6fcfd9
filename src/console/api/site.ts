/** A site's settings (网站信息): an agency's (`…/site-settings`) or the whole portal's (`/api/v1/site-settings`). */
import type { SiteSettingsInput } from '../../contract/site-settings.ts';
import type { SiteSettings } from '../../domain/site/settings.ts';
import { api } from './client.ts';

const agencyUrl = (agency: string) => `/api/v1/agencies/${encodeURIComponent(agency)}/site-settings`;

export const siteApi = {
  agency: (agency: string) => api.call<SiteSettings>(agencyUrl(agency)),
  setAgency: (agency: string, body: SiteSettingsInput) =>
    api.call<SiteSettings>(agencyUrl(agency), { method: 'PUT', body }),
  installation: () => api.call<SiteSettings>('/api/v1/site-settings'),
  setInstallation: (body: SiteSettingsInput) =>
    api.call<SiteSettings>('/api/v1/site-settings', { method: 'PUT', body }),
};
