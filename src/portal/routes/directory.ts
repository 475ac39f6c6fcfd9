/**
 * 机构导航 (`/agencies`, `/agencies/`): every active agency under its parent, paged, or those whose
 * name contains `q`. Kept whole as the home page is (page-cache.ts), its list in caches.directory:
 * both emptied at the home page's signals and kept as long, so an agency added or renamed shows
 * here when it shows there.
 */
import { z } from 'zod';
import type { RouteOptions } from '../../server/routes/types.ts';
import { pageContext } from '../context.ts';
import {
  DIRECTORY_PAGE_SIZE,
  directoryPage,
  directoryQuery,
  directoryQueryProblem,
  directoryTree,
  matchAgencies,
} from '../directory.ts';
import { pageCount, pageRedirect, requestedPage } from '../paging.ts';
import { directoryAgencies } from '../queries/directory.ts';
import { DIRECTORY_PATH, renderDirectory } from '../views/agencies.ts';
import type { PortalApp, PortalCaches } from './index.ts';
import { answerKeptPage, sendKeptPage, sendPage } from './shared.ts';

const directoryQuerystring = z.object({
  // read by directoryQuery and requestedPage: given twice, the first; never a 400 for its form
  q: z.union([z.string(), z.array(z.string())]).optional(),
  page: z.union([z.string(), z.array(z.string())]).optional(),
});

/** Registers 机构导航. */
export function directoryPages(app: PortalApp, { db }: RouteOptions, caches: PortalCaches): void {
  app.get(
    DIRECTORY_PATH,
    { schema: { querystring: directoryQuerystring }, onRequest: answerKeptPage(caches.pages) },
    async (request, reply) => {
      const q = directoryQuery(request.query.q);
      const problem = directoryQueryProblem(q);
      if (problem) {
        const view = { q, lines: [], total: 0, page: 1, pageSize: DIRECTORY_PAGE_SIZE, error: problem };
        return sendPage(reply.code(400), renderDirectory(view, pageContext(request)));
      }
      return sendKeptPage(request, reply, caches.pages, async (context) => {
        const agencies = await caches.directory.get('all', () => directoryAgencies(db));
        const lines = q ? matchAgencies(agencies, q) : directoryTree(agencies);
        const raw = request.query.page;
        const asked = requestedPage(raw);
        const page = asked ?? 1;
        const moved = pageRedirect(request.url, raw, asked, pageCount(lines.length, DIRECTORY_PAGE_SIZE));
        if (moved) return { redirect: moved };
        const shown = directoryPage(lines, page, DIRECTORY_PAGE_SIZE);
        const view = { q, lines: shown, total: lines.length, page, pageSize: DIRECTORY_PAGE_SIZE };
        return renderDirectory(view, context);
      });
    },
  );
}
