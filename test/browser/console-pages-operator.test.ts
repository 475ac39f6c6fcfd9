/**
 * Issue 13, the operator's pages: each opened at 1366 px and at 390 px, in Chinese only (the checks:
 * console-page-facts.ts), fitting the phone's screen; at 390 px a case's action forms, and the
 * not-found page. One of the console-pages-* files, split so that the two workers share them.
 */
import { expect, it } from 'vitest';
import { type Click, consolePages, withBackupDir } from './console-page-visits.ts';
import { describeJourney } from './journey.ts';

withBackupDir();

describeJourney(
  'console: the operator’s pages in Chinese and usable at 390 px',
  'console-pages-operator',
  (use) => {
    const { demoIds, visit } = consolePages(use);

    it('shows the operator their pages, a case’s action forms and the not-found page in Chinese', async () => {
      const ids = await demoIds();
      const caseRoute = `/requests/${ids.openCase}`;
      const routes = [
        '/',
        '/requests',
        '/requests/new',
        caseRoute,
        '/items',
        `/items/${ids.item}`,
        '/inspection',
        '/catalog',
        '/no-such-page',
      ];
      const action = (name: string): Click => ({
        route: caseRoute,
        what: name,
        click: (page) =>
          page.getByRole('region', { name: '可办理的操作' }).getByRole('button', { name }).click(),
      });
      const clicks = [action('作出答复'), action('发出补正告知'), action('提请审批：延期答复')];
      expect(await visit('lingang-operator', routes, clicks)).toEqual([]);
    }, 180_000);
  },
);
