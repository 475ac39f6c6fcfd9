import { readFileSync } from 'node:fs';
import { chineseDaysData } from '../domain/calendar/chinese-days-data.ts';
import { addDays } from '../domain/calendar/days.ts';
import { parseCalendarSettings } from '../domain/calendar/overrides.ts';
import { PROVISIONAL_COUNTING } from '../domain/calendar/statutory-holidays.ts';
import type { WorkCalendar } from '../domain/calendar/types.ts';
import { CALENDAR_YEARS, createWorkCalendar, unconfirmedYears } from '../domain/calendar/work-calendar.ts';
import { isIsoDate } from '../domain/dates.ts';
import { type CliIo, flags, readStdin, UsageError, writeErr } from './io.ts';

/** Reads and parses a JSON file (`-`: standard input); an unreadable or invalid file is a UsageError naming it. */
export async function readJsonFile(io: CliIo, file: string): Promise<unknown> {
  try {
    return JSON.parse(file === '-' ? await readStdin(io) : readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`无法读取 ${file}：${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The calendar of the commands that need no database: the `chinese-days` notices, plus the notices
 * and overrides of a `--calendar FILE` (docs/calendar.md) when given.
 */
export async function loadCalendar(io: CliIo, file: string | undefined): Promise<WorkCalendar> {
  if (!file) return createWorkCalendar({ base: chineseDaysData });
  const parsed = parseCalendarSettings(await readJsonFile(io, file));
  if (!parsed.ok)
    throw new UsageError(`${file} 格式有误：${parsed.problems.map((p) => p.message).join('；')}`);
  return createWorkCalendar({ base: chineseDaysData, ...parsed.value });
}

/** Warns on stderr when a result was counted on years the calendar does not confirm. */
export function warnProvisional(io: CliIo, years: ReadonlyArray<number>): void {
  if (years.length === 0) return;
  writeErr(
    io,
    `注意：${years.join('、')} 年的节假日安排尚未确认（日历中没有该年的国务院通知），${PROVISIONAL_COUNTING}，结果为暂定。`,
  );
}

/** A date argument: real, YYYY-MM-DD, inside the calendar's years. */
export function dateArgument(text: string | undefined, name: string): string {
  const year = Number(text?.slice(0, 4));
  if (!text || !isIsoDate(text) || year < CALENDAR_YEARS.first || year >= CALENDAR_YEARS.last)
    throw new UsageError(
      `${name} 应为 ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last - 1} 年的有效日期（YYYY-MM-DD），收到：${text ?? '（缺少）'}`,
    );
  return text;
}

function count(text: string | undefined): number {
  if (!text || !/^\d{1,4}$/.test(text))
    throw new UsageError(`N 应为 0–9999 的整数工作日数，收到：${text ?? '（缺少）'}`);
  return Number(text);
}

/**
 * `gongkai workdays add DATE N`: the N-th working day after DATE (DATE not counted).
 * `gongkai workdays between A B`: the working days after A up to and including B.
 * Prints only the value; a warning on stderr when an unconfirmed year is involved.
 */
export async function workdaysCommand(io: CliIo, args: string[]): Promise<number> {
  const { values, positionals } = flags(args, { calendar: { type: 'string' } });
  const [action, first, second] = positionals;
  if (action !== 'add' && action !== 'between')
    throw new UsageError(
      '用法：gongkai workdays add DATE N | gongkai workdays between A B [--calendar FILE]',
    );
  if (positionals.length !== 3) throw new UsageError(`workdays ${action} 需要两个参数`);
  const calendar = await loadCalendar(io, values.calendar);
  if (action === 'add') {
    const date = dateArgument(first, 'DATE');
    const n = count(second);
    let result: string;
    try {
      result = calendar.addWorkingDays(date, n);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    if (n > 0) warnProvisional(io, unconfirmedYears(calendar, addDays(date, 1), result));
    io.stdout.write(`${result}\n`);
    return 0;
  }
  const a = dateArgument(first, 'A');
  const b = dateArgument(second, 'B');
  if (b > a) warnProvisional(io, unconfirmedYears(calendar, addDays(a, 1), b));
  io.stdout.write(`${calendar.workingDaysBetween(a, b)}\n`);
  return 0;
}
