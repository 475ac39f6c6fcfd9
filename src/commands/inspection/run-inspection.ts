/**
 * Runs the day's self-inspection of one agency (网站自查, issue 15, docs/inspection.md): reads its
 * columns, items and interpretations as of the day, computes every indicator (domain/inspection),
 * and stores the day's results — replacing that day's rows if it ran before — with one event
 * `inspection.run` (the counts by state), all in one transaction. Its 机关管理员 runs it, or the
 * installation's operator (a platform administrator: the daily `gongkai inspect --all`).
 */
import { appendEvent } from '../../db/events.ts';
import { inspectionInput } from '../../db/queries/inspection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { can, roleRefusal, rolesNeeded } from '../../domain/accounts/policy-table.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { type IndicatorResult, inspect, stateCounts } from '../../domain/inspection/inspect.ts';
import { INSPECTION_POLICY } from '../../domain/inspection/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export interface InspectionRun {
  day: string;
  runAt: string;
  results: IndicatorResult[];
}

/** Why the actor may not run the inspection, or null. */
export function inspectionRunRefusal(actor: CommandContext['actor']): string | null {
  if (actor.platformAdmin || can(INSPECTION_POLICY, actor, 'run')) return null;
  return roleRefusal('运行网站自查', rolesNeeded(INSPECTION_POLICY, 'run'));
}

export async function runInspection(
  ctx: CommandContext,
  input: { agencyId: number; day?: string },
): Promise<InspectionRun> {
  const refusal = inspectionRunRefusal(ctx.actor);
  if (refusal) throw new AppError('forbidden', refusal);
  const day = input.day ?? ctx.clock.today();
  if (!isIsoDate(day))
    throw new AppError('validation', '自查日期应为 YYYY-MM-DD 格式的日期。', [
      { field: 'day', message: '自查日期应为 YYYY-MM-DD 格式的日期（如：2026-12-06）' },
    ]);
  const now = ctx.clock.now();
  const runAt = now.toISOString();
  // the calendar before the transaction (on SQLite a read outside it would wait for it)
  const calendar = await ctx.calendar.get();
  return inTransaction(ctx.db, async (trx) => {
    const results = inspect(await inspectionInput(trx, input.agencyId, day, calendar));
    await trx
      .deleteFrom('inspection_results')
      .where('agency_id', '=', input.agencyId)
      .where('day', '=', day)
      .execute();
    await trx
      .insertInto('inspection_results')
      .values(
        results.map((r) => ({
          agency_id: input.agencyId,
          day,
          indicator: r.indicator,
          value: r.value,
          threshold: r.threshold,
          state: r.state,
          details: JSON.stringify(r.details),
          run_at: runAt,
        })),
      )
      .execute();
    await appendEvent(trx, {
      name: 'inspection.run',
      subject: { type: 'inspection', id: day },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: now,
      data: { day, ...stateCounts(results) },
    });
    return { day, runAt, results };
  });
}
