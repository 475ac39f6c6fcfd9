/**
 * `gongkai supervision recount [--year YYYY]… [--agency CODE]`: counts the 工作台's and the region
 * statistics' figures kept ahead again (docs/supervision.md “Counts kept ahead”) — every active
 * agency's (or one agency's), of this year and last year (or the years named) — as the nightly run
 * does after the 网站自查. Prints what was counted and how long it took.
 */
import { recountKept } from '../commands/supervision/recount-kept.ts';
import type { Db } from '../db/connection.ts';
import { cliAgency, cliContext } from './command-context.ts';
import { type CliIo, flags, UsageError } from './io.ts';

const USAGE = 'gongkai supervision recount [--year YYYY]… [--agency CODE]';

export async function supervisionCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'recount') throw new UsageError(`用法：${USAGE}`);
  const { values, positionals } = flags(rest, {
    year: { type: 'string', multiple: true },
    agency: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}。用法：${USAGE}`);
  const years = (values.year ?? []).map((y) => {
    if (!/^\d{4}$/.test(y) || Number(y) < 2008 || Number(y) > 2100)
      throw new UsageError(`--year 应为2008到2100之间的四位年份，收到“${y}”`);
    return Number(y);
  });
  let agencyIds: number[] | undefined;
  if (values.agency !== undefined) {
    agencyIds = [(await cliAgency(db, values.agency, USAGE)).id];
  }
  const done = await recountKept(cliContext(db, null), {
    years: years.length > 0 ? years : undefined,
    agencyIds,
  });
  io.stdout.write(
    `已重新统计 ${done.agencies} 个机关：工作台 ${done.overviewYears.join('、')} 年，` +
      `统计表 ${done.cellsYears.join('、')} 年，用时 ${(done.ms / 1000).toFixed(1)} 秒\n`,
  );
  return 0;
}
