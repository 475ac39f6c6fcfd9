/**
 * 条例 第十八条: the yearly review of information withheld under 第十六条, in the console. A case
 * refused as 过程性信息 is on the year's list; the 保密审查员 keeps it withheld (the reason is
 * required); the 审批负责人 corrects it to 转为公开, which opens a draft item in 主动公开; the page
 * stays within a phone's width.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { cliAgencyContext } from '../../src/cli/command-context.ts';
import { applyCaseAction } from '../../src/commands/requests/apply-case-action.ts';
import { registerRequest } from '../../src/commands/requests/register-request.ts';
import { residentIdCheckCode } from '../../src/domain/identity/resident-id.ts';
import { go, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const YEAR = new Date().getFullYear();
const INFORMATION = '临港区老旧小区改造项目论证会的会议纪要';
const id17 = '37100219800101123';

const dialog = (page: Page, title: string) => page.getByRole('dialog').filter({ hasText: title });

describeJourney('journey: 不予公开信息定期评估审查 (条例第十八条)', 'withheld-review', (use) => {
  let registrationNo = '';

  it('条例第十六条: a case refused as 过程性信息 is on the year’s list, pending', async () => {
    const { server, page, url, shot } = use();
    const { agencyId, ctx } = await cliAgencyContext(server.db, 'lingang', 'lingang-operator');
    const registered = await registerRequest(ctx, {
      agencyId,
      channel: 'letter',
      applicantType: 'natural_person',
      receivedOn: '2026-01-05',
      applicant: {
        ...{ name: '赵六', idType: 'resident_id', idNumber: id17 + residentIdCheckCode(id17) },
        ...{ phone: '13800000000', address: '山东省威海市某路5号', information: INFORMATION },
        ...{ form: 'paper', delivery: 'post' },
      },
    });
    registrationNo = registered.registrationNo ?? '';
    await applyCaseAction(ctx, {
      agencyId,
      requestId: registered.requestId,
      expectedVersion: registered.version,
      action: 'decide',
      occurredOn: '2026-01-09',
      payload: {
        outcome: 'denied.process_info',
        basis: 'a16.2.process',
        reasons: '项目尚在论证，纪要属过程性信息',
      },
    });
    await signIn(page, url(''), 'lingang-reviewer');
    await go(page, url(''), '/requests');
    await page.getByRole('button', { name: '不予公开信息定期评估审查' }).click();
    await page.getByRole('heading', { name: `${YEAR} 年度不予公开信息定期评估审查` }).waitFor();
    const row = page.getByRole('row').filter({ hasText: INFORMATION });
    await row.getByText('待审查').waitFor();
    await shot(page, 'pending');
  });

  it('条例第十八条: the reviewer keeps it withheld — the reason is required', async () => {
    const { page, shot } = use();
    await page.getByRole('button', { name: `继续不予公开 ${registrationNo}` }).click();
    const form = dialog(page, `继续不予公开：${registrationNo}`);
    await form.getByRole('button', { name: /记录决定/ }).click();
    await form.getByText('请填写审查理由').waitFor();
    await form.getByLabel('继续不予公开的理由').fill('项目尚未作出决策，会议纪要仍属过程性信息');
    await form.getByRole('button', { name: /记录决定/ }).click();
    await form.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: INFORMATION });
    await row.locator('.ant-tag').filter({ hasText: '继续不予公开' }).waitFor();
    await shot(page, 'kept');
  });

  it('条例第十八条: the approver corrects it to 转为公开; a draft item opens in 主动公开', async () => {
    const { browser, server, shot } = use();
    const approver = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await approver.newPage();
      await signIn(page, server.baseUrl, 'lingang-approver');
      await go(page, server.baseUrl, `/requests/withheld-reviews/${YEAR}`);
      await page.getByRole('button', { name: `转为公开 ${registrationNo}` }).click();
      const form = dialog(page, `转为公开：${registrationNo}`);
      await form.getByText('将更正本年度已作出的决定').waitFor();
      await form
        .getByLabel('因情势变化可以公开的情况')
        .fill('项目已批准实施，纪要不再影响决策，因情势变化可以公开');
      await form.getByRole('button', { name: /记录决定/ }).click();
      await form.waitFor({ state: 'hidden' });
      const draft = page.getByRole('link', { name: /待公开信息 \d+（草稿）/ });
      await draft.waitFor();
      await shot(page, 'disclosed');
      await page.locator('.ant-table-row-expand-icon').first().click();
      await page.getByText('（更正）：转为公开').waitFor();
      await shot(page, 'history');
      await draft.click();
      await page.getByRole('heading', { name: INFORMATION }).waitFor();
      await page.getByText(`${YEAR} 年度不予公开信息定期评估审查转为公开`).waitFor();
      await shot(page, 'draft-item');
    } finally {
      await approver.close();
    }
  });

  it('fits a phone’s width (390 px): the list scrolls inside its box', async () => {
    const { page, url, shot } = use();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url(`/console/requests/withheld-reviews/${YEAR}`));
    await page.getByRole('heading', { name: `${YEAR} 年度不予公开信息定期评估审查` }).waitFor();
    await page.getByRole('row').filter({ hasText: INFORMATION }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot(page, 'phone');
  });
});
