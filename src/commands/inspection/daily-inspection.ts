/**
 * The day's 网站自查 of every active agency (issue 15: measured every day), as the server's
 * scheduler runs it (server/daily-inspection.ts) — the same run as `gongkai inspect --all`. The
 * day is claimed first in `scheduled_runs` (0036): the server whose row goes in runs it, every other
 * server (several app servers on one database) sees it taken and skips. A claim left unfinished for
 * an hour (its server died) is taken over. Each agency runs in its own transaction
 * (commands/inspection/run-inspection.ts, one `inspection.run` event each; a few side by side on
 * PostgreSQL, each-agency.ts): one agency failing is
 * recorded and does not stop the others. The day's record ends with one event
 * `inspection.daily_run` (agencies, vetoed, failures). Then the counts kept ahead for the 工作台 and
 * the region's statistics are counted again (commands/supervision/recount-kept.ts).
 */
import { hostname } from 'node:os';
import { sql } from 'kysely';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Actor, CommandContext } from '../context.ts';
import { recountKept } from '../supervision/recount-kept.ts';
import { forEachAgency } from './each-agency.ts';
import { runInspection } from './run-inspection.ts';

export const DAILY_JOB = 'inspection';
/** A claim older than this without its end is taken over. */
export const STALE_CLAIM_MS = 3_600_000;

export interface DailyRun {
  day: string;
  /** false: another run holds or finished the day; nothing was run */
  claimed: boolean;
  agencies: number;
  vetoed: number;
  failures: Array<{ agency: string; message: string }>;
}

/** The agencies inspected: every one not retired (a retired agency's site is no longer run). */
export function activeAgencies(ctx: Pick<CommandContext, 'db'>) {
  return ctx.db.kysely
    .selectFrom('agencies')
    .select(['id', 'code', 'name'])
    .where('retired_on', 'is', null)
    .orderBy('code')
    .execute();
}

/** Claims the day for this runner: true when this call holds it now. */
async function claim(ctx: CommandContext<Actor>, day: string, runner: string): Promise<boolean> {
  const now = ctx.clock.now();
  const startedAt = now.toISOString();
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const inserted = await trx
      .insertInto('scheduled_runs')
      .values({ job: DAILY_JOB, day, runner, started_at: startedAt })
      .onConflict((oc) => oc.columns(['job', 'day']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
    const taken = await trx
      .updateTable('scheduled_runs')
      .set({ runner, started_at: startedAt })
      .where('job', '=', DAILY_JOB)
      .where('day', '=', day)
      .where('finished_at', 'is', null)
      .where('started_at', '<', staleBefore)
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) > 0;
  });
}

export async function runDailyInspection(
  ctx: CommandContext<Actor>,
  input: { day?: string; runner?: string } = {},
): Promise<DailyRun> {
  const day = input.day ?? ctx.clock.today();
  const runner = input.runner ?? `${hostname()}:${process.pid}`;
  if (!(await claim(ctx, day, runner))) return { day, claimed: false, agencies: 0, vetoed: 0, failures: [] };
  const agencies = await activeAgencies(ctx);
  let vetoed = 0;
  const failures: DailyRun['failures'] = [];
  await forEachAgency(ctx.db, agencies, async (agency) => {
    try {
      const run = await runInspection(ctx, { agencyId: agency.id, day });
      if (run.results.some((r) => r.veto && r.state === 'failed')) vetoed += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ agency: agency.code, message });
      ctx.log.error({ err: error, agency: agency.code, day }, 'daily inspection failed for an agency');
    }
  });
  failures.sort((a, b) => a.agency.localeCompare(b.agency));
  const finishedAt = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .updateTable('scheduled_runs')
      .set({
        finished_at: finishedAt.toISOString(),
        agencies: agencies.length,
        vetoed,
        failures: JSON.stringify(failures),
      })
      .where('job', '=', DAILY_JOB)
      .where('day', '=', day)
      .where('runner', '=', runner)
      .execute();
    await appendEvent(trx, {
      name: 'inspection.daily_run',
      subject: { type: 'scheduled_run', id: `${DAILY_JOB}:${day}` },
      agency: null,
      actor: ctx.actor.username,
      at: finishedAt,
      data: { day, runner, agencies: agencies.length, vetoed, failures: failures.length },
    });
  });
  // then the counts kept ahead, counted again for every agency (a failure is logged, the day stays done)
  try {
    // PostgreSQL: the day's rows just written are not yet marked all-visible, so each agency's probe of
    // its latest day (the 工作台) would read the table too; a vacuum marks them (0.3 s → 0.1 s for 2,000)
    if (ctx.db.dialect === 'postgres') await sql`vacuum (analyze) inspection_results`.execute(ctx.db.kysely);
    const recounted = await recountKept(ctx);
    ctx.log.info({ day, ...recounted }, 'kept counts recounted');
  } catch (error) {
    ctx.log.error({ err: error, day }, 'kept counts: nightly recount failed');
  }
  return { day, claimed: true, agencies: agencies.length, vetoed, failures };
}
