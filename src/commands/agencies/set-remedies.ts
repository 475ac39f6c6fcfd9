import { type AgencyRemedies, agencyRemediesBody } from '../../contract/agency-remedies.ts';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { letterRefusal } from '../../domain/letters/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext, Reader } from '../context.ts';

/** An agency's remedies settings (migration 0014): '' where not set. */
export async function agencyRemedies(db: Reader, agencyId: number): Promise<AgencyRemedies> {
  const row = await db
    .selectFrom('agencies')
    .select(['review_body', 'court', 'complaint_channel'])
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return { reviewBody: row.review_body, court: row.court, complaintChannel: row.complaint_channel };
}

/**
 * Sets where the agency's answers send the applicant: the 行政复议机关 every 答复书 names (复议法
 * 第二十三条第二款, 第二十条第三款), the court (诉讼法 第四十六条) and the complaint channel (条例
 * 第四十七条第二款). Only an agency admin; the change is an event `settings.remedies_set` (before → after).
 */
export async function setAgencyRemedies(
  ctx: CommandContext,
  input: { agencyId: number; remedies: unknown },
): Promise<AgencyRemedies> {
  const refusal = letterRefusal(ctx.actor, 'edit_remedies');
  if (refusal) throw new AppError('forbidden', refusal);
  const parsed = agencyRemediesBody.safeParse(input.remedies ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || 'body',
      message: i.message,
    }));
    throw new AppError('validation', `输入有误：${details.map((d) => d.message).join('；')}`, details);
  }
  const after = parsed.data;
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const before = await agencyRemedies(trx, input.agencyId);
    await trx
      .updateTable('agencies')
      .set({ review_body: after.reviewBody, court: after.court, complaint_channel: after.complaintChannel })
      .where('id', '=', input.agencyId)
      .execute();
    await appendEvent(trx, {
      name: 'settings.remedies_set',
      subject: { type: 'agency_remedies', id: String(input.agencyId) },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: now,
      data: { before, after },
    });
    return after;
  });
}
