import { parseHolidayNotice } from '../../domain/calendar/notice.ts';
import type { Actor, CommandContext } from '../context.ts';
import { type CalendarChangeResult, changeCalendar, invalidInput } from './change-calendar.ts';
import { assertPlatformAdmin } from './platform-admin.ts';

/** The imported notice, as stored. */
export interface ImportedNotice {
  notice: { year: number; documentNumber: string; holidays: number; workdays: number };
  /** true when a notice of that year had been imported before (it is replaced) */
  replaced: boolean;
}

/**
 * Imports one year's State Council holiday notice (JSON, docs/calendar.md), checked with
 * parseHolidayNotice: it replaces any notice imported for that year and the shipped data of that
 * year, and confirms the year. Every open case's deadline is recomputed in the same transaction.
 * Bad JSON: a validation error listing each field's problem, nothing written.
 */
export async function importHolidayNotice(
  ctx: CommandContext<Actor>,
  json: unknown,
): Promise<CalendarChangeResult<ImportedNotice>> {
  const { actor } = ctx;
  assertPlatformAdmin(actor);
  const parsed = parseHolidayNotice(json);
  if (!parsed.ok) throw invalidInput('节假日通知', parsed.problems);
  const notice = parsed.value;
  return changeCalendar(ctx, async (trx) => {
    const before = await trx
      .selectFrom('calendar_notices')
      .select('source')
      .where('year', '=', notice.year)
      .executeTakeFirst();
    const row = {
      source: notice.documentNumber,
      holidays: JSON.stringify(notice.holidays),
      workdays: JSON.stringify(notice.workdays),
      imported_at: ctx.clock.now().toISOString(),
      actor: actor.username,
    };
    await trx
      .insertInto('calendar_notices')
      .values({ year: notice.year, ...row })
      .onConflict((oc) => oc.column('year').doUpdateSet(row))
      .execute();
    const replaced = before ? `，替换此前导入的 ${before.source}` : '';
    return {
      value: {
        notice: {
          year: notice.year,
          documentNumber: notice.documentNumber,
          holidays: notice.holidays.length,
          workdays: notice.workdays.length,
        },
        replaced: before !== undefined,
      },
      reason: `导入 ${notice.year} 年节假日安排通知（${notice.documentNumber}）${replaced}`,
      event: {
        name: 'calendar.notice_imported',
        subject: { type: 'calendar_notice', id: notice.year },
        data: {
          before: before ? { documentNumber: before.source } : null,
          after: {
            documentNumber: notice.documentNumber,
            holidays: notice.holidays,
            workdays: notice.workdays,
          },
        },
      },
    };
  });
}
