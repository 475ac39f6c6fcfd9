/**
 * 三审 in the console (issue 13): the 经办人 drafts an item and sends it to 保密审查, the 保密审查员
 * approves it (条例第十七条), the 经办人 — who may not 发布 — asks the 审批负责人 to 签发 (提请审批), the
 * 审批负责人 sees it on the 工作台 and approves it there, which publishes it; the public then finds it
 * on its category page and through search, and opens its page. With GONGKAI_SCREENSHOTS=1 the
 * operator's item page and the approver's 工作台 are also shot at 1366 and 390 px (/tmp/publish-shots/).
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ALL_SHOTS } from './browser.ts';
import { choose, demoPassword, pickDate, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const TITLE = '临港区2026年部门预算公开说明';
const CATEGORY = '（七）财政预算、决算信息';
/** the pages of each role at both widths, to look at: with GONGKAI_SCREENSHOTS=1 only, like the steps' shots */
const SHOTS = '/tmp/publish-shots';

/** A full-page picture takes as long as a step: five of them were a fifth of the journey's time. */
async function snap(page: Page, name: string): Promise<void> {
  if (!ALL_SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** A phone (390 px) signed in as `username`: at that width the main menu is in a drawer. */
async function phoneAs(browser: Browser, baseUrl: string, username: string) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/console/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(demoPassword(username));
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('list', { name: '概览' }).getByText('今日新收', { exact: true }).waitFor();
  return { context, page };
}

describeJourney(
  'journey: an item drafted, approved in review, put to the approver, 签发 on the 工作台, published and found',
  'item-publication',
  (use) => {
    let itemPath = '';

    it('drafts the item and sends it to review', async () => {
      const { page, server, shot } = use();
      await signIn(page, server.baseUrl, 'lingang-operator');
      await page.goto(`${server.baseUrl}/console/items/new`);
      // the date first: Enter confirms it, and Enter in a complete form saves it (as in any form)
      await pickDate(page, '成文日期', new Date().toISOString().slice(0, 10));
      await page.getByLabel('标题').fill(TITLE);
      await choose(page, '法定类别', CATEGORY);
      await page.getByLabel('发文机关').fill('威海临港经济技术开发区管理委员会');
      await page
        .getByLabel('正文（网页代码，仅保留公文常用标签）')
        .fill('<p>本说明介绍临港区2026年部门预算的收支总体情况。</p>');
      await shot(page, 'draft-filled');
      await page.getByRole('button', { name: /保存草稿/ }).click();
      await page.waitForURL(/\/console\/items\/\d+$/);
      itemPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await shot(page, 'draft');
      await page.getByRole('button', { name: '送保密审查' }).click();
      await page.getByRole('button', { name: '送保密审查' }).waitFor({ state: 'detached' });
      await shot(page, 'submitted');
    });

    it('is approved by the reviewer', async () => {
      const { browser, server, shot } = use();
      const reviewer = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
      try {
        const page = await reviewer.newPage();
        await signIn(page, server.baseUrl, 'lingang-reviewer');
        await page.goto(server.baseUrl + itemPath);
        await page.getByRole('button', { name: '保密审查通过' }).click();
        const dialog = page.getByRole('dialog', { name: '保密审查通过' });
        await dialog.getByLabel('审查意见').fill('不涉及国家秘密、工作秘密，同意公开。');
        await shot(page, 'review-dialog');
        await dialog.getByRole('button', { name: /确\s*定/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('button', { name: '保密审查通过' }).waitFor({ state: 'detached' });
        await shot(page, 'approved');
      } finally {
        await reviewer.close();
      }
    });

    it('the operator sees no 发布 but 提请审批：签发发布, and asks the approver', async () => {
      const { page, server, shot } = use();
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(server.baseUrl + itemPath);
      await page.getByRole('heading', { name: TITLE }).waitFor();
      const actions = page.getByRole('region', { name: '可办理的操作' });
      const ask = actions.getByRole('button', { name: '提请审批：签发发布' });
      await ask.waitFor();
      expect(await actions.getByRole('button', { name: /^发\s*布$/ }).count()).toBe(0);
      await snap(page, 'item-operator-1366');
      await ask.click();
      const dialog = page.getByRole('dialog', { name: '提请审批：签发发布' });
      await dialog.getByText('条例第十七条', { exact: false }).waitFor();
      expect(await dialog.getByLabel('提请说明').inputValue()).toBe('该信息已通过保密审查，提请签发发布。');
      await dialog.getByLabel('提请说明').fill('部门预算公开说明已通过保密审查，请签发。');
      await shot(page, 'ask-dialog');
      await dialog.getByRole('button', { name: /提请审批/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const card = page.locator('.ant-card').filter({ hasText: '提请审批' }).first();
      await card.getByText('待审批', { exact: true }).waitFor();
      await card.getByText('待审批负责人批准或退回。').waitFor();
      expect(await ask.isDisabled()).toBe(true);
      await shot(page, 'asked');
      await snap(page, 'item-operator-asked-1366');
    });

    it('fits a phone (390 px): the operator’s item page, the approver’s 工作台 with the request', async () => {
      const { browser, server } = use();
      const operator = await phoneAs(browser, server.baseUrl, 'lingang-operator');
      try {
        await operator.page.goto(server.baseUrl + itemPath);
        await operator.page.getByRole('heading', { name: TITLE }).waitFor();
        await operator.page.getByRole('button', { name: '提请审批：签发发布' }).waitFor();
        expect(await scrollWidth(operator.page)).toBeLessThanOrEqual(390);
        await snap(operator.page, 'item-operator-390');
      } finally {
        await operator.context.close();
      }
      const approver = await phoneAs(browser, server.baseUrl, 'lingang-approver');
      try {
        const entry = approver.page
          .getByRole('region', { name: '待审批事项' })
          .getByRole('listitem')
          .filter({ hasText: TITLE });
        await entry.getByRole('button', { name: /^批\s*准$/ }).waitFor();
        expect(await scrollWidth(approver.page)).toBeLessThanOrEqual(390);
        await snap(approver.page, 'dashboard-approver-390');
      } finally {
        await approver.context.close();
      }
    });

    it('the approver may 发布 on the item page, and approves on the 工作台: the item is published', async () => {
      const { browser, server, shot } = use();
      const approver = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
      try {
        const page = await approver.newPage();
        await signIn(page, server.baseUrl, 'lingang-approver');
        await page.goto(server.baseUrl + itemPath);
        await page.getByRole('heading', { name: TITLE }).waitFor();
        // the approver holds the role: 发布 is theirs on the item page too
        await page
          .getByRole('region', { name: '可办理的操作' })
          .getByRole('button', { name: /^发\s*布$/ })
          .waitFor();
        await page.goto(`${server.baseUrl}/console/`);
        const waiting = page.getByRole('region', { name: '待审批事项' });
        const entry = waiting.getByRole('listitem').filter({ hasText: TITLE });
        await entry.getByRole('link', { name: TITLE }).waitFor();
        await entry.getByText('签发发布', { exact: true }).waitFor();
        await entry.getByText('理由：部门预算公开说明已通过保密审查，请签发。').waitFor();
        await snap(page, 'dashboard-approver-1366');
        await shot(page, 'dashboard-approver');
        await entry.getByRole('button', { name: /^批\s*准$/ }).click();
        await page
          .getByRole('tooltip')
          .getByRole('button', { name: /^批\s*准$/ })
          .click();
        await entry.waitFor({ state: 'detached' });
        await shot(page, 'dashboard-approved');
        await page.goto(server.baseUrl + itemPath);
        await page.getByRole('heading', { name: TITLE }).waitFor();
        await page.getByText('已发布').first().waitFor();
        await page.getByText('已批准', { exact: true }).waitFor();
        await page.getByText('批准签发发布').waitFor();
        await shot(page, 'published');
      } finally {
        await approver.close();
      }
    });

    it('appears on the portal category page and opens', async () => {
      const { browser, server, shot } = use();
      const citizen = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
      try {
        const page = await citizen.newPage();
        await page.goto(`${server.baseUrl}/agencies/lingang/gongkai/catalog`);
        await page.getByRole('link', { name: CATEGORY }).click();
        await page.getByRole('link', { name: TITLE }).waitFor();
        await shot(page, 'category');
        await page.getByRole('link', { name: TITLE }).click();
        await page.getByRole('heading', { name: TITLE }).waitFor();
        expect(await page.getByText('本说明介绍临港区2026年部门预算的收支总体情况。').count()).toBe(1);
        await shot(page, 'item-page');
      } finally {
        await citizen.close();
      }
    });

    it('is found by the portal search', async () => {
      const { browser, server, shot } = use();
      const citizen = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
      try {
        const page = await citizen.newPage();
        await page.goto(`${server.baseUrl}/search`);
        await page.getByLabel('检索词').fill('部门预算');
        await page.getByRole('button', { name: /检索/ }).click();
        await page.waitForURL(/\/search\?/);
        await page.getByRole('link', { name: TITLE }).waitFor();
        await shot(page, 'search');
      } finally {
        await citizen.close();
      }
    });
  },
);
