/**
 * Issue 13, the platform administrator's pages and the sign-in page: each opened at 1366 px and at
 * 390 px, in Chinese only (the checks: console-page-facts.ts), fitting the phone's screen; at 390 px
 * the backup's confirmation and the calendar's form with its checks and its date picker, and the
 * sign-in page's refusal. One of the console-pages-* files, split so that the two workers share them.
 */
import { expect, it } from 'vitest';
import { DIALOG, PAGE, PHONE, SIGNED_OUT, WIDE } from './console-page-facts.ts';
import { type Click, consolePages, withBackupDir } from './console-page-visits.ts';
import { describeJourney } from './journey.ts';

withBackupDir();

describeJourney(
  'console: the platform’s pages and the sign-in page in Chinese and usable at 390 px',
  'console-pages-platform',
  (use) => {
    const { look, open, visit } = consolePages(use);

    it('shows the platform administrator the platform pages, the backup’s confirmation and the calendar’s form in Chinese', async () => {
      const routes = [
        '/platform/users',
        '/calendar',
        '/platform/backups',
        '/platform/site',
        '/platform/agencies/lingang/users',
        '/platform/agency-tree',
      ];
      const clicks: Click[] = [
        {
          route: '/platform/backups',
          what: '立即备份',
          click: (page) => page.getByRole('button', { name: '立即备份' }).click(),
        },
        {
          route: '/calendar',
          what: '添加本地调整',
          // sent empty: the form's own checks speak
          click: async (page) => {
            const form = page.getByRole('form', { name: '添加本地调整' });
            await form.getByRole('button', { name: /添\s*加/ }).click();
            await form.locator('.ant-form-item-explain-error').first().waitFor();
          },
          // the form is below the year's table: the page scrolled to it, past the heading
          want: { ...PAGE, heading: false },
        },
        {
          route: '/calendar',
          what: '选择日期',
          click: (page) => page.getByRole('form', { name: '添加本地调整' }).getByLabel('日期').click(),
          want: { ...DIALOG, dialog: '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)' },
        },
      ];
      expect(await visit('platform-admin', routes, clicks)).toEqual([]);
    }, 180_000);

    it('shows the sign-in page and its refusal in Chinese', async () => {
      const { server } = use();
      const page = await open(null);
      await page.goto(`${server.baseUrl}/console/login`);
      const found = await look(page, 'sign-in', [WIDE, PHONE], SIGNED_OUT);
      await page.getByLabel('用户名').fill('lingang-operator');
      await page.getByLabel('密码').fill('not-the-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByRole('alert').waitFor();
      found.push(...(await look(page, 'sign-in refused', [PHONE], SIGNED_OUT)));
      await page.context().close();
      expect(found).toEqual([]);
    }, 30_000);
  },
);
