/**
 * The disclosure office keeps its registry of normative documents: an operator issues a document,
 * amends it (the new version links to the old), repeals another, records the year's 清理
 * decisions; the portal's list of documents in force shows every change.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { todayInChina } from '../../src/domain/dates.ts';
import { go, pickDate, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const TODAY = todayInChina(new Date());
const YEAR = TODAY.slice(0, 4);
const ISSUED = {
  docNumber: `威临管发〔${YEAR}〕21号`,
  title: '威海临港经济技术开发区管理委员会关于规范户外广告设置的规定',
};
const AMENDED = { docNumber: `威临管发〔${YEAR}〕22号`, title: `${ISSUED.title}（${YEAR}年修订）` };
/** demo documents (src/demo/lingang.ts): one repealed directly, one in the 清理, two kept */
const REPEALED = {
  docNumber: '威临管发〔2017〕1号',
  title: '威海临港经济技术开发区管理委员会关于优化营商环境的规定',
};
const REVIEW_REPEALED = '威临管发〔2018〕2号';
const KEPT = ['威临管发〔2019〕4号', '威临管发〔2019〕5号'];

/**
 * The open dialog titled `title`. (Found by its text: a console built under test gives every
 * Ant Design title the id `test-id`, so a dialog's accessible name can be another element's text.)
 */
const dialog = (page: Page, title: string) => page.getByRole('dialog').filter({ hasText: title });
const dialogButton = (page: Page, title: string, name: RegExp) =>
  dialog(page, title).getByRole('button', { name });

