/**
 * A portal's identity as a government website (issue 13): the settings an installation (the whole
 * portal) and each agency (its 政府信息公开 section) store, and what a page shows — each field the
 * agency's own, else the installation's, else a default. Empty text means “not set”.
 */
import { ICP_SEARCH_URL, psbSearchUrl } from './identifiers.ts';

/** What is stored, per installation and per agency ('' = not set). */
export interface SiteSettings {
  /** 网站名称: the title; default the agency's name, or the installation's portal name */
  siteName: string;
  /** 网站地址: the site's address (`https://gk.example.gov.cn`), for SiteDomain and sitemap.xml */
  siteUrl: string;
  /** 主办单位 */
  sponsor: string;
  /** 承办单位 */
  organizer: string;
  /** 联系我们: phone, email, address, or a page of its own */
  contactPhone: string;
  contactEmail: string;
  contactAddress: string;
  contactPage: string;
  /** 网站标识码 (10 characters, assigned by 国务院办公厅) */
  siteCode: string;
  /** ICP备案号, e.g. 鲁ICP备12345678号-1 */
  icp: string;
  /** 公安机关备案号, e.g. 鲁公网安备 37100202000123号 */
  psb: string;
  /** 党政机关网站 mark: the image and the page it links to (its 开办资格 record) */
  markImage: string;
  markLink: string;
  /** the icon browsers show; default the portal's own /favicon.ico */
  favicon: string;
}

export const SITE_FIELDS = [
  'siteName',
  'siteUrl',
  'sponsor',
  'organizer',
  'contactPhone',
  'contactEmail',
  'contactAddress',
  'contactPage',
  'siteCode',
  'icp',
  'psb',
  'markImage',
  'markLink',
  'favicon',
] as const satisfies ReadonlyArray<keyof SiteSettings>;

/** Each field's name on screen and in messages. */
export const SITE_FIELD_LABELS: Readonly<Record<keyof SiteSettings, string>> = {
  siteName: '网站名称',
  siteUrl: '网站地址',
  sponsor: '主办单位',
  organizer: '承办单位',
  contactPhone: '联系电话',
  contactEmail: '联系邮箱',
  contactAddress: '通信地址',
  contactPage: '联系我们页面',
  siteCode: '网站标识码',
  icp: 'ICP备案号',
  psb: '公安机关备案号',
  markImage: '党政机关网站标识图片',
  markLink: '党政机关网站标识链接',
  favicon: '网站图标',
};

/** Nothing set. */
export const EMPTY_SITE_SETTINGS: SiteSettings = Object.freeze(
  Object.fromEntries(SITE_FIELDS.map((f) => [f, ''])) as unknown as SiteSettings,
);

/** The portal's name when the installation has not set one. */
export const DEFAULT_PORTAL_NAME = '公开 · 政府信息公开平台';
/** The icon served when none is set. */
export const DEFAULT_FAVICON = '/favicon.ico';

/** What a page shows of the site: every field resolved. */
export interface SiteIdentity {
  /** the title's suffix and the band's name */
  name: string;
  /** the host (SiteDomain), '' when unknown */
  domain: string;
  /** the site's origin, '' when not set */
  origin: string;
  sponsor: string;
  organizer: string;
  contact: { phone: string; email: string; address: string; page: string };
  siteCode: string;
  icp: { number: string; href: string } | null;
  psb: { number: string; href: string } | null;
  mark: { image: string; href: string } | null;
  favicon: string;
}

/** The origin and host of an address (`https://gk.example.gov.cn/x` → its origin and host), or ''. */
export function originOf(url: string): { origin: string; host: string } {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { origin: '', host: '' };
    return { origin: parsed.origin, host: parsed.host };
  } catch {
    return { origin: '', host: '' };
  }
}

/**
 * What a page shows: the agency's own setting, else the installation's; the name is the agency's
 * own 网站名称, else its name (an agency page), else the installation's name, else the default.
 */
export function resolveSiteIdentity(
  installation: SiteSettings,
  agency?: { name: string; settings: SiteSettings | null },
): SiteIdentity {
  const own = agency?.settings ?? EMPTY_SITE_SETTINGS;
  const pick = (field: keyof SiteSettings): string => own[field] || installation[field];
  const name = agency ? own.siteName || agency.name : installation.siteName || DEFAULT_PORTAL_NAME;
  const { origin, host } = originOf(pick('siteUrl'));
  const icp = pick('icp');
  const psb = pick('psb');
  const psbHref = psb ? psbSearchUrl(psb) : null;
  const markImage = pick('markImage');
  return {
    name,
    domain: host,
    origin,
    sponsor: pick('sponsor') || (agency ? agency.name : ''),
    organizer: pick('organizer'),
    contact: {
      phone: pick('contactPhone'),
      email: pick('contactEmail'),
      address: pick('contactAddress'),
      page: pick('contactPage'),
    },
    siteCode: pick('siteCode'),
    icp: icp ? { number: icp, href: ICP_SEARCH_URL } : null,
    psb: psb && psbHref ? { number: psb, href: psbHref } : null,
    mark: markImage ? { image: markImage, href: pick('markLink') } : null,
    favicon: pick('favicon') || DEFAULT_FAVICON,
  };
}

/** The identity of an installation with nothing set. */
export const DEFAULT_SITE_IDENTITY: SiteIdentity = resolveSiteIdentity(EMPTY_SITE_SETTINGS);
