import { findVersion } from '../../db/queries/report-versions.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import type { SectionsInput } from '../../domain/report/edit.ts';
import type { FigureKey } from '../../domain/report/figures.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, inTrx } from '../context.ts';
import { editedNarrative, requireReportInputs } from './edit-draft.ts';
import { figuresOrThrow, writeFigures } from './figures.ts';
import { insertVersion, type PublishedVersion, publicationNote, reportToFreeze } from './publish-report.ts';
import { appendReportEvent, conflictOr, requireReportPublisher, saveNarrativeRow } from './report-store.ts';

/**
 * Publishes a correction of a published report: a new version (2, 3, …) frozen the same way
 * from the records as they are now and the draft text (with `sections`, saved to the draft
 * first), with its reason; the earlier versions stay as they were. The report's publishedOn
 * stays the day version 1 went public; the version's own day is today. Like publishing, refused
 * while the report has an error unless the approver gives a 说明 (`note`).
 */
export async function correctReport(
  ctx: CommandContext,
  input: {
    code: string;
    year: number;
    reason: string;
    sections?: SectionsInput;
    expectedVersion?: number;
    figures?: Partial<Record<FigureKey, unknown>>;
    /** the approver's 说明 to publish the correction over errors (as for publishing) */
    note?: string | null;
  },
): Promise<PublishedVersion> {
  const { db } = ctx;
  const { code, year } = input;
  requireReportPublisher(ctx.actor);
  const reason = input.reason.trim();
  const note = publicationNote(input.note);
  if (!reason)
    throw new AppError('validation', '请填写更正原因 reason：说明更正了什么、为什么更正。', [
      { field: 'reason', message: '请填写更正原因' },
    ]);
  try {
    return await inTransaction(db, async (trx) => {
      const step = inTrx(ctx, trx);
      const tdb = withinTransaction(db, trx);
      let inputs = await requireReportInputs(tdb, code, year);
      if (inputs.publishedVersion === 0)
        throw new AppError('invalid_state', `${year} 年度报告尚未发布，不能更正；请先发布。`);
      if (input.figures) {
        const figures = figuresOrThrow(input.figures, year, { fieldPrefix: 'figures.' });
        const where = { agencyId: inputs.agencyId, year };
        const event = { type: 'report.figures_saved', source: 'correction' };
        await writeFigures(step, { where, before: inputs.facts.current.admin, figures, event });
        inputs = await requireReportInputs(tdb, code, year);
      }
      const first = await findVersion(tdb, inputs.agencyId, year, 1);
      let current = inputs;
      if (input.sections) {
        const narrative = editedNarrative(inputs, input.sections);
        const expected = input.expectedVersion ?? inputs.draftVersion;
        const where = { agencyId: inputs.agencyId, year };
        const version = await saveNarrativeRow(step, { where, narrative, expectedVersion: expected });
        await appendReportEvent(step, {
          ...where,
          type: 'report.draft_saved',
          data: { versionBefore: expected, versionAfter: version, forCorrection: true },
        });
        current = { ...inputs, stored: { ...inputs.stored, narrative }, draftVersion: version };
      }
      const publishedOn = ctx.clock.today();
      const report = reportToFreeze(current, first?.publishedOn ?? publishedOn, note);
      const number = inputs.publishedVersion + 1;
      const version = { year, number, publishedOn, reason, note: report.publicationNote ?? null };
      return insertVersion(step, { inputs: current, version, report });
    });
  } catch (error) {
    return conflictOr(error);
  }
}
