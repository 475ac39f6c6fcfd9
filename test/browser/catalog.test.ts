/**
 * The agency administrator imports a 财政预决算 标准目录 at phone width (390 px): the preview reads the
 * 公开时限 back in Chinese, the import commits, the entry shows as a card with no sideways scroll,
 * and 对应栏目 fills in the suggested column for them to confirm (docs/catalog.md).
 */
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { go, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

async function catalogueXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('目录');
  sheet.addRow(['财政预决算领域基层政务公开标准目录']);
  sheet.addRow([
    '序号',
    '一级事项',
    '二级事项',
    '公开内容（要素）',
    '公开依据',
    '公开时限',
    '公开主体',
    '公开方式',
  ]);
  sheet.addRow([
    1,
    '财政预决算',
    '部门决算',
    '部门决算表',
    '《预算法》',
    '每年9月底前',
    '临港区财政局',
    '主动',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeJourney('journey: 标准目录 imported and mapped at phone width', 'catalog', (use) => {
  it('previews, imports, shows a card and confirms the suggested column', async () => {
    const { page, server, shot } = use();
    await signIn(page, server.baseUrl, 'lingang-admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await go(page, server.baseUrl, '/catalog');
    await page.getByRole('heading', { name: '标准目录' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '财政预决算.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await catalogueXlsx(),
    });
    const preview = page.getByRole('dialog', { name: /导入预览/ });
    await preview.getByText('共 1 项，领域：财政预决算').waitFor();
    await shot(page, 'preview');
    await preview.getByRole('button', { name: '确认导入' }).click();
    const card = page.locator('.ant-card').filter({ hasText: '财政预决算 / 部门决算' });
    await card.getByText('每年9月底前').first().waitFor();
    await card.getByText('未对应栏目').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await card.getByRole('button', { name: '对应栏目' }).click();
    const dialog = page.getByRole('dialog', { name: /对应栏目/ });
    await dialog.getByText('已按事项名称与栏目名称的相同词语建议').waitFor();
    await dialog.getByRole('button', { name: '确认' }).click();
    await card.getByText('发布栏目：（七）财政预算、决算信息').waitFor();
    await shot(page, 'mapped');
    const stored = await server.db.kysely.selectFrom('catalog_entries').select(['columns']).execute();
    expect(stored.map((r) => JSON.parse(r.columns))).toEqual([['category:a20.7']]);
  });
});
