/**
 * Staff draft an item, send it to 保密审查, a reviewer approves it, staff publish it; the public
 * then finds it on its category page and through search, and opens its page.
 */
import { expect, it } from 'vitest';
import { choose, pickDate, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const TITLE = '临港区2026年部门预算公开说明';
const CATEGORY = '（七）财政预算、决算信息';

describeJourney(
  'journey: an item drafted, approved in review, published and found',
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

    it('is published by staff', async () => {
      const { page, server, shot } = use();
      await page.goto(server.baseUrl + itemPath);
      await page.getByRole('button', { name: /发\s*布/ }).click();
      await page.getByText('已发布').first().waitFor();
      await shot(page, 'published');
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
