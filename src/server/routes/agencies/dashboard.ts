/**
 * The staff dashboard (工作台): its tiles (each the queue's total under the tile's filter, so a click
 * shows exactly what was counted), then request cases overdue, due today, due this week, awaiting
 * correction, awaiting a fee, in consultation — each list counted, its most urgent cases listed
 * with a day counter in working days on the official calendar.
 */
import { z } from 'zod';
import { DASHBOARD_LISTS, type DashboardList, dashboardList } from '../../../db/queries/dashboard.ts';
import { listCases } from '../../../db/queries/request-cases.ts';
import type { WorkCalendar } from '../../../domain/calendar/types.ts';
import { endOfWeek, startOfWeek } from '../../../domain/dates.ts';
import {
  DASHBOARD_LIST_LABELS,
  DASHBOARD_TILE_LABELS,
  DASHBOARD_TILES,
  DUE_SOON_WORKING_DAYS,
  tileQuery,
} from '../../../domain/requests/queues.ts';
import { agencyOf } from '../../actor.ts';
import { dashboardSchema } from '../requests/request-schemas.ts';
import { agencyCode, decimal, readErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

/** The lists waiting on the applicant count toward the applicant's date, not the answer's. */
const WAITING: ReadonlySet<DashboardList> = new Set(['awaiting_correction', 'awaiting_fee']);

/** Working days from today to a date: positive ahead, 0 today, negative when past. */
export function workingDaysUntil(calendar: WorkCalendar, today: string, date: string): number {
  return date >= today ? calendar.workingDaysBetween(today, date) : -calendar.workingDaysBetween(date, today);
}

export const dashboardRoutes: RouteModule = async (app, { db, calendars, clock }) => {
  app.get(
    '/api/v1/agencies/:code/dashboard',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['requests'],
        summary:
          'The dashboard: tiles (new today / this week, open, due soon, overdue, pending approval — each the queue’s total under its filter), then the lists overdue, due today, due this week, awaiting correction or fee, in consultation',
        params: z.object({ code: agencyCode }),
        querystring: z.object({
          limit: decimal(z.number({ error: '条数应为0到50之间的整数' }).int().min(0).max(50)).default(8),
        }),
        response: { 200: dashboardSchema, ...readErrors },
      },
    },
    async (request) => {
      const agencyId = agencyOf(request).id;
      const calendar = await calendars.get();
      const today = clock.today();
      const weekEnd = endOfWeek(today);
      const weekStart = startOfWeek(today);
      const dueSoonUntil = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
      const tiles = [];
      for (const key of DASHBOARD_TILES) {
        const query = tileQuery(key, { today, weekStart });
        const { total } = await listCases(db, agencyId, {
          ...query,
          today,
          dueSoonUntil,
          limit: 0,
          offset: 0,
        });
        tiles.push({ key, label: DASHBOARD_TILE_LABELS[key], count: total, ...query });
      }
      const lists = [];
      for (const key of DASHBOARD_LISTS) {
        const { count, cases } = await dashboardList(
          db,
          agencyId,
          key,
          { today, weekEnd },
          request.query.limit,
        );
        lists.push({
          key,
          label: DASHBOARD_LIST_LABELS[key],
          count,
          cases: cases.map((c) => {
            const counterDate = WAITING.has(key) ? c.waitingUntil : c.dueOn;
            return {
              ...c,
              counterDate,
              workingDaysLeft: counterDate ? workingDaysUntil(calendar, today, counterDate) : null,
            };
          }),
        });
      }
      return { today, weekStart, weekEnd, dueSoonUntil, tiles, lists };
    },
  );
};
