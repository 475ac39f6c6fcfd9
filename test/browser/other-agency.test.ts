/**
 * A user of another agency, signed in, is refused each of the demo agency's staff pages the other
 * journeys use (a case, its letter, an item, the report draft), while the demo agency's own
 * operator is served the same URLs; in the console they only ever see their own agency.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { cliContext } from '../../src/cli/command-context.ts';
import { createUser } from '../../src/commands/accounts/create-user.ts';
import type { Db } from '../../src/db/connection.ts';
import { signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const OTHER = {
  code: 'rongcheng',
  name: '荣成市人民政府办公室',
  user: 'rongcheng-operator',
  password: 'other-agency-2026',
};

/** A second agency with one user holding every role there (and none in the demo agency). */
async function addOtherAgency(db: Db): Promise<void> {
  const agency = await db.kysely
    .insertInto('agencies')
    .values({
      code: OTHER.code,
      name: OTHER.name,
      short_name: '荣成市政府办',
      parent_id: null,
      kind: 'county_gov',
      address: '',
      postcode: '',
      phone: '',
      website: '',
      website_name: '',
      office: '',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const platform = { username: 'browser-test', platformAdmin: true, scopes: [] };
  const roles = ['operator', 'approver', 'reviewer', 'agency_admin'];
  await createUser(cliContext(db, platform), {
    username: OTHER.user,
    displayName: '荣成市经办人',
    password: OTHER.password,
    agency: { id: agency.id, roles },
  });
}

/** The demo agency's staff URLs: a case, one of its letters, an item, the 2021 report draft. */
async function demoStaffUrls(db: Db): Promise<Array<[string, string]>> {
  const letter = await db.kysely
    .selectFrom('letters')
    .innerJoin('agencies', 'agencies.id', 'letters.agency_id')
    .where('agencies.code', '=', 'lingang')
    .select(['letters.id', 'letters.request_id'])
    .orderBy('letters.id')
    .executeTakeFirstOrThrow();
  const item = await db.kysely
    .selectFrom('items')
    .innerJoin('agencies', 'agencies.id', 'items.agency_id')
    .where('agencies.code', '=', 'lingang')
    .select('items.id')
    .orderBy('items.id')
    .executeTakeFirstOrThrow();
  const base = '/api/v1/agencies/lingang';
  return [
    ['case', `${base}/requests/${letter.request_id}`],
    ['letter', `${base}/requests/${letter.request_id}/letters/${letter.id}.html`],
    ['item', `${base}/items/${item.id}`],
    ['report-draft', `${base}/reports/2021/draft`],
  ];
}

async function open(page: Page, url: string): Promise<{ status: number; body: string }> {
  const response = await page.goto(url);
  if (!response) throw new Error(`no response for ${url}`);
  return { status: response.status(), body: await response.text() };
}

describeJourney('journey: a user of another agency is refused the demo agency', 'other-agency', (use) => {
  let urls: Array<[string, string]> = [];

  it('serves the demo agency its own pages (the control)', async () => {
    const { page, server } = use();
    await addOtherAgency(server.db);
    urls = await demoStaffUrls(server.db);
    await signIn(page, server.baseUrl, 'lingang-operator');
    // through the page's request context (its cookies): the letter comes as a download
    for (const [name, path] of urls)
      expect((await page.request.get(server.baseUrl + path)).status(), name).toBe(200);
  });

  it('refuses each of them to the other agency’s user, in Chinese', async () => {
    const { browser, server, shot } = use();
    const other = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await other.newPage();
      await signIn(page, server.baseUrl, OTHER.user, OTHER.password);
      await shot(page, 'other-console');
      for (const [name, path] of urls) {
        const { status, body } = await open(page, server.baseUrl + path);
        expect(status, `${name} ${path}`).toBe(403);
        expect(body).toMatch(/\p{Script=Han}/u);
        expect(body).not.toContain('威海临港');
        await shot(page, `refused-${name}`);
      }
    } finally {
      await other.close();
    }
  });

  it('shows the other agency’s user only their own agency in the console', async () => {
    const { browser, server, shot } = use();
    const other = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await other.newPage();
      await signIn(page, server.baseUrl, OTHER.user, OTHER.password);
      // a stored choice of the demo agency (as on a shared computer) is not honoured
      await page.evaluate(() => localStorage.setItem('gongkai.console.agency', 'lingang'));
      const casePath = urls.find(([name]) => name === 'case')?.[1] ?? '';
      await page.goto(`${server.baseUrl}/console/requests/${casePath.split('/').pop()}`);
      await page.getByText(OTHER.name).first().waitFor();
      await page.getByRole('navigation', { name: '主菜单' }).waitFor();
      expect(await page.getByText('威海临港经济技术开发区管理委员会').count()).toBe(0);
      await shot(page, 'console-case-of-demo-agency');
    } finally {
      await other.close();
    }
  });
});
