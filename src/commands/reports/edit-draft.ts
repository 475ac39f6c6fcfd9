import type { Db } from '../../db/connection.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { buildReport, generatedDraft } from '../../domain/report/build.ts';
import { changedSections, editNarrative, type SectionsInput } from '../../domain/report/edit.ts';
import { mergeNarrative } from '../../domain/report/merge.ts';
import { sectionTexts } from '../../domain/report/sections.ts';
import type { Narrative, Violation } from '../../domain/report/types.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, inTrx } from '../context.ts';
import { type DraftView, draftView } from './draft-view.ts';
import { loadReportInputs, type ReportInputs } from './report-inputs.ts';
import { appendReportEvent, conflictOr, requireReportEditor, saveNarrativeRow } from './report-store.ts';

/** The inputs of an agency-year's report, or not_found. */
export async function requireReportInputs(db: Db, code: string, year: number): Promise<ReportInputs> {
  const inputs = await loadReportInputs(db, code, year);
  if (!inputs) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关`);
  return inputs;
}

/** The narrative after an edit, or a validation error naming each bad segment. */
export function editedNarrative(inputs: ReportInputs, sections: SectionsInput): Narrative {
  const draft = generatedDraft(inputs.facts, inputs.stored);
  const { narrative, issues } = editNarrative(inputs.stored.narrative, draft, sections);
  if (issues.length > 0)
    throw new AppError(
      'validation',
      `正文有误（${issues[0].field}：${issues[0].message}），请修改后重试。`,
      issues,
    );
  return narrative;
}

/**
 * The violations of the report as it would be with the given text, nothing saved: one round of
 * the SQL aggregates, then the pure build (for the editor's live panel).
 */
export async function validateDraft(
  ctx: CommandContext<unknown>,
  input: { code: string; year: number; sections: SectionsInput },
): Promise<{ violations: Violation[]; printed: Record<string, string[]> }> {
  const inputs = await requireReportInputs(ctx.db, input.code, input.year);
  const narrative = editedNarrative(inputs, input.sections);
  const today = ctx.clock.today();
  const report = buildReport(inputs.facts, { ...inputs.stored, narrative }, { today });
  return {
    violations: report.violations,
    printed: {
      overview: sectionTexts(report.narrative.overview),
      problems: sectionTexts(report.narrative.problems),
      other: sectionTexts(report.narrative.other),
    },
  };
}

/**
 * Saves the draft narrative (sections left out keep their text) if the draft is still at
 * `expectedVersion` (else 409 conflict), with an event naming the sections that changed.
 */
export async function saveDraft(
  ctx: CommandContext,
  input: { code: string; year: number; expectedVersion: number; sections: SectionsInput },
): Promise<DraftView> {
  const { db } = ctx;
  const { code, year } = input;
  requireReportEditor(ctx.actor);
  return inTransaction(db, async (trx) => {
    const step = inTrx(ctx, trx);
    const tdb = withinTransaction(db, trx);
    const inputs = await requireReportInputs(tdb, code, year);
    const narrative = editedNarrative(inputs, input.sections);
    const before = mergeNarrative(inputs.stored.narrative, generatedDraft(inputs.facts, inputs.stored));
    const changed = changedSections(before, narrative);
    const where = { agencyId: inputs.agencyId, year };
    const version = await saveNarrativeRow(step, {
      where,
      narrative,
      expectedVersion: input.expectedVersion,
    });
    await appendReportEvent(step, {
      ...where,
      type: 'report.draft_saved',
      data: {
        versionBefore: input.expectedVersion,
        versionAfter: version,
        changed,
        printed: Object.fromEntries(changed.map((key) => [key, sectionTexts(narrative[key])])),
      },
    });
    const saved = { ...inputs, stored: { ...inputs.stored, narrative }, draftVersion: version };
    return draftView(saved, ctx.clock.today());
  }).catch(conflictOr);
}
