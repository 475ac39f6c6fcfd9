import { systemClock } from '../commands/context.ts';
import { computeClock } from '../domain/clock/compute-clock.ts';
import { parseClockInput } from '../domain/clock/parse-input.ts';
import { ClockError } from '../domain/clock/problems.ts';
import type { ClockReading } from '../domain/requests/clock-events.ts';
import { type CliIo, flags, UsageError } from './io.ts';
import { dateArgument, loadCalendar, readJsonFile, warnProvisional } from './workdays.ts';

/**
 * `gongkai clock FILE [--today YYYY-MM-DD] [--calendar FILE]`: reads a request's received date and
 * events (docs/clock.md; FILE `-` is standard input) and prints its clock reading as JSON.
 */
export async function clockCommand(io: CliIo, args: string[]): Promise<number> {
  const { values, positionals } = flags(args, { today: { type: 'string' }, calendar: { type: 'string' } });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new UsageError('用法：gongkai clock 文件.json [--today YYYY-MM-DD]');
  const today = values.today === undefined ? systemClock.today() : dateArgument(values.today, '--today');
  const parsed = parseClockInput(await readJsonFile(io, file));
  if (!parsed.ok)
    throw new UsageError(`${file} 格式有误：${parsed.problems.map((p) => p.message).join('；')}`);
  const calendar = await loadCalendar(io, values.calendar);
  let reading: ClockReading;
  try {
    reading = computeClock(parsed.value, calendar, today);
  } catch (error) {
    if (error instanceof ClockError || error instanceof RangeError)
      throw new UsageError(`${file}：${error.message}`);
    throw error;
  }
  warnProvisional(io, reading.provisionalYears);
  io.stdout.write(`${JSON.stringify(reading, null, 2)}\n`);
  return 0;
}
