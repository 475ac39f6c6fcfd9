/**
 * Shows an applicant's full ID number to a role that needs it (operator or approver of the
 * agency) and logs the view: a sensitive_views row (who, agency, record, field, IP, when) and an
 * `id_number_viewed` case event, in one transaction. The event does not move the case: it is dated
 * on the case's latest event day (so it never constrains later entries), the real instant is kept.
 */
import { openApplicantId } from '../../crypto/applicant-id.ts';
import { idVaultFor } from '../../crypto/id-vault.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { lastEventDate, noteOnCase } from './case-store.ts';

/** An applicant's ID document type and number (null: none given). */
export interface ApplicantId {
  idType: string | null;
  idNumber: string | null;
}

/** The full ID document of a case's applicant; 403 without the role, 404 when the case is another's. */
export async function viewApplicantId(
  ctx: CommandContext,
  input: { agencyId: number; requestId: number; ip: string },
): Promise<ApplicantId> {
  const refusal = requestRefusal(ctx.actor, 'view_applicant_id');
  if (refusal) throw new AppError('forbidden', refusal);
  return noteOnCase<ApplicantId>(ctx, { ...input, lock: false }, async (trx, row) => {
    const stored = await trx
      .selectFrom('requests')
      .select('applicant')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    const applicant = stored.applicant ? (JSON.parse(stored.applicant) as Record<string, unknown>) : {};
    const idType = typeof applicant.idType === 'string' ? applicant.idType : null;
    const idNumber = openApplicantId(applicant, idVaultFor(ctx.db));
    if (!idNumber) return { result: { idType, idNumber: null } };
    const at = ctx.clock.now().toISOString();
    const ip = input.ip.slice(0, 100);
    const field = 'applicant.idNumber';
    await trx
      .insertInto('sensitive_views')
      .values({
        ...{ agency_id: input.agencyId, actor: ctx.actor.username, subject_type: 'request' },
        ...{ subject_id: row.id, field, ip, at },
      })
      .execute();
    return {
      event: {
        eventType: 'id_number_viewed',
        occurredOn: (await lastEventDate(trx, row.id)) || row.receivedOn,
        data: { field, at, ip },
      },
      result: { idType, idNumber },
    };
  });
}
