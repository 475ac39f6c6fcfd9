import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { guideRefusal } from '../../domain/guide/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

/** Removes a 查阅场所 from the guide (an agency admin); the event keeps what it was. */
export async function removeReadingPoint(
  ctx: CommandContext,
  input: { agencyId: number; id: number },
): Promise<void> {
  const refusal = guideRefusal(ctx.actor, '删除查阅场所');
  if (refusal) throw new AppError('forbidden', refusal);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const before = await trx
      .selectFrom('reading_points')
      .select(['name', 'kind', 'address', 'hours', 'phone', 'sort'])
      .where('agency_id', '=', input.agencyId)
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!before) throw new AppError('not_found', `本机关没有编号为 ${input.id} 的查阅场所，它可能已被删除。`);
    await trx.deleteFrom('reading_points').where('id', '=', input.id).execute();
    await appendEvent(trx, {
      name: 'settings.reading_point_removed',
      subject: { type: 'reading_point', id: String(input.id) },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: now,
      data: { before },
    });
  });
}
