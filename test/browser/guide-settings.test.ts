/**
 * The agency administrator keeps the 公开指南 (issue 13): on 公开指南与栏目 adds a 查阅场所 and writes
 * the 备注说明 of a column; the portal's guide lists the place at once, and the console's column
 * list shows the note.
 */
import { expect, it } from 'vitest';
import { choose, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const PLACE = '临港区图书馆政府信息查阅角';
const NOTE = '本机关本年度无公务员招考计划，相关信息由市级主管部门统一发布。';

describeJourney('journey: the agency administrator keeps the 公开指南', 'guide-settings', (use) => {
  it('adds a reading point that the portal’s guide lists at once', async () => {
    const { page, server, shot } = use();
    await signIn(page, server.baseUrl, 'lingang-admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByText('公开指南与栏目').click();
    await page.getByText('政府信息查阅场所').first().waitFor();
    await page.getByRole('button', { name: '新增查阅场所' }).click();
    const form = page.getByRole('form', { name: '新增查阅场所' });
    await form.getByLabel('名称').fill(PLACE);
    await choose(page, '类型', '图书馆');
    await form.getByLabel('地址').fill('威海临港经济技术开发区江苏东路88号');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByRole('cell', { name: PLACE }).waitFor();
    await shot(page, 'reading-point-added');
    await page.goto(`${server.baseUrl}/agencies/lingang/gongkai/guide`);
    expect(await page.getByRole('cell', { name: PLACE }).count()).toBe(1);
  });

  it('writes a column’s note, shown in the console’s column list', async () => {
    const { page, server, shot } = use();
    await page.goto(`${server.baseUrl}/console/guide`);
    const row = page.getByRole('row', { name: /公务员招考/ });
    await row.getByRole('button', { name: '填写说明' }).click();
    await page.getByLabel('备注说明', { exact: true }).fill(NOTE);
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByRole('row', { name: new RegExp(NOTE) }).waitFor();
    await shot(page, 'column-note');
  });
});
