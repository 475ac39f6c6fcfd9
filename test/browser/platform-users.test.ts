/**
 * The platform administrator creates a user of the demo agency with the operator role on the
 * platform-wide users page; that user signs in, sees the request queue and searches it (the search
 * survives a reload); the administrator then disables the user, whose session ends and whose next
 * sign-in is refused in Chinese. The agency's users page opens from the platform page.
 */
import { expect, it } from 'vitest';
import { choose, signIn } from './console.ts';
import { describeJourney } from './journey.ts';

const AGENCY = '威海临港经济技术开发区管理委员会';
const CLERK = { username: 'lingang-clerk', name: '周经办', password: 'Clerk-start-2026' };
/** The password the administrator resets the clerk's to. */
const RESET_PASSWORD = 'Clerk-reset-2026';

describeJourney('journey: the platform administrator manages every user', 'platform-users', (use) => {
  let clerkContext: Awaited<ReturnType<ReturnType<typeof use>['browser']['newContext']>> | undefined;

  it('shows the platform administrator every user, with the platform menu', async () => {
    const { page, server, shot } = use();
    await signIn(page, server.baseUrl, 'platform-admin');
    await page.waitForURL(/\/console\/platform\/users$/); // no agency of their own: straight to the users
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByText('用户管理（全平台）').click();
    await page.getByRole('heading', { name: '用户管理（全平台）' }).waitFor();
    await page.getByRole('switch', { name: '临港区政务公开经办人 平台管理员' }).waitFor();
    expect(await menu.getByText('依申请公开').count()).toBe(0);
    await shot(page, 'platform-users');
  });

  it('creates a user of the demo agency with the operator role', async () => {
    const { page, shot } = use();
    await page.getByRole('button', { name: '新建用户' }).click();
    const form = page.getByRole('form', { name: '新建用户' });
    await form.getByLabel('用户名').fill(CLERK.username);
    await form.getByLabel('姓名').fill(CLERK.name);
    await form.getByLabel('初始密码').fill(CLERK.password);
    await choose(page, '所属机关', AGENCY);
    await form.getByRole('checkbox', { name: '经办人', exact: true }).check();
    await shot(page, 'create-form');
    await form.getByRole('button', { name: /创\s*建/ }).click();
    const row = page.getByRole('row', { name: new RegExp(CLERK.username) });
    await row.waitFor();
    // the person by name, the username in its own column
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual([CLERK.name, CLERK.username, `${AGENCY}：经办人`]);
    await shot(page, 'created');
  });

  it('lets the new user sign in, see the queue and search it', async () => {
    const { browser, server, shot } = use();
    const registrationNo = (
      await server.db.kysely
        .selectFrom('requests')
        .select('registration_no')
        .where('registration_no', 'is not', null)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).registration_no as string;
    clerkContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await clerkContext.newPage();
    await signIn(page, server.baseUrl, CLERK.username, CLERK.password);
    await page.getByRole('navigation', { name: '主菜单' }).getByText('依申请公开').click();
    await page.getByRole('heading', { name: '依申请公开' }).waitFor();
    await page.getByText(/^全部（\d+）$/).click();
    await page.waitForURL(/filter=all/);
    await page.getByRole('table').getByRole('link').first().waitFor();
    await shot(page, 'clerk-queue');
    await page.getByLabel('搜索申请').fill(registrationNo);
    await page.getByRole('button', { name: /搜\s*索/ }).click();
    await page.getByRole('status').getByText('找到 1 件').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(registrationNo);
    await page.reload();
    await page.getByRole('link', { name: registrationNo }).waitFor();
    expect(await page.getByLabel('搜索申请').inputValue()).toBe(registrationNo);
    expect(await page.getByRole('table').getByRole('link').count()).toBe(1);
    await shot(page, 'clerk-queue-searched');
    // a shared link with a received-date range: the picker shows it, the table holds only those cases
    await page.goto(`${server.baseUrl}/console/requests?filter=all&from=2021-01-01&to=2021-06-30`);
    await page.getByRole('status').getByText('收到日期 2021-01-01 至 2021-06-30').waitFor();
    expect(await page.getByPlaceholder('收到日期起').inputValue()).toBe('2021-01-01');
    const headers = await page.getByRole('table').locator('thead th').allTextContents();
    const column = headers.findIndex((h) => h.trim() === '收到日期') + 1;
    expect(column).toBeGreaterThan(0);
    const received = await page
      .getByRole('table')
      .locator(`tbody tr td:nth-child(${column})`)
      .allTextContents();
    expect(received.length).toBeGreaterThan(0);
    for (const day of received) expect(day >= '2021-01-01' && day <= '2021-06-30', day).toBe(true);
    await shot(page, 'clerk-queue-dates');
  });

  it('resets the user’s password: their session ends, the old password is refused, the new one works', async () => {
    const { page, server, shot } = use();
    await page.getByRole('button', { name: `重置${CLERK.name}的密码` }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: `重置${CLERK.name}的密码` });
    await dialog.getByLabel('新密码').fill(RESET_PASSWORD);
    await shot(page, 'reset-dialog');
    await dialog.getByRole('button', { name: /重\s*置/ }).click();
    await page.getByText('已重置密码，该用户的登录会话已结束').waitFor();
    // the clerk's open console goes back to the sign-in page, where they try again
    const clerkPage = clerkContext?.pages()[0];
    if (!clerkPage) throw new Error('the clerk’s page is gone');
    await clerkPage.reload();
    await clerkPage.getByLabel('密码').waitFor();
    await clerkPage.getByLabel('用户名').fill(CLERK.username);
    await clerkPage.getByLabel('密码').fill(CLERK.password);
    await clerkPage.getByRole('button', { name: /登\s*录/ }).click();
    expect(await clerkPage.getByRole('alert').textContent()).toMatch(/用户名或密码不正确/);
    await signIn(clerkPage, server.baseUrl, CLERK.username, RESET_PASSWORD);
    await clerkPage.getByRole('navigation', { name: '主菜单' }).getByText('依申请公开').waitFor();
  });

  it('disables the user: their session ends and their sign-in is refused in Chinese', async () => {
    const { page, shot } = use();
    await page.getByRole('switch', { name: `启用 ${CLERK.name}` }).click();
    await page.getByText(`已停用${CLERK.name}`).waitFor();
    await page
      .getByRole('row', { name: new RegExp(CLERK.username) })
      .getByText('已停用')
      .waitFor();
    await shot(page, 'disabled');
    const clerkPage = clerkContext?.pages()[0];
    if (!clerkPage) throw new Error('the clerk’s page is gone');
    try {
      await clerkPage.reload();
      await clerkPage.getByLabel('密码').waitFor();
      await clerkPage.getByLabel('用户名').fill(CLERK.username);
      await clerkPage.getByLabel('密码').fill(RESET_PASSWORD);
      await clerkPage.getByRole('button', { name: /登\s*录/ }).click();
      const alert = clerkPage.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/用户名或密码不正确/);
      await shot(clerkPage, 'sign-in-refused');
    } finally {
      await clerkContext?.close();
    }
  });

  it('opens the demo agency’s users page from the platform page', async () => {
    const { page, shot } = use();
    await page.getByRole('link', { name: AGENCY }).first().click();
    await page.getByRole('heading', { name: `用户与角色 · ${AGENCY}` }).waitFor();
    await page.getByRole('checkbox', { name: `${CLERK.name} 经办人` }).waitFor();
    expect(await page.getByRole('checkbox', { name: `${CLERK.name} 经办人` }).isChecked()).toBe(true);
    await shot(page, 'agency-users');
  });
});
