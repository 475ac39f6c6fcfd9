import type { Db } from '../../db/connection.ts';
import { findVersion } from '../../db/queries/report-versions.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { todayInChina } from '../../domain/dates.ts';
import type { SectionsInput } from '../../domain/report/edit.ts';
import type { FigureKey } from '../../domain/report/figures.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../context.ts';
import { editedNarrative, requireReportInputs } from './edit-draft.ts';
import { figuresOrThrow, writeFigures } from './figures.ts';
import { insertVersion, type PublishedVersion, reportToFreeze } from './publish-report.ts';
import { appendReportEvent, conflictOr, requireReportPublisher, saveNarrativeRow } from './report-store.ts';

/**
 * Publishes a correction of a published report: a new version (2, 3, …) frozen the same way
 * from the records as they are now and the draft text (with `sections`, saved to the draft
 * first), with its reason; the earlier versions stay as they were. The report's publishedOn
 * stays the day version 1 went public; the version's own day is today.
 */
export async function correctReport(
  db: Db,
  code: string,
  year: number,
  input: {
    reason: string;
    sections?: SectionsInput;
    expectedVersion?: number;
    figures?: Partial<Record<FigureKey, unknown>>;
  },
  actor: Actor,
  now: Date,
): Promise<PublishedVersion> {
  requireReportPublisher(actor);
  const reason = input.reason.trim();
  if (!reason)
    throw new AppError('validation', '请填写更正原因 reason：说明更正了什么、为什么更正。', [
      { field: 'reason', message: '请填写更正原因' },
    ]);
  try {
    return await inTransaction(db, async (trx) => {
      const tdb = withinTransaction(db, trx);
      let inputs = await requireReportInputs(tdb, code, year);
      if (inputs.publishedVersion === 0)
        throw new AppError('invalid_state', `${year} 年度报告尚未发布，不能更正；请先发布。`);
      if (input.figures) {
        const figures = figuresOrThrow(input.figures, year, { fieldPrefix: 'figures.' });
        const where = { agencyId: inputs.agencyId, year };
        const event = { type: 'report.figures_saved', actor, at: now, source: 'correction' };
        await writeFigures(trx, where, inputs.facts.current.admin, figures, event);
        inputs = await requireReportInputs(tdb, code, year);
      }
      const first = await findVersion(tdb, inputs.agencyId, year, 1);
      let current = inputs;
      if (input.sections) {
        const narrative = editedNarrative(inputs, input.sections);
        const expected = input.expectedVersion ?? inputs.draftVersion;
        const version = await saveNarrativeRow(
          trx,
          { agencyId: inputs.agencyId, year },
          narrative,
          expected,
          now,
        );
        await appendReportEvent(trx, {
          agencyId: inputs.agencyId,
          year,
          type: 'report.draft_saved',
          actor,
          at: now,
          data: { versionBefore: expected, versionAfter: version, forCorrection: true },
        });
        current = { ...inputs, stored: { ...inputs.stored, narrative }, draftVersion: version };
      }
      const report = reportToFreeze(current, first?.publishedOn ?? todayInChina(now));
      const number = inputs.publishedVersion + 1;
      const publishedOn = todayInChina(now);
      return insertVersion(trx, current, { year, number, publishedOn, reason }, report, actor, now);
    });
  } catch (error) {
    return conflictOr(error);
  }
}
