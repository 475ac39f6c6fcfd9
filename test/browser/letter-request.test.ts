/**
 * Staff register a request that came by letter, ask for a correction, receive it, decide, and
 * download the answer letter, record that it went by post (送达); the applicant then sees that
 * letter, when it was posted and its tracking number on the public tracking page.
 */

import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { downloadedBytes } from './browser.ts';
import { choose, go, pickDate, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const POSTAL_NO = 'EA123456789CN';

/** Runs a case action from the case page: its button, its dialog's fields, 确定. */
async function act(page: Page, action: string, fill: () => Promise<void> = async () => {}) {
  await page.getByRole('region', { name: '可办理的操作' }).getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  await fill();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The text of the case page's description item `label`. */
async function caseField(page: Page, label: string): Promise<string> {
  const cell = page.locator('.ant-descriptions-item').filter({ has: page.getByText(label, { exact: true }) });
  return ((await cell.locator('.ant-descriptions-item-content').textContent()) ?? '').trim();
}

describeJourney(
  'journey: staff handle a letter request; the applicant sees the answer',
  'letter-request',
  (use) => {
    let trackingCode = '';

    it('registers a request received by letter', async () => {
      const { page, server, shot } = use();
      await signIn(page, server.baseUrl, 'lingang-operator');
      await shot(page, 'dashboard');
      await go(page, server.baseUrl, '/requests/new');
      await choose(page, '收到方式', '信函');
      await choose(page, '申请人类型', '自然人');
      await page.getByLabel('姓名或名称').fill('李华');
      await choose(page, '证件类型', '护照');
      await page.getByLabel('证件号码').fill('E98765432');
      await page.getByLabel('通信地址').fill('山东省威海市环翠区海滨路1号');
      await page.getByLabel('所需信息的名称或描述').fill('临港区2025年度财政预算执行情况报告');
      await choose(page, '信息的形式', '纸质');
      await choose(page, '获取方式', '邮寄');
      await shot(page, 'register-filled');
      await page.getByRole('button', { name: /登\s*记/ }).click();
      await page.getByText(/^已登记：/).waitFor();
      await shot(page, 'registered');
      await page.getByRole('button', { name: '打开该申请' }).click();
      await page.getByRole('region', { name: '可办理的操作' }).waitFor();
      trackingCode = await caseField(page, '查询码');
      expect(trackingCode).toMatch(/\S{8,}/);
      expect(await caseField(page, '收到方式')).toBe('信函');
      await shot(page, 'case');
    });

    it('asks for a correction and receives it', async () => {
      const { page, shot } = use();
      await act(page, '发出补正告知', async () => {
        await page.getByLabel('补正内容').fill('请写明所需财政预算执行情况报告的年度和文号。');
        const until = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
        await pickDate(page, '补正期限', until);
      });
      await page.getByText('待补正').first().waitFor();
      await shot(page, 'correction-requested');
      await act(page, '收到补正材料', async () => {
        await page.getByLabel('补正情况').fill('申请人来信写明为2025年度。');
      });
      await page.getByRole('button', { name: '作出答复' }).waitFor();
      await shot(page, 'correction-received');
    });

    it('decides and downloads the answer letter', async () => {
      const { page, shot } = use();
      await act(page, '作出答复', async () => {
        await choose(page, '办理结果', /^予以公开$/);
        await page.getByRole('radio', { name: /第三十六条第（二）项/ }).check();
        await page
          .getByLabel('获取的方式、途径和时间', { exact: true })
          .fill('本机关将于本答复书送达之日起5个工作日内邮寄');
        await page.getByLabel('答复理由').fill('经查，该信息属于本机关公开职责权限范围，予以公开。');
        await page
          .getByTestId('decision-preview')
          .getByText(/获取该政府信息的方式、途径和时间：本机关将于/)
          .waitFor();
        await shot(page, 'decide-dialog');
      });
      await page.getByRole('link', { name: /^下载 答复书/ }).waitFor();
      expect(await caseField(page, '状态')).toContain('办结');
      await shot(page, 'decided');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /^下载 答复书/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = await downloadedBytes(download);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    });

    it('records that the answer letter went by post', async () => {
      const { page, shot } = use();
      const letters = page.locator('.ant-card').filter({ has: page.getByText('文书', { exact: true }) });
      const row = letters.getByRole('row').filter({ hasText: '答复书' });
      expect(await row.getByText('未登记送达').count()).toBe(1);
      await row.getByRole('button', { name: /^送达 答复书/ }).click();
      // filtered by text: in the test build every antd modal's title id is "test-id"
      const dialog = page.getByRole('dialog').filter({ hasText: '登记送达：答复书' });
      await dialog.waitFor();
      await choose(page, '送达方式', '邮寄');
      await dialog.getByLabel('邮件单号').fill('12 34');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.getByText('邮件单号应为 6–40 位字母、数字或连字符，请核对后填写。').waitFor();
      await shot(page, 'sending-refused');
      await dialog.getByLabel('邮件单号').fill(POSTAL_NO);
      await dialog.getByLabel('备注').fill('挂号信寄往申请人通信地址');
      await shot(page, 'sending-dialog');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await row.getByText(`邮寄（单号 ${POSTAL_NO}）`).waitFor();
      expect(await page.getByText('登记文书送达').count()).toBeGreaterThan(0);
      await shot(page, 'sent');
    });

    it('shows the applicant the answer letter on the tracking page', async () => {
      const { browser, server, shot } = use();
      const citizen = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
      try {
        const page = await citizen.newPage();
        await page.goto(`${server.baseUrl}/track?code=${encodeURIComponent(trackingCode)}`);
        await page.getByRole('heading', { name: '告知书' }).waitFor();
        const letters = page.getByRole('region', { name: '告知书' });
        await letters
          .getByRole('cell', { name: /答复书/ })
          .first()
          .waitFor();
        const sentOn = new Date(Date.now() + 8 * 3_600_000);
        const sentence = `已于 ${sentOn.getUTCMonth() + 1} 月 ${sentOn.getUTCDate()} 日邮寄（单号 ${POSTAL_NO}）`;
        await letters.getByRole('cell', { name: sentence }).waitFor();
        const body = (await page.locator('main').textContent()) ?? '';
        for (const secret of ['李华', 'E98765432', '环翠区海滨路', '挂号信寄往'])
          expect(body).not.toContain(secret);
        await shot(page, 'tracking-with-letter');
        const row = letters.getByRole('row').filter({ hasText: '答复书' });
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          row.getByRole('link', { name: '下载DOCX' }).click(),
        ]);
        const bytes = await downloadedBytes(download);
        expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
      } finally {
        await citizen.close();
      }
    });
  },
);