describeJourney('journey: the normative-document registry and its yearly 清理', 'registry', (use) => {
  let firstVersionPath = '';

  it('issues a document from the registry page', async () => {
    const { page, url, shot } = use();
    await signIn(page, url(''), 'lingang-operator');
    await go(page, url(''), '/registry');
    await page.getByRole('button', { name: '登记制发' }).click();
    const form = page.getByRole('form', { name: '登记制发' });
    await form.getByLabel('文号').fill(ISSUED.docNumber);
    await pickDate(page, '制发日期', TODAY);
    await form.getByLabel('发文机关').fill('威海临港经济技术开发区管理委员会');
    await form.getByLabel('标题').fill(ISSUED.title);
    await form.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByRole('link', { name: ISSUED.title }).waitFor();
    await shot(page, 'issued');
    await page.getByRole('link', { name: ISSUED.title }).click();
    await page.getByRole('heading', { name: ISSUED.title }).waitFor();
    firstVersionPath = new URL(page.url()).pathname;
  });

  it('amends it: a 文号 already registered is refused on the field, then the new version links to the old', async () => {
    const { page, shot } = use();
    await page.getByRole('button', { name: '修改（登记新版本）' }).click();
    const amend = dialog(page, '修改文件');
    await amend.getByLabel('新版本文号').fill(REPEALED.docNumber);
    await dialogButton(page, '修改文件', /登记新版本/).click();
    await amend.getByText(/文号 威临管发〔2017〕1号 已登记给另一件文件/).waitFor();
    await shot(page, 'amend-refused');
    await amend.getByLabel('新版本文号').fill(AMENDED.docNumber);
    await amend.getByLabel('新版本标题').fill(AMENDED.title);
    await dialogButton(page, '修改文件', /登记新版本/).click();
    await page.getByRole('heading', { name: AMENDED.title }).waitFor();
    expect(new URL(page.url()).pathname).not.toBe(firstVersionPath);
    const versions = page.getByRole('table', { name: '版本沿革' });
    expect(await versions.getByRole('row').count()).toBe(3); // the header and two versions
    await page.getByText('修改：登记新版本').waitFor();
    await shot(page, 'amended');
    await page.getByRole('link', { name: '第 1 版' }).first().click();
    await page.getByRole('heading', { name: ISSUED.title }).waitFor();
    await page.getByText(`这是第 1 版，已于 ${TODAY} 被修改。`).waitFor();
    await page.getByText('被修改后的新版本取代').waitFor();
    expect(await page.getByRole('button', { name: /^废\s*止$/ }).count()).toBe(0);
    await shot(page, 'first-version');
  });

  it('repeals another document by the repealing document', async () => {
    const { page, url, shot } = use();
    await page.goto(url('/console/registry'));
    await page.getByRole('link', { name: REPEALED.title }).click();
    await page.getByRole('heading', { name: REPEALED.title }).waitFor();
    await page.getByRole('button', { name: /^废\s*止$/ }).click();
    const repeal = dialog(page, '废止文件');
    await dialogButton(page, '废止文件', /废\s*止/).click();
    await repeal.getByText('请填写废止依据的文件文号或标题').waitFor();
    await repeal.getByLabel('废止依据').fill(`威临管发〔${YEAR}〕20号`);
    await shot(page, 'repeal-dialog');
    await dialogButton(page, '废止文件', /废\s*止/).click();
    await repeal.waitFor({ state: 'detached' });
    await page.getByText('已废止', { exact: true }).first().waitFor();
    await page.getByText(`废止日期 ${TODAY}，依据 威临管发〔${YEAR}〕20号`).waitFor();
    await shot(page, 'repealed');
  });

  it("records the year's 清理 decisions, with the progress", async () => {
    const { page, url, shot } = use();
    await page.goto(url('/console/registry'));
    await page.getByRole('button', { name: '年度清理' }).click();
    await page.getByRole('heading', { name: `${YEAR} 年度规范性文件清理` }).waitFor();
    const progress = page.getByText(/已清理 \d+ 件，共 \d+ 件/);
    const before = (await progress.textContent()) ?? '';
    const [, reviewed, total] = before.match(/已清理 (\d+) 件，共 (\d+) 件/) ?? [];
    const pending = page.getByRole('table', { name: '待作决定的文件' });
    for (const docNumber of KEPT)
      await pending
        .getByRole('row', { name: new RegExp(docNumber) })
        .locator('.ant-checkbox-input')
        .check();
    await page.getByRole('button', { name: '所选 2 件保留' }).click();
    const keep = dialog(page, '保留所选 2 件文件');
    await keep.getByLabel('清理意见').fill('符合上位法规定，继续有效。');
    await keep.getByRole('button', { name: /记录决定/ }).click();
    await keep.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `废止 ${REVIEW_REPEALED}` }).click();
    const repeal = dialog(page, `废止：${REVIEW_REPEALED}`);
    await repeal.getByLabel('废止依据').fill(`威临管发〔${YEAR}〕23号`);
    await repeal.getByLabel('清理意见').fill('已不适应安全生产监管要求。');
    await shot(page, 'review-repeal-dialog');
    await repeal.getByRole('button', { name: /记录决定/ }).click();
    await repeal.waitFor({ state: 'detached' });
    await page.getByText(`已清理 ${Number(reviewed) + 3} 件，共 ${total} 件`).waitFor();
    const decided = page.getByRole('table', { name: '已作出的决定' });
    for (const docNumber of [...KEPT, REVIEW_REPEALED])
      await decided.getByRole('row', { name: new RegExp(docNumber) }).waitFor();
    expect(await pending.getByRole('row', { name: new RegExp(REVIEW_REPEALED) }).count()).toBe(0);
    await shot(page, 'review');
  });

  it('the portal lists the documents in force with every change', async () => {
    const { browser, url, shot } = use();
    const citizen = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await citizen.newPage();
      await page.goto(url('/agencies/lingang/gongkai'));
      await page.getByRole('link', { name: '现行有效规范性文件' }).click();
      await page.getByRole('heading', { name: '现行有效规范性文件' }).waitFor();
      const list = page.getByRole('table');
      await list.getByText(AMENDED.title).waitFor();
      await list.getByText('第2版（修订）').waitFor();
      for (const gone of [ISSUED.docNumber, REPEALED.docNumber, REVIEW_REPEALED])
        expect(await list.getByText(gone, { exact: true }).count(), gone).toBe(0);
      for (const kept of KEPT) expect(await list.getByText(kept, { exact: true }).count(), kept).toBe(1);
      await shot(page, 'portal-in-force');
    } finally {
      await citizen.close();
    }
  });
});
