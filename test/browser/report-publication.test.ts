/**
 * The demo's 2021 annual report is published (version 1). The approver edits its narrative in the console and
 * publishes it as a correction with a reason (version 2); the portal's report page then shows the new text and
 * both versions, with the report's DOCX (carrying the text) and PDF downloads.
 */

import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { downloadedBytes } from './browser.ts';
import { go, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const AGENCY = '威海临港经济技术开发区管理委员会';
const SENTENCE = '本年度还开展了政务公开开放日活动，邀请群众代表走进管委会。';
const REASON = '补充政务公开开放日活动情况';

describeJourney(
  'journey: the 2021 report edited, published and on the portal',
  'report-publication',
  (use) => {
    it('is corrected by the approver: the edited text published as version 2 with its reason', async () => {
      const { page, server, shot } = use();
      await signIn(page, server.baseUrl, 'lingang-approver');
      await go(page, server.baseUrl, '/reports/2021');
      await page.getByRole('heading', { name: '2021 年度报告' }).waitFor();
      await page.getByText(/已发布（第 1 版）/).waitFor();
      const text = page.getByRole('textbox', { name: /^六、其他需要报告的事项 .* 文字 \d+$/ }).first();
      await text.fill(`${await text.inputValue()}${SENTENCE}`);
      await page.getByText('有未保存的修改').waitFor();
      await shot(page, 'edited');
      await page.getByRole('button', { name: /^发布更正$/ }).click();
      const dialog = page.getByRole('dialog', { name: '发布更正版本' });
      await dialog.getByRole('textbox', { name: '更正原因' }).fill(REASON);
      await shot(page, 'correction-reason');
      await dialog.getByRole('button', { name: /^发布更正$/ }).click();
      // publishing prints and stores the version's PDF (Chromium) before it answers: on a busy
      // machine that alone has taken over 15 s
      await page.getByText(/已发布（第 2 版）/).waitFor({ timeout: 60_000 });
      await shot(page, 'published');
    }, 120_000);

    it('shows the published text on the portal', async () => {
      const { page, server, shot } = use();
      await page.goto(`${server.baseUrl}/reports`);
      await page.getByRole('link', { name: `${AGENCY}2021年政府信息公开工作年度报告` }).click();
      await page.waitForURL(/\/agencies\/lingang\/reports\/2021$/);
      await page.getByText(SENTENCE).waitFor();
      const versions = page.getByRole('table').filter({ hasText: '发布日期' }).first();
      await versions.getByText('首次发布').waitFor();
      await versions.getByText(`更正：${REASON}`).waitFor();
      await shot(page, 'portal-report');
    });

    it.each([
      ['DOCX', 'PK\u0003\u0004'],
      ['PDF', '%PDF-'],
    ])('downloads the published report as %s', async (format, magic) => {
      const { page } = use();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: `${AGENCY}2021年度报告 ${format} 格式` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(
        `${AGENCY}2021年政府信息公开工作年度报告（第2版）.${format.toLowerCase()}`,
      );
      const bytes = await downloadedBytes(download);
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      if (format === 'DOCX') {
        const document = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
        expect(document).toContain(SENTENCE);
      }
    });
  },
);
