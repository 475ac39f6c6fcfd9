/**
 * The yearly figures of table 二 (五)(六)(八) (docs/reports.md): read, save (JSON) and import (XLSX),
 * each change an event; refused once the year's report is published (a correction carries them).
 */
import type { Db } from '../../db/connection.ts';
import { figuresRow } from '../../db/queries/admin-figures.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { type FigureIssue, type FigureKey, parseFigures } from '../../domain/report/figures.ts';
import { formatForYear } from '../../domain/report/formats/registry.ts';
import type { AdminFigures } from '../../domain/report/types.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, inTrx, type TrxContext } from '../context.ts';
import { requireReportInputs } from './edit-draft.ts';
import { appendReportEvent, conflictOr, requireReportEditor } from './report-store.ts';

/** An agency-year's figures as the API answers them. */
export interface FiguresView {
  year: number;
  /** null: never entered (the report shows zeros) */
  figures: AdminFigures | null;
  /** the latest published version; figures of a published year change only through a correction */
  publishedVersion: number;
}

/** The figures of an agency-year. */
export async function readFigures(db: Db, code: string, year: number): Promise<FiguresView> {
  const inputs = await requireReportInputs(db, code, year);
  const admin = inputs.facts.current.admin;
  return { year, figures: admin, publishedVersion: inputs.publishedVersion };
}

/**
 * The figures of a year from raw values, or a validation error naming every bad field or cell:
 * the figures its format takes (formatForYear), the others refused. `place`: where the values
 * were read from (the template's cells, or a prefix of the request's field names).
 */
export function figuresOrThrow(
  values: Partial<Record<FigureKey, unknown>>,
  year: number,
  place: { cellOf?: (key: FigureKey) => string; fieldPrefix?: string } = {},
): AdminFigures {
  const parsed = parseFigures(values, { year, format: formatForYear(year).id, ...place });
  if (parsed.figures) return parsed.figures;
  throw figuresError(parsed.issues);
}

/** A validation error listing figure problems (field or cell, and what to do). */
export function figuresError(issues: FigureIssue[]): AppError {
  return new AppError(
    'validation',
    `年度数据有误：${issues[0].message}${issues.length > 1 ? `（共 ${issues.length} 处）` : ''}`,
    issues,
  );
}

/** Writes an agency-year's figures (insert or replace) with the event; inside the caller's transaction. */
export async function writeFigures(
  ctx: TrxContext,
  input: {
    where: { agencyId: number; year: number };
    before: AdminFigures | null;
    figures: AdminFigures;
    event: { type: string; source?: string };
  },
): Promise<void> {
  const { trx } = ctx;
  const { where, before, figures, event } = input;
  const row = figuresRow(figures);
  if (before) {
    await trx
      .updateTable('admin_figures')
      .set(row)
      .where('agency_id', '=', where.agencyId)
      .where('year', '=', where.year)
      .execute();
  } else {
    await trx
      .insertInto('admin_figures')
      .values({ agency_id: where.agencyId, year: where.year, ...row })
      .execute();
  }
  await appendReportEvent(ctx, {
    ...where,
    type: event.type,
    data: { before, after: figures, ...(event.source ? { source: event.source } : {}) },
  });
}

/**
 * Saves an agency-year's figures (an operator; not once the report is published). The four of
 * every year are required: counts are whole numbers ≥ 0, fees 万元 with at most six decimals (kept
 * exactly, as 分 and as entered). A 2019-format year also takes its own figures, each optional (blank: not stated);
 * another year refuses them. `where`: the spreadsheet cell of each value, for an import.
 */
export async function saveFigures(
  ctx: CommandContext,
  input: {
    code: string;
    year: number;
    values: Partial<Record<FigureKey, unknown>>;
    /** the event's name (default report.figures_saved) and where the values came from */
    type?: string;
    source?: string;
    /** how a problem names a figure's field or cell */
    where?: (key: FigureKey) => string;
  },
): Promise<FiguresView> {
  const { db } = ctx;
  const { code, year } = input;
  requireReportEditor(ctx.actor);
  const figures = figuresOrThrow(input.values, year, { cellOf: input.where });
  try {
    return await inTransaction(db, async (trx) => {
      const inputs = await requireReportInputs(withinTransaction(db, trx), code, year);
      if (inputs.publishedVersion > 0)
        throw new AppError(
          'invalid_state',
          `${year} 年度报告已发布（第 ${inputs.publishedVersion} 版），年度数据不能再直接修改；请在发布更正时一并提交。`,
        );
      const before = inputs.facts.current.admin;
      const type = input.type ?? 'report.figures_saved';
      await writeFigures(inTrx(ctx, trx), {
        where: { agencyId: inputs.agencyId, year },
        before,
        figures,
        event: { type, source: input.source },
      });
      return { year, figures, publishedVersion: 0 };
    });
  } catch (error) {
    return conflictOr(error);
  }
}
