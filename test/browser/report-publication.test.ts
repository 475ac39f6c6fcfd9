/**
 * Staff edit the 2021 annual report's narrative in the console, the approver publishes it; the portal's report
 * page then shows the new text, with the report's DOCX (carrying the text) and PDF downloads.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const AGENCY = '威海临港经济技术开发区管理委员会';
const SENTENCE = '本年度还开展了政务公开开放日活动，邀请群众代表走进管委会。';

describeJourney(
  'journey: the 2021 report edited, published and on the portal',
  'report-publication',
  (use) => {
    it('is edited by staff', async () => {
      const { page, server, shot } = use();
      await signIn(page, server.baseUrl, 'lingang-operator');
      await page.goto(`${server.baseUrl}/console/reports/2021`);
      await page.getByRole('heading', { name: '2021 年度报告' }).waitFor();
      const text = page.getByRole('textbox', { name: /^六、其他需要报告的事项 .* 文字 \d+$/ }).first();
      await text.fill(`${await text.inputValue()}${SENTENCE}`);
      await page.getByText('有未保存的修改').waitFor();
      await shot(page, 'edited');
      await page.getByRole('button', { name: /^保\s*存$/ }).click();
      await page.getByText('有未保存的修改').waitFor({ state: 'detached' });
      await shot(page, 'saved');
    });

    it('is published by the approver', async () => {
      const { browser, server, shot } = use();
      const approver = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
      try {
        const page = await approver.newPage();
        await signIn(page, server.baseUrl, 'lingang-approver');
        await page.goto(`${server.baseUrl}/console/reports/2021`);
        await page.getByRole('heading', { name: '2021 年度报告' }).waitFor();
        expect(
          await page
            .getByRole('textbox', { name: /^六、其他需要报告的事项 / })
            .first()
            .inputValue(),
        ).toContain(SENTENCE);
        await page.getByRole('button', { name: /^发\s*布$/ }).click();
        await page.getByText(/已发布（第 1 版）/).waitFor();
        await shot(page, 'published');
      } finally {
        await approver.close();
      }
    });

    it('shows the published text on the portal', async () => {
      const { page, server, shot } = use();
      await page.goto(`${server.baseUrl}/reports`);
      await page.getByRole('link', { name: `${AGENCY}2021年政府信息公开工作年度报告` }).click();
      await page.waitForURL(/\/agencies\/lingang\/reports\/2021$/);
      await page.getByText(SENTENCE).waitFor();
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
        `${AGENCY}2021年政府信息公开工作年度报告.${format.toLowerCase()}`,
      );
      const bytes = await readFile(await download.path());
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      if (format === 'DOCX') {
        const document = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
        expect(document).toContain(SENTENCE);
      }
    });
  },
);
