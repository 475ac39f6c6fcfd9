/** The public annual report: from the home page to the 2021 report page and its DOCX and PDF downloads. */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { describeJourney } from './journey.ts';

describeJourney('journey: the public annual report and its downloads', 'annual-report', (use) => {
  it('opens the 2021 report from the home page', async () => {
    const { page, url, shot } = use();
    await page.goto(url('/'));
    await page.getByRole('heading', { name: '威海临港经济技术开发区管理委员会' }).waitFor();
    await shot(page, 'home');
    await page.getByRole('link', { name: '2021年政府信息公开工作年度报告' }).click();
    await page.waitForURL(/\/agencies\/lingang\/reports\/2021$/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
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
      page
        .getByRole('navigation', { name: '位置与下载' })
        .getByRole('link', { name: format, exact: true })
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`2021年政府信息公开工作年度报告\\.${format.toLowerCase()}$`),
    );
    const path = await download.path();
    const bytes = await readFile(path);
    expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
  });
});
