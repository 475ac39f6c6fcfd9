/**
 * A State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知) as an administrator
 * enters it: importing one confirms its year (docs/calendar.md describes the JSON).
 */
import { dayNumber, weekdayOf } from './days.ts';

/** One year's notice: the days off and the weekend days made working days (调休). */
export interface HolidayNotice {
  year: number;
  /** the notice's 文号, e.g. 国办发明电〔2025〕7号 */
  documentNumber: string;
  title?: string;
  holidays: string[];
  workdays: string[];
}

/** A problem with an entered notice or override: the field it is in and a Chinese sentence. */
export interface CalendarProblem {
  field: string;
  message: string;
}

/** The result of parsing administrator input: the value, or every problem found. */
export type ParsedCalendarInput<T> = { ok: true; value: T } | { ok: false; problems: CalendarProblem[] };

const NOTICE_FIELDS = ['year', 'documentNumber', 'title', 'holidays', 'workdays'];
const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dateList(
  value: unknown,
  field: 'holidays' | 'workdays',
  year: number | null,
  problems: CalendarProblem[],
): string[] {
  if (!Array.isArray(value) || (field === 'holidays' && value.length === 0)) {
    const least = field === 'holidays' ? '，至少一天' : '（没有调休时写 []）';
    problems.push({ field, message: `字段 ${field} 应为日期列表（YYYY-MM-DD）${least}` });
    return [];
  }
  const seen = new Set<string>();
  value.forEach((date: unknown, i) => {
    const at = `${field}[${i}]`;
    if (typeof date !== 'string' || Number.isNaN(dayNumber(date))) {
      problems.push({
        field: at,
        message: `字段 ${at} 的 ${JSON.stringify(date)} 不是有效日期（YYYY-MM-DD）`,
      });
      return;
    }
    if (year !== null && Number(date.slice(0, 4)) !== year) {
      problems.push({ field: at, message: `字段 ${at} 的 ${date} 不在 ${year} 年内` });
    } else if (seen.has(date)) {
      problems.push({ field: at, message: `字段 ${at} 的 ${date} 重复` });
    } else if (field === 'workdays' && weekdayOf(dayNumber(date)) % 6 !== 0) {
      const weekday = WEEKDAY_NAMES[weekdayOf(dayNumber(date))];
      problems.push({
        field: at,
        message: `字段 ${at} 的 ${date} 是${weekday}，本来就是工作日；调休上班日应为周六或周日`,
      });
    }
    seen.add(date);
  });
  return value.filter((date): date is string => typeof date === 'string');
}

/**
 * Checks one year's notice: `year` 2000–2100, a 文号, real dates inside that year, no date both a
 * holiday and a working day, make-up working days on weekends. Unknown fields are refused (typos).
 */
export function parseHolidayNotice(json: unknown): ParsedCalendarInput<HolidayNotice> {
  if (!isRecord(json))
    return { ok: false, problems: [{ field: '', message: '节假日通知应为一个 JSON 对象' }] };
  const problems: CalendarProblem[] = [];
  for (const key of Object.keys(json)) {
    if (!NOTICE_FIELDS.includes(key))
      problems.push({ field: key, message: `未知字段 ${key}（可用字段：${NOTICE_FIELDS.join('、')}）` });
  }
  const { year, documentNumber, title } = json;
  const validYear = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100;
  if (!validYear) problems.push({ field: 'year', message: '字段 year 应为 2000–2100 之间的整数年份' });
  if (typeof documentNumber !== 'string' || documentNumber.trim() === '')
    problems.push({
      field: 'documentNumber',
      message: '字段 documentNumber（通知文号）不能为空，如“国办发明电〔2025〕7号”',
    });
  if (title !== undefined && typeof title !== 'string')
    problems.push({ field: 'title', message: '字段 title（通知标题）应为文字' });
  const inYear = validYear ? (year as number) : null;
  const holidays = dateList(json.holidays, 'holidays', inYear, problems);
  const workdays = dateList(json.workdays, 'workdays', inYear, problems);
  const off = new Set(holidays);
  workdays.forEach((date, i) => {
    if (off.has(date))
      problems.push({
        field: `workdays[${i}]`,
        message: `字段 workdays[${i}] 的 ${date} 同时出现在 holidays 中，一天不能既放假又上班`,
      });
  });
  if (problems.length > 0) return { ok: false, problems };
  const notice: HolidayNotice = {
    year: year as number,
    documentNumber: (documentNumber as string).trim(),
    holidays: [...holidays].sort(),
    workdays: [...workdays].sort(),
  };
  if (typeof title === 'string') notice.title = title;
  return { ok: true, value: notice };
}
