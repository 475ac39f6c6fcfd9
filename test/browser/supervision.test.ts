/**
 * Issue 15: a 政务公开办's supervisor signs in and lands on the 监督工作台 of their city — every agency
 * below it with its report status and its figures — opens the demo agency read-only (its 工作台, its
 * request queue without 登记申请, one case without its actions), and the page fits a phone.
 */
import { expect, it } from 'vitest';
import { cliContext } from '../../src/cli/command-context.ts';
import { createUser } from '../../src/commands/accounts/create-user.ts';
import type { Db } from '../../src/db/connection.ts';
import { go, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const SUPERVISOR = { user: 'weihai-supervisor', password: 'supervise-weihai-2026' };

/** 威海市 above the demo agency and a district with a county bureau; the supervisor over the city. */
async function addCity(db: Db): Promise<void> {
  const created_at = new Date().toISOString();
  const agency = async (code: string, name: string, parentId: number | null) => {
    const row = await db.kysely
      .insertInto('agencies')
      .values({
        ...{
          code,
          name,
          short_name: name,
          parent_id: parentId,
          kind: 'government',
          address: '',
          postcode: '',
        },
        ...{ phone: '', website: '', website_name: '', office: '', created_at },
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const city = await agency('weihai', '威海市人民政府办公室', null);
  await db.kysely.updateTable('agencies').set({ parent_id: city }).where('code', '=', 'lingang').execute();
  const district = await agency('huancui', '威海市环翠区人民政府办公室', city);
  await agency('huancui-edu', '环翠区教育局', district);
  const platform = { username: 'browser-test', platformAdmin: true, scopes: [] };
  await createUser(cliContext(db, platform), {
    username: SUPERVISOR.user,
    displayName: '王督查',
    password: SUPERVISOR.password,
    agency: { id: city, roles: ['supervisor'] },
  });
}

describeJourney('journey: a supervisor oversees the agencies below their office', 'supervision', (use) => {
  it('lands on the 监督工作台 with the subtree and its figures', async () => {
    const { page, server, shot } = use();
    await addCity(server.db);
    await signIn(page, server.baseUrl, SUPERVISOR.user, SUPERVISOR.password);
    await page.waitForURL(/\/console\/supervision$/);
    await page.getByRole('heading', { name: '监督工作台' }).waitFor();
    await page.getByText(/威海市人民政府办公室及其下级机关共 4 个/).waitFor();
    // the year's figures say up to when every change is in (counts kept ahead, China time)
    await page.getByText(/年度数字统计截至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}。/).waitFor();
    await expect(page.getByText('只读查看', { exact: true }).count()).resolves.toBe(1);
    for (const name of [
      '威海市人民政府办公室',
      '威海市环翠区人民政府办公室',
      '威海临港经济技术开发区管理委员会',
    ])
      await page.getByRole('button', { name: `只读查看${name}` }).waitFor();
    // the menu offers the supervisor's pages, and 年报体检 at their office
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByText('年报体检').waitFor();
    // the trends: five charts drawn on the server and their figures in a table
    const trends = page.locator('.ant-card').filter({ hasText: '近五年趋势' });
    await trends.getByRole('img', { name: '政府信息公开申请（数据见下表）' }).waitFor();
    await expect(trends.getByRole('img').count()).resolves.toBe(5);
    await expect(trends.getByRole('row').count()).resolves.toBe(6);
    await shot(page, 'supervision');
  });

  it('opens the demo agency read-only, down to one case', async () => {
    const { page, server, shot } = use();
    await page.getByRole('button', { name: '只读查看威海临港经济技术开发区管理委员会' }).click();
    await page.waitForURL(/\/console\/?$/);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await go(page, server.baseUrl, '/requests');
    await page.getByRole('heading', { name: '依申请公开' }).waitFor();
    await page.locator('td a').first().waitFor();
    expect(await page.getByRole('button', { name: '登记申请' }).count()).toBe(0);
    await page.locator('td a').first().click();
    await page.waitForURL(/\/console\/requests\/\d+$/);
    await page
      .getByText(/临港依申请/)
      .first()
      .waitFor();
    const actions = page.getByRole('region', { name: '可办理的操作' });
    await actions.waitFor();
    await shot(page, 'case-read-only');
    expect(await actions.getByRole('button').count()).toBe(0);
  });

  it('督办: the supervisor sends a reminder, the agency answers it on its 工作台, the supervisor closes it', async () => {
    const { page, server, browser, shot } = use();
    await go(page, server.baseUrl, '/supervision');
    await page.getByRole('button', { name: '督办威海临港经济技术开发区管理委员会' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('督办对象（如申请登记号、信息标题、报告年度）').fill('2025年度报告');
    await dialog.getByLabel('督办内容').fill('请于期限内发布2025年度政府信息公开工作年度报告。');
    await dialog.getByRole('button', { name: '发出督办' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = page.locator('.ant-card').filter({ hasText: '督办事项' });
    await card.getByText('请于期限内发布2025年度').waitFor();
    await card.getByText('待答复').waitFor();
    await shot(page, 'reminder-sent');

    const agency = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const staff = await agency.newPage();
      await signIn(staff, server.baseUrl, 'lingang-operator');
      const own = staff.locator('.ant-card').filter({ hasText: '督办事项' });
      await own.getByText('威海市人民政府办公室').waitFor();
      await own.getByRole('button', { name: '答复' }).click();
      const answer = staff.getByRole('dialog');
      await answer.getByLabel('答复内容（整改情况或说明）').fill('已编制，将于本周发布。');
      await answer.getByRole('button', { name: '提交' }).click();
      await answer.waitFor({ state: 'hidden' });
      await own.getByText('已答复，待办结').waitFor();
      await shot(staff, 'reminder-answered');
    } finally {
      await agency.close();
    }

    await page.reload();
    await card.getByText('答复：已编制，将于本周发布。', { exact: false }).waitFor();
    await card.getByRole('button', { name: '办结' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '办结' }).click();
    await card.getByText('已办结').waitFor();
  });

  it('fits a phone: no page-wide horizontal scroll', async () => {
    const { page, server, shot } = use();
    await page.setViewportSize({ width: 390, height: 844 });
    await go(page, server.baseUrl, '/supervision');
    await page.getByText(/及其下级机关共 4 个/).waitFor();
    await page.getByRole('img', { name: '主动公开信息（数据见下表）' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'supervision-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
