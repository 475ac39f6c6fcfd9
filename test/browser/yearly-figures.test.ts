/**
 * The operator enters a year's figures in the console (年度数据): 行政事业性收费 in 万元 to the 分, as
 * real reports print it (24252.311082); a seventh decimal is refused in Chinese, naming the field and
 * the limit; the saved amount reads back exactly as entered.
 */

import { expect, it } from 'vitest';
import { go, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const FEES = '行政事业性收费 本年收费金额（万元）';

describeJourney('journey: yearly figures with fees to the 分', 'yearly-figures', (use) => {
  it('says the input takes six decimals, and refuses a seventh in Chinese', async () => {
    const { page, server, shot } = use();
    await signIn(page, server.baseUrl, 'lingang-operator');
    await go(page, server.baseUrl, '/reports/2022/figures');
    await page.getByRole('heading', { name: '2022 年行政管理数据' }).waitFor();
    await page.getByText('以万元填写，最多六位小数（1分 = 0.000001万元，如 24252.311082）').waitFor();
    await page.getByLabel('行政许可 本年处理决定数量').fill('5416');
    await page.getByLabel('行政处罚 本年处理决定数量').fill('271');
    await page.getByLabel('行政强制 本年处理决定数量').fill('21');
    await page.getByLabel(FEES).fill('24252.3110825');
    await page.getByRole('button', { name: '保存' }).click();
    await page
      .getByText(
        `“${FEES}”的值“24252.3110825”小数超过六位（1分为0.000001万元），应为不小于0、最多六位小数的金额（万元）`,
      )
      .waitFor();
    await shot(page, 'seventh-decimal-refused');
  });

  it('saves 24252.311082 万元 and reads it back exactly as entered', async () => {
    const { page, server, shot } = use();
    await page.getByLabel(FEES).fill('24252.311082');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '2022 年行政管理数据' }).waitFor();
    await expect.poll(() => page.getByLabel(FEES).inputValue()).toBe('24252.311082');
    await shot(page, 'saved');
    const row = await server.db.kysely
      .selectFrom('admin_figures')
      .select(['fees_fen', 'fees_wan_text'])
      .where('year', '=', 2022)
      .executeTakeFirstOrThrow();
    expect([Number(row.fees_fen), row.fees_wan_text]).toEqual([24_252_311_082, '24252.311082']);
  });
});
