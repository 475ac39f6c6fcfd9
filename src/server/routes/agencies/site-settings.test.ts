import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import type { Db } from '../../../db/connection.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'site-settings-2026';
const AGENCY_URL = '/api/v1/agencies/ss-mine/site-settings';
const INSTALLATION_URL = '/api/v1/site-settings';

const AGENCY_SETTINGS = {
  siteName: '临港区政府信息公开',
  sponsor: '临港区人民政府办公室',
  organizer: '临港区大数据中心',
  contactPhone: '0631-5800000',
  contactEmail: 'gongkai@lingang.example.gov.cn',
  contactAddress: '临港区人民路1号',
  siteCode: '3710020001',
  icp: '鲁ICP备12345678号-1',
  psb: '鲁公网安备 37100202000123号',
  markImage: '/assets/mark.png',
  markLink: 'https://bszs.conac.cn/',
};

describeEachDatabase('GET|PUT site settings (the agency’s and the installation’s)', (use) => {
  let app: FastifyInstance;
  let db: Db;
  let agencyId: number;
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = use();
    agencyId = await addAgency(db, 'ss-mine');
    await addUser(db, { username: 'ss-admin', password: PASSWORD, agencyId, roles: ['agency_admin'] });
    await addUser(db, { username: 'ss-operator', password: PASSWORD, agencyId, roles: ['operator'] });
    await addUser(db, { username: 'ss-platform', password: PASSWORD, platformAdmin: true });
    app = await buildServer({ db, signInLimits: { perIpPerMinute: 1000 } });
    for (const user of ['ss-admin', 'ss-operator', 'ss-platform'])
      as[user] = (await signInAs(app, user, PASSWORD)).headers;
  });
  afterAll(() => app.close());

  const put = (url: string, user: string, payload: object) =>
    app.inject({ method: 'PUT', url, headers: as[user], payload });
  const siteEvents = () =>
    db.kysely.selectFrom('events').selectAll().where('name', '=', 'settings.site_set').execute();

  it('reads blanks until set; the agency admin saves them, with an event; the portal shows them at once', async () => {
    const blank = await app.inject({ url: AGENCY_URL, headers: as['ss-operator'] });
    expect(blank.statusCode).toBe(200);
    expect(blank.json().siteCode).toBe('');
    const before = await app.inject({ url: '/agencies/ss-mine/gongkai' });
    expect(before.body).not.toContain('3710020001');

    const saved = await put(AGENCY_URL, 'ss-admin', AGENCY_SETTINGS);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject(AGENCY_SETTINGS);
    const events = await siteEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      agency_id: agencyId,
      actor: 'ss-admin',
      subject_id: `agency:${agencyId}`,
    });

    const page = await app.inject({ url: '/agencies/ss-mine/gongkai' });
    expect(page.body).toContain('<meta name="SiteIDCode" content="3710020001">');
    expect(page.body).toContain('<meta name="SiteName" content="临港区政府信息公开">');
    expect(page.body).toContain('主办单位：临港区人民政府办公室');
    expect(page.body).toContain('承办单位：临港区大数据中心');
    expect(page.body).toContain(
      '<a href="https://beian.miit.gov.cn/" rel="noopener">鲁ICP备12345678号-1</a>',
    );
    expect(page.body).toContain('href="https://beian.mps.gov.cn/#/query/webSearch?code=37100202000123"');
    expect(page.body).toContain('<img src="/assets/mark.png" alt="党政机关网站标识"');
  });

  it('refuses an operator and a platform route to an agency admin, naming who may', async () => {
    const operator = await put(AGENCY_URL, 'ss-operator', AGENCY_SETTINGS);
    expect(operator.statusCode).toBe(403);
    expect(operator.json().error.message).toContain('机关管理员');
    const installation = await put(INSTALLATION_URL, 'ss-admin', { siteName: '平台' });
    expect(installation.statusCode).toBe(403);
    expect(installation.json().error.message).toContain('平台管理员');
  });

  it.each([
    ['网站标识码', { siteCode: '37100' }, '网站标识码应为国务院办公厅分配的 10 位'],
    ['ICP备案号', { icp: 'ICP12345678' }, 'ICP备案号格式不正确，应如 鲁ICP备12345678号-1'],
    ['公安机关备案号', { psb: '鲁公网安备123号' }, '公安机关备案号格式不正确'],
    ['联系邮箱', { contactEmail: 'not-an-email' }, '联系邮箱格式不正确'],
    ['网站地址', { siteUrl: 'gk.example.gov.cn' }, '网站地址应为以 https:// 开头的网址'],
    [
      '党政机关网站标识图片',
      { markImage: 'javascript:alert(1)' },
      '党政机关网站标识图片应为以 https:// 开头的网址或以 / 开头的本站地址',
    ],
  ])('refuses a wrong %s in Chinese and writes nothing', async (_field, wrong, message) => {
    const before = (await siteEvents()).length;
    const res = await put(AGENCY_URL, 'ss-admin', { ...AGENCY_SETTINGS, ...wrong });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(message);
    expect(res.json().error.message).not.toMatch(/[a-z][A-Z]/); // no camelCase field name
    expect((await siteEvents()).length).toBe(before);
    expect((await app.inject({ url: AGENCY_URL, headers: as['ss-admin'] })).json()).toMatchObject(
      AGENCY_SETTINGS,
    );
  });

  it('lets the platform administrator name the whole portal; agencies without their own fields take them', async () => {
    const saved = await put(INSTALLATION_URL, 'ss-platform', {
      siteName: '威海市政府信息公开平台',
      siteUrl: 'https://gk.weihai.example.gov.cn',
      favicon: 'https://gk.weihai.example.gov.cn/icon.ico',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await app.inject({ url: INSTALLATION_URL, headers: as['ss-platform'] })).json().siteName).toBe(
      '威海市政府信息公开平台',
    );
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain('<title>威海市政府信息公开平台</title>');
    expect(home.body).toContain('<meta name="SiteDomain" content="gk.weihai.example.gov.cn">');
    expect(home.body).toContain('<link rel="icon" href="https://gk.weihai.example.gov.cn/icon.ico">');
    const icon = await app.inject({ url: '/favicon.ico' });
    expect(icon.statusCode).toBe(302);
    expect(icon.headers.location).toBe('https://gk.weihai.example.gov.cn/icon.ico');
    const robots = await app.inject({ url: '/robots.txt' });
    expect(robots.body).toContain('Sitemap: https://gk.weihai.example.gov.cn/sitemap.xml');
    const events = await siteEvents();
    expect(events.at(-1)).toMatchObject({
      agency_id: null,
      actor: 'ss-platform',
      subject_id: 'installation',
    });
  });
});
