/**
 * The supervisor's 工作台 (issue 15, docs/supervision.md): `GET /api/v1/agencies/:code/supervision`
 * — the agency and every agency below it, each with its own figures of the year and its subtree's.
 * A supervisor over the agency, or a platform administrator (`policy: 'supervisor'`, access.ts);
 * the agency's own staff are refused (they see their own work in their own 工作台).
 */
import { z } from 'zod';
import { settleRecounts } from '../../../commands/supervision/kept-counts.ts';
import { supervisionSchema, trendsQuery, trendsSchema } from '../../../contract/supervision.ts';
import { subtreeAgencies } from '../../../db/queries/supervision.ts';
import { trendCharts, trendYear, trendYears } from '../../../domain/supervision/trends.ts';
import { renderTrendSvg } from '../../../render/charts.ts';
import { agencyOf } from '../../actor.ts';
import { agencyCode, decimal, readErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { readSupervisionOverview, readYearRows } from './read-overview.ts';

export const supervisionRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  // counts kept ahead may be recounting in the background: the server closes after them
  app.addHook('onClose', settleRecounts);
  const onError = (error: unknown) => app.log.error({ err: error }, 'kept counts: background recount failed');
  app.get(
    '/api/v1/agencies/:code/supervision',
    {
      config: { policy: 'supervisor' },
      schema: {
        tags: ['supervision'],
        summary:
          'The supervisor’s 工作台: the agency and every agency below it, each with its own figures of the year and its subtree’s (report status, requests, 复议/诉讼 纠错率, publication timeliness)',
        params: z.object({ code: agencyCode }),
        querystring: z.object({
          year: decimal(
            z.number({ error: '年度应为2008到2100之间的四位年份' }).int().min(2008).max(2100),
          ).optional(),
        }),
        response: { 200: supervisionSchema, ...readErrors },
      },
    },
    async (request) => {
      const today = clock.today();
      const year = request.query.year ?? Number(today.slice(0, 4));
      return readSupervisionOverview(db, await calendars.get(), clock, {
        rootId: agencyOf(request).id,
        year,
        today,
        onError,
      });
    },
  );

  app.get(
    '/api/v1/agencies/:code/supervision/trends',
    {
      config: { policy: 'supervisor' },
      schema: {
        tags: ['supervision'],
        summary:
          'The 工作台’s trends: the subtree’s figures for each of the last years (default 5, ending this year) and their charts as SVG (ECharts, server-side)',
        params: z.object({ code: agencyCode }),
        querystring: trendsQuery,
        response: { 200: trendsSchema, ...readErrors },
      },
    },
    async (request) => {
      const today = clock.today();
      const root = agencyOf(request);
      const calendar = await calendars.get();
      const years = trendYears(request.query.to ?? Number(today.slice(0, 4)), request.query.years ?? 5);
      // the subtree's figures of each year: its agencies read once, no inspections or 督办 (not charted)
      const agencies = await subtreeAgencies(db, root.id);
      const rows = [];
      let countedUpTo = clock.now().toISOString();
      let pending = 0;
      for (const year of years) {
        const read = await readYearRows(db, calendar, clock, { agencies, year, today, onError });
        const top = read.rows[0];
        if (top) rows.push(trendYear(year, top.subtree));
        if (read.countedUpTo < countedUpTo) countedUpTo = read.countedUpTo;
        pending = Math.max(pending, read.pending);
      }
      return {
        agency: root.code,
        today,
        countedUpTo,
        pending,
        years: rows,
        charts: trendCharts(rows).map((chart) => ({
          key: chart.key,
          title: chart.title,
          unit: chart.unit,
          svg: renderTrendSvg(chart.title, years, chart.series, chart.unit),
        })),
      };
    },
  );
};
