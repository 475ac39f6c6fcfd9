/**
 * Issue 13, the agency administrator's pages of reports, settings and checks (the rest of theirs:
 * console-pages-cases.test.ts): each opened at 1366 px and at 390 px, in Chinese only (the checks:
 * console-page-facts.ts), fitting the phone's screen; and at 390 px what a click opens there (a
 * report check's findings, a report cell's records, 新建用户, 重置密码). One of the console-pages-*
 * files, split so that the two workers share them.
 */
import { expect, it } from 'vitest';
import { PAGE } from './console-page-facts.ts';
import { type Click, consolePages, withBackupDir } from './console-page-visits.ts';
import { describeJourney } from './journey.ts';

withBackupDir();

describeJourney(
  'console: the agency’s report, settings and check pages in Chinese and usable at 390 px',
  'console-pages-reports',
  (use) => {
    const { reportCheckBatch, visit } = consolePages(use);

    it('shows the agency administrator the pages of reports, settings and checks in Chinese, at both widths, and what a click opens', async () => {
      const batch = await reportCheckBatch();
      const routes = [
        '/reports',
        '/reports/2021',
        '/reports/2021/figures',
        '/calendar',
        '/users',
        '/settings',
        '/guide',
        '/screening-words',
        '/events',
        '/report-checks',
        `/report-checks/${batch}`,
        '/inspection',
        '/website-report',
      ];
      const clicks: Click[] = [
        {
          route: `/report-checks/${batch}`,
          what: '展开问题',
          click: (page) => page.locator('.ant-table-row-expand-icon').nth(1).click(),
          want: PAGE,
        },
        {
          route: '/reports/2021',
          what: '来源记录',
          click: (page) => page.locator('button.gk-cell').first().click(),
        },
        {
          route: '/users',
          what: '新建用户',
          click: async (page) => {
            await page.getByRole('button', { name: '新建用户' }).click();
            await page.getByRole('button', { name: '收起' }).waitFor();
          },
          want: PAGE,
        },
        {
          route: '/users',
          what: '重置密码',
          click: (page) =>
            page
              .getByRole('button', { name: /^重置.+的密码$/ })
              .first()
              .click(),
        },
      ];
      expect(await visit('lingang-admin', routes, clicks)).toEqual([]);
    }, 180_000);
  },
);
