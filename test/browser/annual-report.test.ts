/** The public annual report: from the home page to the 2021 report page and its DOCX and PDF downloads. */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { describeJourney } from './journey.ts';

const AGENCY = '威海临港经济技术开发区管理委员会';

describeJourney('journey: the public annual report and its downloads', 'annual-report', (use) => {
  it('opens the 2021 report from the home page', async () => {
    const { page, url, shot } = use();
    await page.goto(url('/'));
    const reports = page.getByRole('region', { name: '政府信息公开工作年度报告' });
    await shot(page, 'home');
    await reports.getByRole('link', { name: `${AGENCY}2021年政府信息公开工作年度报告` }).click();
    await page.waitForURL(/\/agencies\/lingang\/reports\/2021$/);
    await page.getByText('一、总体情况').first().waitFor();
    expect(await page.title()).toContain('2021年政府信息公开工作年度报告');
    await shot(page, 'report-page');
  });

  it.each([
    ['DOCX', 'PK\u0003\u0004'],
    ['PDF', '%PDF-'],
  ])('downloads the report as %s', async (format, magic) => {
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
  });
});
