/**
 * The staff dashboard's lists of request cases: overdue, due today, due this week (the answer
 * clock running), and those waiting on the applicant or a third party. Each list is counted and
 * its most urgent cases returned, over the stored clock columns (no clock recomputed here).
 */
import { CLOCK_RUNNING_STATES, DASHBOARD_LISTS, type DashboardList } from '../../domain/requests/queues.ts';
import type { Db } from '../connection.ts';
import { type CaseSummary, summaryColumns, toSummary } from './request-cases.ts';

export { DASHBOARD_LISTS, type DashboardList };

/** The states in which the answer clock runs. */
const RUNNING = CLOCK_RUNNING_STATES;

/** One list: how many cases it holds and the first `limit` of them, most urgent first. */
export async function dashboardList(
  db: Db,
  agencyId: number,
  list: DashboardList,
  dates: { today: string; weekEnd: string },
  limit: number,
): Promise<{ count: number; cases: CaseSummary[] }> {
  let query = db.kysely.selectFrom('requests').where('agency_id', '=', agencyId);
  switch (list) {
    case 'overdue':
      query = query.where('state', 'in', RUNNING).where('due_on', '<', dates.today);
      break;
    case 'due_today':
      query = query.where('state', 'in', RUNNING).where('due_on', '=', dates.today);
      break;
    case 'due_this_week':
      query = query
        .where('state', 'in', RUNNING)
        .where('due_on', '>', dates.today)
        .where('due_on', '<=', dates.weekEnd);
      break;
    default:
      query = query.where('state', '=', list);
  }
  const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(summaryColumns(db))
    .orderBy('due_on')
    .orderBy('waiting_until')
    .orderBy('id')
    .limit(limit)
    .execute();
  return { count: Number(counted.n), cases: rows.map(toSummary) };
}
