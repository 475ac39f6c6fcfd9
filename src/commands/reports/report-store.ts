/** What the report commands share: role checks, the event of a change, saving the draft row. */

import { rethrowConflict } from '../../db/conflict.ts';
import { appendEvent } from '../../db/events.ts';
import { roleRefusal, rolesNeeded } from '../../domain/accounts/policy-table.ts';
import { canEditReport, canPublishReport, REPORT_POLICY } from '../../domain/report/policy.ts';
import type { Narrative } from '../../domain/report/types.ts';
import { AppError } from '../../errors.ts';
import type { Actor, TrxContext } from '../context.ts';

/** Operators (and approvers, administrators) edit drafts and figures. */
export function requireReportEditor(actor: Actor): void {
  if (!canEditReport(actor.roles))
    throw new AppError('forbidden', roleRefusal('编辑年度报告', rolesNeeded(REPORT_POLICY, 'edit')));
}

/** Approvers and agency administrators publish and correct. */
export function requireReportPublisher(actor: Actor): void {
  if (!canPublishReport(actor.roles))
    throw new AppError('forbidden', roleRefusal('发布或更正年度报告', rolesNeeded(REPORT_POLICY, 'publish')));
}

export interface ReportEventInput {
  agencyId: number;
  year: number;
  /** report.draft_saved | report.published | report.corrected | report.figures_saved | report.figures_imported */
  type: string;
  /** what changed */
  data: Record<string, unknown>;
}

/** Appends the event of a change to an agency-year's report (the context's actor, now, what) to the event log. */
export async function appendReportEvent(ctx: TrxContext, event: ReportEventInput): Promise<void> {
  await appendEvent(ctx.trx, {
    name: event.type,
    subject: { type: 'annual_report', id: event.year },
    agency: event.agencyId,
    actor: ctx.actor.username,
    at: ctx.clock.now(),
    data: event.data,
  });
}

/**
 * Stores a draft narrative if the draft is still at `expectedVersion` (else 409 conflict): the
 * row is created at version 1 or its version goes up by one. Returns the new version.
 */
export async function saveNarrativeRow(
  ctx: TrxContext,
  input: { where: { agencyId: number; year: number }; narrative: Narrative; expectedVersion: number },
): Promise<number> {
  const { trx } = ctx;
  const { where, narrative, expectedVersion } = input;
  const text = JSON.stringify(narrative);
  const updatedAt = ctx.clock.now().toISOString();
  const row = await trx
    .selectFrom('annual_reports')
    .select('version')
    .where('agency_id', '=', where.agencyId)
    .where('year', '=', where.year)
    .executeTakeFirst();
  const current = row ? Number(row.version) : 0;
  if (current !== expectedVersion) throw staleDraft(expectedVersion, current);
  if (!row) {
    await trx
      .insertInto('annual_reports')
      .values({
        agency_id: where.agencyId,
        year: where.year,
        narrative: text,
        published_on: null,
        updated_at: updatedAt,
        version: 1,
      })
      .execute();
    return 1;
  }
  const result = await trx
    .updateTable('annual_reports')
    .set({ narrative: text, updated_at: updatedAt, version: current + 1 })
    .where('agency_id', '=', where.agencyId)
    .where('year', '=', where.year)
    .where('version', '=', current)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw staleDraft(expectedVersion, current + 1);
  return current + 1;
}

function staleDraft(expected: number, current: number): AppError {
  return new AppError(
    'conflict',
    `草稿已被他人修改（您编辑的是第 ${expected} 版，现为第 ${current} 版），请刷新后在最新版本上重新修改。`,
  );
}

/** Maps a write conflict (unique index, deadlock, serialization failure) to this store’s 409; rethrows anything else. */
export function conflictOr(error: unknown): never {
  return rethrowConflict(error, '该年度报告刚被他人修改或发布，请刷新后重试。');
}
