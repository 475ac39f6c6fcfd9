/**
 * The minimal public pages: `GET /` (agencies and their reports) and
 * `GET /agencies/:code/reports/:year` (one report). Server-rendered, no JavaScript; the full
 * portal comes later.
 */
import { loadReport } from '../load-report.ts';
import { renderHomePage } from '../presenters/home-page.ts';
import { renderReportPage } from '../presenters/report-page.ts';
import { listAgencies } from '../queries/agencies.ts';
import { reportParams } from './schemas.ts';
import type { RouteModule } from './types.ts';

const HTML = 'text/html; charset=utf-8';

export const pageRoutes: RouteModule = async (app, { db }) => {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type(HTML).send(renderHomePage(await listAgencies(db)));
  });

  app.get(
    '/agencies/:code/reports/:year',
    { schema: { hide: true, params: reportParams } },
    async (request, reply) => {
      const { code, year } = request.params;
      return reply.type(HTML).send(renderReportPage(await loadReport(db, code, year)));
    },
  );
};
