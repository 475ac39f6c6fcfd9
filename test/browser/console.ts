/** Driving the staff console (/console, React + Ant Design) from a journey. */
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/demo/lingang-users.ts';

/** The demo password of a demo user (the README lists them). */
export function demoPassword(username: string): string {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.password;
}

/**
 * Signs in on the console's sign-in page (loaded unless the page shows it already) and waits for
 * the dashboard's main menu.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password?: string,
): Promise<void> {
  if (!page.url().startsWith(`${baseUrl}/console/login`)) await page.goto(`${baseUrl}/console/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password ?? demoPassword(username));
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
}

/**
 * Opens the console's `route` (such as `/requests/new`) in `page`: when the console is loaded and
 * signed in, as a click on a menu link would (the router follows the address; the console is not
 * loaded again), else — or when the page is at that address already — by loading it.
 */
export async function go(page: Page, baseUrl: string, route: string): Promise<void> {
  const path = `/console${route}`;
  const at = page.url();
  if (!at.startsWith(`${baseUrl}/console/`) || at.includes('/console/login') || at === `${baseUrl}${path}`) {
    await page.goto(`${baseUrl}${path}`);
    return;
  }
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForFunction((to) => window.location.pathname + window.location.search === to, path);
}

const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/**
 * Picks `option` (or, when omitted, the first option) in the Ant Design select labelled `label`:
 * opens it, scrolls its virtual list until the option is rendered, clicks it (Ant Design gives
 * each option its label as title), and waits until the list closed.
 */
export async function choose(page: Page, label: string, option?: string | RegExp): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  const dropdown = page.locator(OPEN_DROPDOWN);
  const choice = (
    option === undefined ? dropdown.locator('.ant-select-item-option') : dropdown.getByTitle(option)
  ).first();
  const list = dropdown.locator('.ant-select-dropdown-list-holder');
  await list.waitFor();
  await list.hover();
  // the list opens scrolled to the selected option: start from the top
  if ((await choice.count()) === 0) await page.mouse.wheel(0, -10_000);
  for (let scrolls = 0; scrolls < 40 && (await choice.count()) === 0; scrolls++)
    await page.mouse.wheel(0, 100);
  await choice.click();
  await dropdown.waitFor({ state: 'detached' });
}

/** Types a date into the Ant Design date picker labelled `label` and confirms it. */
export async function pickDate(page: Page, label: string, isoDate: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(isoDate);
  await input.press('Enter');
}
