import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { buildReport } from '../../domain/report/build.ts';
import { freezeReport } from '../../domain/report/snapshot.ts';
import type { AnnualReport } from '../../domain/report/types.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, inTrx, type TrxContext } from '../context.ts';
import { requireReportInputs } from './edit-draft.ts';
import type { ReportInputs } from './report-inputs.ts';
import { appendReportEvent, conflictOr, requireReportPublisher } from './report-store.ts';

/** A frozen version as the commands answer it. */
export interface PublishedVersion {
  year: number;
  version: number;
  publishedOn: string;
  reason: string | null;
  /** the approver's 说明 when published over errors */
  note: string | null;
  report: AnnualReport;
}

/** The longest 说明 an approver may give for publishing over errors. */
export const PUBLICATION_NOTE_MAX = 500;

/**
 * The approver's 说明 for publishing over error-severity violations: trimmed, at most
 * PUBLICATION_NOTE_MAX characters; null when none was written.
 */
export function publicationNote(raw: string | null | undefined): string | null {
  const note = (raw ?? '').trim();
  if (!note) return null;
  if (note.length > PUBLICATION_NOTE_MAX)
    throw new AppError(
      'validation',
      `说明超过 ${PUBLICATION_NOTE_MAX} 个字（现为 ${note.length} 个字），请精简。`,
      [{ field: 'note', message: `说明不能超过 ${PUBLICATION_NOTE_MAX} 个字` }],
    );
  return note;
}

/**
 * The report to freeze. Refused (409, each violation in the details, the rules named in the
 * message) while it breaks a rule of severity error, unless the approver gives a 说明 (`note`):
 * then it is frozen with the 说明, which the published report prints in place of the violations
 * (条例 第五十条 says what a report contains; a report known to be wrong goes out only with the
 * agency's own account of why). Lateness alone (R10 against the deadline) does not block:
 * publishing is the only cure.
 */
export function reportToFreeze(inputs: ReportInputs, publishedOn: string, note: string | null): AnnualReport {
  const unpublished = buildReport(inputs.facts, { ...inputs.stored, publishedOn: null });
  const errors = unpublished.violations.filter((v) => v.severity === 'error');
  const report = buildReport(inputs.facts, { ...inputs.stored, publishedOn });
  if (errors.length === 0) return report;
  if (!note) {
    const rules = [...new Map(errors.map((v) => [v.code, `${v.code}（${v.rule}）`])).values()];
    throw new AppError(
      'invalid_state',
      `报告有 ${errors.length} 处错误，不能发布：违反${rules.join('、')}。${errors[0].message}请先更正数据或正文；审批负责人如确需带错发布，须填写说明（与报告一同公布）。`,
      errors.map((v) => ({
        field: v.cells.length > 0 ? v.cells.join('、') : v.code,
        message: `${v.code}：${v.message}`,
      })),
    );
  }
  return { ...report, publicationNote: note };
}

/** Freezes a version of the report (its snapshot row and its event), inside the caller's transaction. */
export async function insertVersion(
  ctx: TrxContext,
  input: {
    inputs: ReportInputs;
    version: {
      year: number;
      number: number;
      publishedOn: string;
      reason: string | null;
      /** the 说明 of a publication over errors */
      note: string | null;
    };
    report: AnnualReport;
  },
): Promise<PublishedVersion> {
  const { trx, actor } = ctx;
  const { inputs, version, report } = input;
  await trx
    .insertInto('annual_report_versions')
    .values({
      agency_id: inputs.agencyId,
      year: version.year,
      version: version.number,
      published_on: version.publishedOn,
      reason: version.reason,
      note: version.note,
      actor: actor.username,
      recorded_at: ctx.clock.now().toISOString(),
      snapshot: freezeReport(report, inputs.facts.current),
    })
    .execute();
  await appendReportEvent(ctx, {
    agencyId: inputs.agencyId,
    year: version.year,
    type: version.number === 1 ? 'report.published' : 'report.corrected',
    data: {
      version: version.number,
      publishedOn: version.publishedOn,
      reason: version.reason,
      note: version.note,
      warnings: report.violations.map((v) => v.code),
    },
  });
  return {
    year: version.year,
    version: version.number,
    publishedOn: version.publishedOn,
    reason: version.reason,
    note: version.note,
    report,
  };
}

/** The day of a publication: a date after the report's year, not after today. */
function publicationDay(year: number, given: string | undefined, today: string): string {
  const day = given ?? today;
  if (!isIsoDate(day))
    throw new AppError('validation', `发布日期 publishedOn（${day}）应为 YYYY-MM-DD 格式的日期。`);
  if (day <= `${year}-12-31`)
    throw new AppError(
      'validation',
      `发布日期 publishedOn（${day}）应在 ${year} 年结束之后：年度报告统计全年数据。`,
    );
  if (day > today)
    throw new AppError('validation', `发布日期 publishedOn（${day}）不能晚于今天（${today}）。`);
  return day;
}

/**
 * Publishes an agency-year's report as version 1 (approver or agency administrator) on
 * `publishedOn` (default: the publication day already on record for the year, e.g. imported,
 * else today in China): the report as it stands is frozen (cells, sections, charts, violations
 * and the year's facts) and no longer changes when records change. A published year is
 * corrected, not published again. Refused while the report has an error, unless `note` (the
 * approver's 说明, stored with the version and printed on the published report) is given.
 */
export async function publishReport(
  ctx: CommandContext,
  input: { code: string; year: number; publishedOn?: string; note?: string | null },
): Promise<PublishedVersion> {
  const { db } = ctx;
  const { code, year } = input;
  requireReportPublisher(ctx.actor);
  const note = publicationNote(input.note);
  try {
    return await inTransaction(db, async (trx) => {
      const step = inTrx(ctx, trx);
      const inputs = await requireReportInputs(withinTransaction(db, trx), code, year);
      if (inputs.publishedVersion > 0)
        throw new AppError(
          'invalid_state',
          `${year} 年度报告已发布（第 ${inputs.publishedVersion} 版），如需修改请发布更正。`,
        );
      const publishedOn = publicationDay(
        year,
        input.publishedOn ?? inputs.stored.publishedOn ?? undefined,
        ctx.clock.today(),
      );
      const report = reportToFreeze(inputs, publishedOn, note);
      await upsertPublishedOn(step, { agencyId: inputs.agencyId, year, day: publishedOn });
      const version = { year, number: 1, publishedOn, reason: null, note: report.publicationNote ?? null };
      return insertVersion(step, { inputs, version, report });
    });
  } catch (error) {
    return conflictOr(error);
  }
}

/** Keeps `annual_reports.published_on` (the day version 1 went public) in step. */
async function upsertPublishedOn(
  ctx: TrxContext,
  input: { agencyId: number; year: number; day: string },
): Promise<void> {
  const { trx } = ctx;
  const { agencyId, year, day } = input;
  const updated = await trx
    .updateTable('annual_reports')
    .set({ published_on: day })
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await trx
    .insertInto('annual_reports')
    .values({
      agency_id: agencyId,
      year,
      narrative: null,
      published_on: day,
      updated_at: ctx.clock.now().toISOString(),
      version: 0,
    })
    .execute();
}
