import { type AgencyGuide, agencyGuideBody } from '../../contract/guide.ts';
import { appendEvent } from '../../db/events.ts';
import { agencyGuide } from '../../db/queries/guide.ts';
import { inTransaction } from '../../db/transaction.ts';
import { guideRefusal } from '../../domain/guide/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { parseInput } from './parse-input.ts';

/**
 * Sets the particulars the agency's 政府信息公开指南 gives (条例 第十二条第二款：“……政府信息公开工作机构的名称、
 * 办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容”) and whether it takes applications by 传真
 * or 电子邮件. Only an agency admin; nothing is written unless every field is right; the change is
 * the event `settings.guide_set` (before → after).
 */
export async function setAgencyGuide(
  ctx: CommandContext,
  input: { agencyId: number; guide: unknown },
): Promise<AgencyGuide> {
  const refusal = guideRefusal(ctx.actor, '修改公开指南');
  if (refusal) throw new AppError('forbidden', refusal);
  const after = parseInput(agencyGuideBody, input.guide);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const before = await agencyGuide(trx, input.agencyId);
    await trx
      .updateTable('agencies')
      .set({
        office: after.office,
        address: after.address,
        postcode: after.postcode,
        office_hours: after.officeHours,
        phone: after.phone,
        fax: after.fax,
        email: after.email,
        accepts_fax: after.acceptsFax ? 1 : 0,
        accepts_email: after.acceptsEmail ? 1 : 0,
      })
      .where('id', '=', input.agencyId)
      .execute();
    await appendEvent(trx, {
      name: 'settings.guide_set',
      subject: { type: 'agency_guide', id: String(input.agencyId) },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: now,
      data: { before, after },
    });
    return after;
  });
}
