/**
 * An installation's own calendar entry (CalendarOverride): a date made a holiday or a working day,
 * with the document it comes from — a local notice, a typhoon day off. Adding, replacing or
 * removing one recomputes every open case's deadline in the same transaction.
 */
import type { CalendarProblem } from '../../domain/calendar/notice.ts';
import { parseCalendarOverrides } from '../../domain/calendar/overrides.ts';
import type { CalendarOverride } from '../../domain/calendar/types.ts';
import { CALENDAR_YEARS } from '../../domain/calendar/work-calendar.ts';
import { AppError } from '../../errors.ts';
import type { Actor, CommandContext } from '../context.ts';
import { type CalendarChangeResult, changeCalendar, invalidInput } from './change-calendar.ts';
import { assertPlatformAdmin } from './platform-admin.ts';

const KIND_NAMES: Record<CalendarOverride['kind'], string> = { holiday: '放假', workday: '上班' };

/** Checks one override (a real date within the calendar's years, a kind, a source). */
export function parseOverride(input: unknown): CalendarOverride {
  const parsed = parseCalendarOverrides([input], '');
  const problems: CalendarProblem[] = parsed.ok
    ? []
    : parsed.problems.map((p) => ({
        field: p.field.replace('[0].', '').replace('[0]', 'override'),
        message: p.message.replaceAll('[0].', ''),
      }));
  const date = parsed.ok ? parsed.value[0].date : '';
  const year = Number(date.slice(0, 4));
  if (parsed.ok && (year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last))
    problems.push({
      field: 'date',
      message: `字段 date 的 ${date} 超出工作日历的范围（${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last} 年）`,
    });
  if (!parsed.ok || problems.length > 0) throw invalidInput('日历调整', problems);
  return parsed.value[0];
}

/** An override as stored, and whether it replaced one of the same date. */
export interface AddedOverride {
  override: CalendarOverride;
  replaced: CalendarOverride | null;
}

/** Marks a date a holiday or a working day (replacing an override of that date, if any). */
export async function addCalendarOverride(
  ctx: CommandContext<Actor>,
  input: CalendarOverride,
): Promise<CalendarChangeResult<AddedOverride>> {
  const { actor } = ctx;
  assertPlatformAdmin(actor);
  const override = parseOverride(input);
  return changeCalendar(ctx, async (trx) => {
    const before = await trx
      .selectFrom('calendar_overrides')
      .select(['date', 'kind', 'source'])
      .where('date', '=', override.date)
      .executeTakeFirst();
    const row = {
      kind: override.kind,
      source: override.source,
      created_at: ctx.clock.now().toISOString(),
      actor: actor.username,
    };
    await trx
      .insertInto('calendar_overrides')
      .values({ date: override.date, ...row })
      .onConflict((oc) => oc.column('date').doUpdateSet(row))
      .execute();
    return {
      value: { override, replaced: before ? (before as CalendarOverride) : null },
      reason: `工作日历调整：${override.date} ${KIND_NAMES[override.kind]}（依据 ${override.source}）`,
      event: {
        name: 'calendar.override_set',
        subject: { type: 'calendar_override', id: override.date },
        data: { before: before ?? null, after: override },
      },
    };
  });
}

/** Removes the override of a date (404 when there is none): the date is as the notices have it again. */
export async function removeCalendarOverride(
  ctx: CommandContext<Actor>,
  input: { date: string },
): Promise<CalendarChangeResult<{ removed: CalendarOverride }>> {
  const { date } = input;
  assertPlatformAdmin(ctx.actor);
  return changeCalendar(ctx, async (trx) => {
    const before = await trx
      .selectFrom('calendar_overrides')
      .select(['date', 'kind', 'source'])
      .where('date', '=', date)
      .executeTakeFirst();
    if (!before) throw new AppError('not_found', `${date} 没有工作日历调整，无需撤销。`);
    await trx.deleteFrom('calendar_overrides').where('date', '=', date).execute();
    const removed = before as CalendarOverride;
    return {
      value: { removed },
      reason: `撤销工作日历调整：${date}（原为${KIND_NAMES[removed.kind] ?? removed.kind}，依据 ${removed.source}）`,
      event: {
        name: 'calendar.override_removed',
        subject: { type: 'calendar_override', id: date },
        data: { before: removed, after: null },
      },
    };
  });
}
