/**
 * Shows an applicant's full ID number to a role that needs it (operator or approver of the
 * agency) and logs the view: a sensitive_views row (who, agency, record, field, IP, when) and an
 * `id_number_viewed` case event, in one transaction. The event does not move the case: it is dated
 * on the case's latest event day (so it never constrains later entries), the real instant is kept.
 */
import { inTransaction } from '../../db/transaction.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { appendCaseEvent, conflictOr, lastEventDate, loadCase } from './case-store.ts';

/** The full ID document of a case's applicant; 403 without the role, 404 when the case is another's. */
export async function viewApplicantId(
  ctx: CommandContext,
  input: { agencyId: number; requestId: number; ip: string },
): Promise<{ idType: string | null; idNumber: string | null }> {
  const refusal = requestRefusal(ctx.actor, 'view_applicant_id');
  if (refusal) throw new AppError('forbidden', refusal);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const row = await loadCase(trx, input.agencyId, input.requestId);
    const stored = await trx
      .selectFrom('requests')
      .select('applicant')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    const applicant = stored.applicant ? (JSON.parse(stored.applicant) as Record<string, unknown>) : {};
    const idType = typeof applicant.idType === 'string' ? applicant.idType : null;
    const idNumber = typeof applicant.idNumber === 'string' && applicant.idNumber ? applicant.idNumber : null;
    if (!idNumber) return { idType, idNumber: null };
    const at = now.toISOString();
    await trx
      .insertInto('sensitive_views')
      .values({
        ...{ agency_id: input.agencyId, actor: ctx.actor.username, subject_type: 'request' },
        ...{ subject_id: row.id, field: 'applicant.idNumber', ip: input.ip.slice(0, 100), at },
      })
      .execute();
    await appendCaseEvent(trx, {
      ...{
        agencyId: input.agencyId,
        requestId: row.id,
        type: 'id_number_viewed',
        actor: ctx.actor.username,
        at: now,
      },
      ...{ occurredOn: (await lastEventDate(trx, row.id)) || row.receivedOn, stateBefore: row.state },
      ...{ stateAfter: row.state, data: { field: 'applicant.idNumber', at, ip: input.ip.slice(0, 100) } },
    }).catch(conflictOr);
    return { idType, idNumber };
  });
}
