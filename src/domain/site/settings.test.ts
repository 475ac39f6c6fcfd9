import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PORTAL_NAME,
  EMPTY_SITE_SETTINGS,
  resolveSiteIdentity,
  type SiteSettings,
} from './settings.ts';

const installation: SiteSettings = {
  ...EMPTY_SITE_SETTINGS,
  siteName: '威海市政府信息公开平台',
  siteUrl: 'https://gk.weihai.gov.cn',
  sponsor: '威海市人民政府办公室',
  icp: '鲁ICP备12345678号-1',
  psb: '鲁公网安备 37100202000123号',
  siteCode: '3710000001',
};

describe('resolveSiteIdentity', () => {
  it.each([
    ['nothing set anywhere: the default name', EMPTY_SITE_SETTINGS, undefined, DEFAULT_PORTAL_NAME],
    ['the installation named', installation, undefined, '威海市政府信息公开平台'],
    [
      'an agency without its own name: the agency’s name',
      installation,
      { name: '临港区人民政府', settings: null },
      '临港区人民政府',
    ],
    [
      'an agency with its own 网站名称',
      installation,
      { name: '临港区人民政府', settings: { ...EMPTY_SITE_SETTINGS, siteName: '临港区政务公开' } },
      '临港区政务公开',
    ],
  ])('%s', (_situation, settings, agency, name) => {
    expect(resolveSiteIdentity(settings, agency).name).toBe(name);
  });

  it('takes the agency’s own field, else the installation’s', () => {
    const identity = resolveSiteIdentity(installation, {
      name: '临港区人民政府',
      settings: { ...EMPTY_SITE_SETTINGS, siteCode: '3710020001', organizer: '临港区政务服务中心' },
    });
    expect(identity.siteCode).toBe('3710020001');
    expect(identity.organizer).toBe('临港区政务服务中心');
    expect(identity.icp).toEqual({ number: '鲁ICP备12345678号-1', href: 'https://beian.miit.gov.cn/' });
    expect(identity.psb?.href).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=37100202000123');
    expect(identity.domain).toBe('gk.weihai.gov.cn');
    expect(identity.origin).toBe('https://gk.weihai.gov.cn');
    expect(identity.sponsor).toBe('威海市人民政府办公室');
  });

  it('shows an agency page’s 主办单位 as the agency when none is set', () => {
    const identity = resolveSiteIdentity(EMPTY_SITE_SETTINGS, { name: '临港区人民政府', settings: null });
    expect(identity.sponsor).toBe('临港区人民政府');
    expect(identity.icp).toBeNull();
    expect(identity.psb).toBeNull();
    expect(identity.mark).toBeNull();
    expect(identity.favicon).toBe('/favicon.ico');
    expect(identity.domain).toBe('');
  });

  it('shows the 党政机关 mark only when its image is set', () => {
    const marked = {
      ...EMPTY_SITE_SETTINGS,
      markImage: '/files/mark.png',
      markLink: 'https://bszs.conac.cn/',
    };
    expect(resolveSiteIdentity(marked).mark).toEqual({
      image: '/files/mark.png',
      href: 'https://bszs.conac.cn/',
    });
    expect(
      resolveSiteIdentity({ ...EMPTY_SITE_SETTINGS, markLink: 'https://bszs.conac.cn/' }).mark,
    ).toBeNull();
  });
});
