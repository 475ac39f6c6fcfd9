/**
 * An installation's own calendar entries (CalendarOverride) and the calendar settings file that
 * carries them with imported notices: `{"notices": [...], "overrides": [...]}` (docs/calendar.md).
 */
import { dayNumber } from './days.ts';
import {
  type CalendarProblem,
  type HolidayNotice,
  isRecord,
  type ParsedCalendarInput,
  parseHolidayNotice,
} from './notice.ts';
import type { CalendarOverride } from './types.ts';

/** Imported notices and overrides, as the calendar is built from them. */
export interface CalendarSettings {
  notices: HolidayNotice[];
  overrides: CalendarOverride[];
}

function parseOverride(value: unknown, at: string, problems: CalendarProblem[]): CalendarOverride | null {
  if (!isRecord(value)) {
    problems.push({ field: at, message: `${at} 应为 {"date", "kind", "source"} 对象` });
    return null;
  }
  const { date, kind, source } = value;
  const before = problems.length;
  if (typeof date !== 'string' || Number.isNaN(dayNumber(date)))
    problems.push({ field: `${at}.date`, message: `字段 ${at}.date 应为有效日期（YYYY-MM-DD）` });
  if (kind !== 'holiday' && kind !== 'workday')
    problems.push({ field: `${at}.kind`, message: `字段 ${at}.kind 应为 holiday（放假）或 workday（上班）` });
  if (typeof source !== 'string' || source.trim() === '')
    problems.push({ field: `${at}.source`, message: `字段 ${at}.source 应写明依据的通知（文号）` });
  if (problems.length > before) return null;
  return { date: date as string, kind: kind as CalendarOverride['kind'], source: (source as string).trim() };
}

/** Checks a list of overrides: real dates, a kind, a source; one entry per date. */
export function parseCalendarOverrides(
  json: unknown,
  field = 'overrides',
): ParsedCalendarInput<CalendarOverride[]> {
  if (!Array.isArray(json)) return { ok: false, problems: [{ field, message: `字段 ${field} 应为列表` }] };
  const problems: CalendarProblem[] = [];
  const overrides: CalendarOverride[] = [];
  const seen = new Set<string>();
  json.forEach((value: unknown, i) => {
    const at = `${field}[${i}]`;
    const override = parseOverride(value, at, problems);
    if (!override) return;
    if (seen.has(override.date))
      problems.push({ field: `${at}.date`, message: `字段 ${at}.date 的 ${override.date} 重复` });
    seen.add(override.date);
    overrides.push(override);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: overrides };
}

/** Checks a calendar settings file: optional `notices` (each a HolidayNotice) and `overrides`. */
export function parseCalendarSettings(json: unknown): ParsedCalendarInput<CalendarSettings> {
  if (!isRecord(json))
    return {
      ok: false,
      problems: [{ field: '', message: '日历设置应为 {"notices": [...], "overrides": [...]}' }],
    };
  const problems: CalendarProblem[] = [];
  for (const key of Object.keys(json)) {
    if (key !== 'notices' && key !== 'overrides')
      problems.push({ field: key, message: `未知字段 ${key}（可用字段：notices、overrides）` });
  }
  const notices: HolidayNotice[] = [];
  const rawNotices = json.notices ?? [];
  if (!Array.isArray(rawNotices)) problems.push({ field: 'notices', message: '字段 notices 应为通知列表' });
  else
    rawNotices.forEach((raw: unknown, i) => {
      const parsed = parseHolidayNotice(raw);
      if (parsed.ok) notices.push(parsed.value);
      else
        for (const p of parsed.problems)
          problems.push({ field: `notices[${i}].${p.field}`, message: `notices[${i}]：${p.message}` });
    });
  const overrides = parseCalendarOverrides(json.overrides ?? []);
  if (!overrides.ok) problems.push(...overrides.problems);
  if (problems.length > 0 || !overrides.ok) return { ok: false, problems };
  return { ok: true, value: { notices, overrides: overrides.value } };
}
