/**
 * The shape of a clock input read from JSON (`gongkai clock FILE`, docs/clock.md): the fields and
 * their types. The rules (dates real, in order, within the statutory windows) are validate.ts's.
 */
import type { ClockEvent } from '../requests/clock-events.ts';
import { CLOCK_EVENT_NAMES, type ClockInput, type ClockProblem } from './problems.ts';

const EXTRA_FIELDS: Record<ClockEvent['type'], ReadonlyArray<string>> = {
  correction_requested: ['until'],
  correction_received: [],
  consultation_sent: ['deliveredOn'],
  consultation_replied: [],
  extended: ['days'],
  fee_notice: ['deliveredOn'],
  fee_paid: [],
  reasons_requested: [],
  later_date_set: ['until'],
  decided: [],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEventType(type: unknown): type is ClockEvent['type'] {
  return typeof type === 'string' && Object.hasOwn(CLOCK_EVENT_NAMES, type);
}

function eventProblems(value: unknown, at: string): ClockProblem[] {
  const problem = (field: string, message: string): ClockProblem => ({
    code: field.endsWith('type') ? 'unknown_event' : 'invalid_input',
    field,
    message,
  });
  if (!isRecord(value)) return [problem(at, `${at} 应为 {"type": …, "on": "YYYY-MM-DD"} 对象`)];
  if (!isEventType(value.type))
    return [
      problem(
        `${at}.type`,
        `字段 ${at}.type 的 ${JSON.stringify(value.type)} 不是已知事件，应为以下之一：${Object.keys(CLOCK_EVENT_NAMES).join('、')}`,
      ),
    ];
  const allowed = ['type', 'on', ...EXTRA_FIELDS[value.type]];
  const problems = Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) =>
      problem(`${at}.${key}`, `${value.type} 事件没有字段 ${at}.${key}（可用字段：${allowed.join('、')}）`),
    );
  if (typeof value.on !== 'string')
    problems.push(problem(`${at}.on`, `字段 ${at}.on 应为日期（YYYY-MM-DD）`));
  const untilRequired = value.type === 'later_date_set';
  if ((untilRequired || value.until !== undefined) && typeof value.until !== 'string')
    problems.push(problem(`${at}.until`, `字段 ${at}.until 应为日期（YYYY-MM-DD）`));
  if (value.deliveredOn !== undefined && typeof value.deliveredOn !== 'string')
    problems.push(problem(`${at}.deliveredOn`, `字段 ${at}.deliveredOn（送达日期）应为日期（YYYY-MM-DD）`));
  if (value.type === 'extended' && typeof value.days !== 'number')
    problems.push(problem(`${at}.days`, `字段 ${at}.days 应为延长的工作日数（1–20）`));
  return problems;
}

/** Checks the JSON shape of a clock input; returns it typed, or every problem with its field. */
export function parseClockInput(
  json: unknown,
): { ok: true; value: ClockInput } | { ok: false; problems: ClockProblem[] } {
  if (!isRecord(json))
    return {
      ok: false,
      problems: [
        {
          code: 'invalid_input',
          field: '',
          message: '应为 {"received": "YYYY-MM-DD", "events": [...]} 对象',
        },
      ],
    };
  const problems: ClockProblem[] = [];
  if (typeof json.received !== 'string')
    problems.push({
      code: 'invalid_input',
      field: 'received',
      message: '字段 received（收到申请日期）应为 YYYY-MM-DD',
    });
  const events = json.events ?? [];
  if (!Array.isArray(events))
    problems.push({
      code: 'invalid_input',
      field: 'events',
      message: '字段 events 应为事件列表（没有事件时写 []）',
    });
  else
    events.forEach((event: unknown, i) => {
      problems.push(...eventProblems(event, `events[${i}]`));
    });
  for (const key of Object.keys(json))
    if (key !== 'received' && key !== 'events')
      problems.push({
        code: 'invalid_input',
        field: key,
        message: `未知字段 ${key}（可用字段：received、events）`,
      });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { received: json.received as string, events: events as ClockEvent[] } };
}
