/**
 * A citizen files a request online: the form refuses an empty submission field by field, then
 * takes a complete one and gives a tracking code; the tracking page shows the status and due date.
 */
import { expect, it } from 'vitest';
import { describeJourney } from './journey.ts';
import { pageFacts } from './page-facts.ts';

describeJourney('journey: a citizen files a request online and tracks it', 'online-request', (use) => {
  let receipt: Record<string, string> = {};

  it('refuses an empty form with a message for each required field', async () => {
    const { page, url, shot } = use();
    await page.goto(url('/'));
    await page.getByRole('navigation').getByRole('link', { name: '在线申请' }).click();
    await page.waitForURL(/\/agencies\/lingang\/apply$/);
    await page.getByRole('heading', { name: '政府信息公开申请' }).waitFor();
    await shot(page, 'form');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('请选择申请人类型');
    expect(await page.getByLabel('姓名或者名称').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'form-errors');
  });

  it('submits a complete request and shows the tracking code and due date', async () => {
    const { page, shot } = use();
    await page.getByLabel('申请人类型').selectOption({ label: '自然人' });
    await page.getByLabel('姓名或者名称').fill('王小明');
    await page.getByLabel('身份证明（证件类型）').selectOption({ label: '护照' });
    await page.getByLabel('证件号码').fill('E12345678');
    await page.getByLabel('电子邮箱').fill('wang@example.com');
    await page
      .getByLabel('所需信息的名称或者特征性描述')
      .fill('2025年临港区道路维修工程的招标文件和中标结果');
    await page.getByRole('group', { name: '所需信息的形式' }).getByLabel('电子邮件').check();
    await page.getByRole('group', { name: '获取信息的方式' }).getByLabel('电子邮件').check();
    await shot(page, 'form-filled');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { name: '申请已提交' }).waitFor();
    receipt = await pageFacts(page);
    expect(receipt.查询码).toMatch(/\S{8,}/);
    expect(receipt.登记编号).toContain('临港');
    expect(receipt.答复期限).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(receipt.答复期限 > receipt.收到申请日期).toBe(true);
    await shot(page, 'confirmation');
  });

  it('shows the status and due date on the tracking page, by link and by typing the code', async () => {
    const { page, url, shot } = use();
    await page.getByRole('link', { name: '查询办理进度' }).click();
    await page.getByRole('heading', { name: '办理情况' }).waitFor();
    const byLink = await pageFacts(page);
    expect(byLink.登记编号).toBe(receipt.登记编号);
    expect(byLink.答复期限).toBe(receipt.答复期限.slice(0, 10));
    expect(byLink.办理状态).not.toBe('');
    expect(byLink.剩余时间).toMatch(/个工作日/);
    await shot(page, 'tracking');

    await page.goto(url('/track'));
    await page.getByLabel('查询码').fill(receipt.查询码);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: '办理情况' }).waitFor();
    expect(await pageFacts(page)).toEqual(byLink);
  });

  it('answers an unknown code with a message, not a status', async () => {
    const { page, url, shot } = use();
    await page.goto(url('/track?code=NOSUCHCODE1'));
    await page.getByText('未找到该查询码对应的申请').waitFor();
    expect(await page.getByRole('heading', { name: '办理情况' }).count()).toBe(0);
    await shot(page, 'tracking-unknown');
  });
});
