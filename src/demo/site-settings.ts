/**
 * The demo agency's 网站信息 (issue 13): plausible, and marked as the demo's — the identifiers are
 * test values in the right formats (a 网站标识码 of 10 digits, an ICP备案号, a 公安机关备案号), not
 * records anyone holds. The 承办单位 says so on every page.
 */
import type { SiteSettingsInput } from '../contract/site-settings.ts';

export const DEMO_SITE_SETTINGS: SiteSettingsInput = {
  siteName: '威海临港经济技术开发区政府信息公开（演示）',
  sponsor: '威海临港经济技术开发区管理委员会党政办公室',
  organizer: '演示数据：非真实承办单位',
  contactPhone: '0631-5587393',
  contactEmail: 'gongkai@demo.invalid',
  contactAddress: '威海临港经济技术开发区江苏东路（演示）',
  siteCode: '3710000000',
  icp: '鲁ICP备00000000号-1',
  psb: '鲁公网安备 37100000000000号',
};

/** The installation's: the portal that holds the demo agency's section (same test identifiers). */
export const DEMO_PORTAL_SITE_SETTINGS: SiteSettingsInput = {
  ...DEMO_SITE_SETTINGS,
  siteName: '威海临港经济技术开发区政府信息公开平台（演示）',
};
