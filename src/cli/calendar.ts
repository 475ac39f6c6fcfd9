/**
 * `gongkai calendar …`: the installation's working-day calendar in the database (docs/calendar.md).
 * A change recomputes every open case's deadline in the same transaction and prints the counts.
 *
 * The CLI acts as `cli:$USER`, a platform administrator: whoever runs it holds the database URL
 * and could change the tables anyway (interim, like the header of the HTTP API).
 */

import { addCalendarOverride, removeCalendarOverride } from '../commands/calendar/calendar-override.ts';
import { type CalendarYear, readCalendarYear } from '../commands/calendar/calendar-year.ts';
import { importHolidayNotice } from '../commands/calendar/import-holiday-notice.ts';
import type { RecomputeResult } from '../commands/calendar/recompute-open-deadlines.ts';
import { type Actor, systemClock } from '../commands/context.ts';
import type { Db } from '../db/connection.ts';
import { PROVISIONAL_COUNTING } from '../domain/calendar/statutory-holidays.ts';
import { AppError } from '../errors.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, cliUsername, flags, UsageError, writeErr } from './io.ts';
import { readJsonFile } from './workdays.ts';

const USAGE =
  '用法：gongkai calendar show [YEAR] [--json] | import-notice FILE | override DATE holiday|workday --source 文号 | remove-override DATE';
const KIND_NAMES: Record<string, string> = { holiday: '放假', workday: '上班' };

/** The actor of the CLI. */
export function cliActor(io: CliIo): Actor {
  return { username: cliUsername(io), roles: [], platformAdmin: true };
}

/** Years as ranges: 2004–2026、2028. */
export function yearRanges(years: ReadonlyArray<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    parts.push(j > i ? `${years[i]}–${years[j]}` : `${years[i]}`);
    i = j;
  }
  return parts.join('、') || '（无）';
}

function printYear(io: CliIo, view: CalendarYear): void {
  const lines = [
    `${view.year} 年：${view.confirmed ? '已确认' : `尚未确认（日历中没有该年的国务院通知，${PROVISIONAL_COUNTING}，期限为暂定）`}`,
    `已确认的年份：${yearRanges(view.confirmedYears)}`,
    `放假（周一至周五）：${view.holidays.join('、') || '（无）'}`,
    `调休上班（周六、周日）：${view.workdays.join('、') || '（无）'}`,
    `导入的通知：${view.notices.length === 0 ? '（无）' : ''}`,
    ...view.notices.map(
      (n) => `  ${n.year} 年 ${n.documentNumber}（${n.importedAt} 由 ${n.actorName} 导入）`,
    ),
    `日历调整：${view.overrides.length === 0 ? '（无）' : ''}`,
    ...view.overrides.map(
      (o) =>
        `  ${o.date} ${KIND_NAMES[o.kind] ?? o.kind} 依据 ${o.source}（${o.createdAt} 由 ${o.actorName} 录入）`,
    ),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
}

function printRecompute(io: CliIo, result: RecomputeResult): void {
  io.stdout.write(
    `重新计算了 ${result.checked} 件未办结申请的答复期限，其中 ${result.changed} 件有变化（已记入各申请的办理记录）。\n`,
  );
  for (const f of result.failed) writeErr(io, `申请 ${f.requestId} 的期限无法计算，未作更改：${f.message}`);
}

function yearArgument(text: string | undefined): number {
  if (text === undefined) return Number(systemClock.today().slice(0, 4));
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100)
    throw new UsageError(`YEAR 应为 2000–2100 之间的年份，收到：${text}`);
  return year;
}

/** Runs a change; a validation or not-found error is a usage error (exit 2) with each field's problem. */
async function change<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== 'validation' && error.code !== 'not_found'))
      throw error;
    // the message carries the first three problems; list them all when there are more
    const details = error.details && error.details.length > 3 ? error.details : [];
    throw new UsageError([error.message, ...details.map((d) => `  ${d.field}：${d.message}`)].join('\n'));
  }
}

/** `gongkai calendar show|import-notice|override|remove-override …` on the database. */
export async function calendarCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const { values, positionals } = flags(args, { source: { type: 'string' }, json: { type: 'boolean' } });
  const [action, first, second] = positionals;
  const ctx = cliContext(db, cliActor(io));
  switch (action) {
    case 'show': {
      const view = await readCalendarYear(ctx, { year: yearArgument(first) });
      if (values.json) io.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
      else printYear(io, view);
      return 0;
    }
    case 'import-notice': {
      if (!first) throw new UsageError(`缺少通知文件。${USAGE}`);
      const json = await readJsonFile(io, first);
      const result = await change(() => importHolidayNotice(ctx, json));
      const { year, documentNumber, holidays, workdays } = result.notice;
      io.stdout.write(
        `已导入 ${year} 年节假日安排通知（${documentNumber}）：放假 ${holidays} 天，调休上班 ${workdays} 天${result.replaced ? '，替换了此前导入的通知' : ''}。\n`,
      );
      printRecompute(io, result.recompute);
      return 0;
    }
    case 'override': {
      if (!first || (second !== 'holiday' && second !== 'workday') || !values.source)
        throw new UsageError(USAGE);
      const input = { date: first, kind: second, source: values.source } as const;
      const result = await change(() => addCalendarOverride(ctx, input));
      io.stdout.write(`已将 ${first} 调整为${KIND_NAMES[second]}（依据 ${values.source}）。\n`);
      printRecompute(io, result.recompute);
      return 0;
    }
    case 'remove-override': {
      if (!first) throw new UsageError(USAGE);
      const result = await change(() => removeCalendarOverride(ctx, { date: first }));
      io.stdout.write(`已撤销 ${first} 的日历调整（原为${KIND_NAMES[result.removed.kind] ?? ''}）。\n`);
      printRecompute(io, result.recompute);
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}
