/**
 * Issue 13 in the console: the buttons follow the roles (the policy tables), 提请审批 of an extension
 * (条例 第三十三条第二款) from the 经办人 to the 审批负责人 — listed on the 工作台 and the 待审批 queue,
 * approved there — the case page's applicant details with copy buttons and the 送达 method
 * pre-selected from the applicant's choice, the 工作台's tiles, and each page at a phone's width.
 */
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { cliAgencyContext } from '../../src/cli/command-context.ts';
import { createDraft } from '../../src/commands/items/create-draft.ts';
import { submitForReview } from '../../src/commands/items/submit-for-review.ts';
import { registerRequest } from '../../src/commands/requests/register-request.ts';
import { todayInChina } from '../../src/domain/dates.ts';
import { residentIdCheckCode } from '../../src/domain/identity/resident-id.ts';
import { ALL_SHOTS } from './browser.ts';
import { demoPassword, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const INFORMATION = '临港区2026年道路养护资金使用明细';
const ITEM_TITLE = '临港区2026年道路养护计划';
const id17 = '37100219850101123';
/** the pages of each role at both widths, to look at: with GONGKAI_SCREENSHOTS=1 only, like the steps' shots */
const SHOTS = join(tmpdir(), 'gongkai-approval-workflow');

async function snap(page: Page, name: string): Promise<void> {
  if (!ALL_SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describeJourney(
  'journey: buttons follow roles, 提请审批, the case page and the 工作台 (issue 13)',
  'approval-workflow',
  (use) => {
    let casePath = '';
    let itemPath = '';
    let registrationNo = '';

    it('the operator sees the applicant’s details with copy buttons, and 提请审批 instead of 延期答复', async () => {
      const { server, page, url, shot } = use();
      const { agencyId, ctx } = await cliAgencyContext(server.db, 'lingang', 'lingang-operator');
      const registered = await registerRequest(ctx, {
        agencyId,
        channel: 'letter',
        applicantType: 'natural_person',
        receivedOn: todayInChina(new Date()),
        applicant: {
          ...{ name: '钱七', idType: 'resident_id', idNumber: id17 + residentIdCheckCode(id17) },
          ...{ phone: '13900001111', email: 'qianqi@example.cn', address: '山东省威海市环翠区海滨路8号' },
          ...{ information: INFORMATION, form: 'paper', delivery: 'post' },
        },
      });
      registrationNo = registered.registrationNo ?? '';
      casePath = `/console/requests/${registered.requestId}`;
      const draft = await createDraft(ctx, {
        agencyId,
        fields: {
          ...{ title: ITEM_TITLE, bodyHtml: '<p>道路养护计划。</p>', category: 'a20.7', columnCode: null },
          ...{
            issuer: '威海临港经济技术开发区管理委员会',
            docNumber: null,
            formedOn: todayInChina(new Date()),
          },
          ...{ validity: 'valid', subject: '', isPolicyDocument: false, isInterpretation: false },
          ...{ isMeeting: false, isOnlineInterview: false },
        },
      });
      await submitForReview(ctx, { agencyId, itemId: draft.itemId, expectedVersion: draft.version });
      itemPath = `/console/items/${draft.itemId}`;

      await page.setViewportSize({ width: 1366, height: 900 });
      await signIn(page, url(''), 'lingang-operator');
      await page.goto(url(casePath));
      const actions = page.getByRole('region', { name: '可办理的操作' });
      await actions.getByRole('button', { name: '提请审批：延期答复' }).waitFor();
      expect(await actions.getByRole('button', { name: '延期答复', exact: true }).count()).toBe(0);
      await actions.getByRole('button', { name: '作出答复' }).waitFor();
      for (const text of ['13900001111', 'qianqi@example.cn', '山东省威海市环翠区海滨路8号']) {
        const field = page.locator('.ant-typography').filter({ hasText: text });
        await field.locator('.ant-typography-copy').waitFor();
      }
      await page.getByText('纸质', { exact: true }).waitFor();
      await page.getByText('邮寄', { exact: true }).waitFor();
      await shot(page, 'operator-case');
      await snap(page, 'case-operator-1366');
    });

    it('送达: the method starts from the applicant’s choice (邮寄)', async () => {
      const { page, shot } = use();
      await page
        .getByRole('button', { name: /^送达 / })
        .first()
        .click();
      const dialog = page.getByRole('dialog').filter({ hasText: '登记送达' });
      await dialog.getByText('已按申请人选择的获取方式预选，可更改').waitFor();
      await dialog.getByText('邮寄', { exact: true }).waitFor();
      await shot(page, 'delivery-preselected');
      await dialog.getByRole('button', { name: /取\s*消/ }).click();
      await dialog.waitFor({ state: 'hidden' });
    });

    it('提请审批: the operator asks; a second request for the same action is not offered', async () => {
      const { page, shot } = use();
      await page.getByRole('button', { name: '提请审批：延期答复' }).click();
      const dialog = page.getByRole('dialog', { name: '提请审批：延期答复' });
      await dialog.getByText('应当经政府信息公开工作机构负责人同意').waitFor();
      await dialog.getByLabel('延长工作日数').fill('10');
      await dialog.getByLabel('延期理由').fill('需要调取多个部门的档案，无法在20个工作日内答复');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const card = page.locator('.ant-card').filter({ hasText: '提请审批' }).first();
      await card.getByText('待审批', { exact: true }).waitFor();
      await card.getByText('待审批负责人批准或退回。').waitFor();
      expect(await page.getByRole('button', { name: '提请审批：延期答复' }).isDisabled()).toBe(true);
      await shot(page, 'asked');
      await snap(page, 'case-asked-1366');
    });

    it('the operator sees no 保密审查通过 on an item in review (the reviewer’s)', async () => {
      const { page, url, shot } = use();
      await page.goto(url(itemPath));
      await page.getByRole('heading', { name: ITEM_TITLE }).waitFor();
      await page.getByText('已送审，待保密审查员审查。').waitFor();
      const actions = page.getByRole('region', { name: '可办理的操作' });
      expect(await actions.getByRole('button', { name: '保密审查通过' }).count()).toBe(0);
      expect(await actions.getByRole('button', { name: '保密审查退回' }).count()).toBe(0);
      await shot(page, 'operator-item-in-review');
      await snap(page, 'item-operator-1366');
    });

    it('the approver’s 工作台: the tiles, the 待审批 list; the tile opens the 待审批 queue; approving extends', async () => {
      const { browser, server, shot } = use();
      const approver = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
      try {
        const page = await approver.newPage();
        await signIn(page, server.baseUrl, 'lingang-approver');
        await page.goto(`${server.baseUrl}/console/`);
        const tiles = page.getByRole('list', { name: '概览' });
        for (const label of ['今日新收', '本周新收', '办理中', '即将到期', '已逾期', '申请待审批'])
          await tiles.getByText(label, { exact: true }).waitFor();
        const waiting = page.getByRole('region', { name: '待审批事项' });
        await waiting.getByRole('link', { name: registrationNo }).waitFor();
        await snap(page, 'dashboard-approver-1366');
        await shot(page, 'dashboard');
        await tiles.getByRole('link', { name: /^申请待审批 \d+ 件/ }).click();
        await page.waitForURL(/filter=pending_approval/);
        const row = page.getByRole('row').filter({ hasText: registrationNo });
        await row.waitFor();
        await shot(page, 'queue-pending-approval');
        await row.getByRole('link').first().click();
        await page.waitForURL(/\/console\/requests\/\d+$/);
        const actions = page.getByRole('region', { name: '可办理的操作' });
        await actions.getByRole('button', { name: '延期答复', exact: true }).waitFor();
        // the demo approver is also an operator: they extend directly, nothing to ask
        expect(await actions.getByRole('button', { name: '提请审批：延期答复' }).count()).toBe(0);
        await page.getByRole('button', { name: '批准' }).click();
        await page.getByRole('tooltip').getByRole('button', { name: '批准' }).click();
        await page.getByText('已批准', { exact: true }).waitFor();
        await page.getByText('批准提请审批事项').waitFor();
        await shot(page, 'approved');
        await snap(page, 'case-approved-1366');
      } finally {
        await approver.close();
      }
    });

    it('the operator sees the extension taken and the 延期答复告知书', async () => {
      const { page, url, shot } = use();
      await page.goto(url(casePath));
      await page.getByText('已批准', { exact: true }).waitFor();
      await page.getByText('延期答复告知书').waitFor();
      await shot(page, 'operator-after-approval');
    });

    it('fits a phone’s width (390 px): the case page, the item page and the 工作台', async () => {
      const { browser, server } = use();
      const phone = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
      });
      try {
        const page = await phone.newPage();
        // at a phone's width the main menu is in a drawer: signed in when the 工作台 shows
        await page.goto(`${server.baseUrl}/console/login`);
        await page.getByLabel('用户名').fill('lingang-operator');
        await page.getByLabel('密码').fill(demoPassword('lingang-operator'));
        await page.getByRole('button', { name: /登\s*录/ }).click();
        await page.getByRole('list', { name: '概览' }).getByText('今日新收', { exact: true }).waitFor();
        expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
        await snap(page, 'dashboard-operator-390');
        await page.goto(server.baseUrl + casePath);
        await page.getByText(INFORMATION).first().waitFor();
        expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
        await snap(page, 'case-operator-390');
        await page.goto(server.baseUrl + itemPath);
        await page.getByRole('heading', { name: ITEM_TITLE }).waitFor();
        expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
        await snap(page, 'item-operator-390');
      } finally {
        await phone.close();
      }
    });
  },
);
