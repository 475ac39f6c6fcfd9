/**
 * Issue 13, the agency administrator's pages of cases, items and documents (the rest of theirs:
 * console-pages-reports.test.ts): each opened at 1366 px and at 390 px, in Chinese only (the
 * checks: console-page-facts.ts), fitting the phone's screen. One of the console-pages-* files, split
 * so that the two workers share them.
 */
import { expect, it } from 'vitest';
import { consolePages, withBackupDir } from './console-page-visits.ts';
import { describeJourney } from './journey.ts';

withBackupDir();

describeJourney(
  'console: the agency’s case, item and document pages in Chinese and usable at 390 px',
  'console-pages-cases',
  (use) => {
    const { demoIds, visit } = consolePages(use);

    it('shows the agency administrator the pages of cases, items and documents in Chinese, at both widths', async () => {
      const ids = await demoIds();
      const routes = [
        '/',
        '/requests',
        '/requests/new',
        '/requests/proposals',
        '/requests/withheld-reviews/2021',
        `/requests/${ids.openCase}`,
        `/requests/${ids.closedCase}`,
        '/items',
        '/items/new',
        `/items/${ids.item}`,
        `/items/${ids.item}/edit`,
        '/registry',
        `/registry/${ids.document}`,
        '/registry/reviews/2021',
        '/new-media',
        '/catalog',
      ];
      expect(await visit('lingang-admin', routes)).toEqual([]);
    }, 180_000);
  },
);
