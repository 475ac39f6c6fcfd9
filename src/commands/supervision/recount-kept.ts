/**
 * Every active agency's counts kept ahead, counted again (domain/supervision/kept.ts): the 工作台's
 * of this year and last year, and the report cells of last year (the year whose report is being
 * written and checked). Run each night after the 网站自查 (commands/inspection/daily-inspection.ts) and
 * by `gongkai supervision recount`: a kept row missed by a writer that committed late is healed
 * within a day.
 */
import type { CommandContext } from '../context.ts';
import { reportCells } from './cells-counts.ts';
import { recount } from './kept-counts.ts';
import { overviewCounts } from './overview-counts.ts';

export interface Recounted {
  agencies: number;
  overviewYears: number[];
  cellsYears: number[];
  ms: number;
}

export async function recountKept(
  ctx: Pick<CommandContext, 'db' | 'clock' | 'calendar'>,
  input: { years?: number[]; agencyIds?: number[] } = {},
): Promise<Recounted> {
  const started = performance.now();
  const thisYear = Number(ctx.clock.today().slice(0, 4));
  const overviewYears = input.years ?? [thisYear, thisYear - 1];
  const cellsYears = input.years ?? [thisYear - 1];
  const active = () =>
    ctx.db.kysely.selectFrom('agencies').select('id').where('retired_on', 'is', null).orderBy('id').execute();
  const ids = input.agencyIds ?? (await active()).map((a) => a.id);
  const calendar = await ctx.calendar.get();
  for (const year of overviewYears)
    await recount(ctx.db, ctx.clock, overviewCounts(ctx.db, calendar), year, ids);
  for (const year of cellsYears) await recount(ctx.db, ctx.clock, reportCells(ctx.db), year, ids);
  return { agencies: ids.length, overviewYears, cellsYears, ms: Math.round(performance.now() - started) };
}
