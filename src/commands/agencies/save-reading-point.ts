import { type ReadingPoint, readingPointBody } from '../../contract/guide.ts';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { guideRefusal } from '../../domain/guide/policy.ts';
import { readingPointKindLabel } from '../../domain/guide/reading-points.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { parseInput } from './parse-input.ts';

/**
 * Adds a 政府信息查阅场所 (条例 第二十五条第一款：“……在国家档案馆、公共图书馆、政务服务场所设置政府信息查阅场所……”)
 * or changes one (`id`). Only an agency admin; the event `settings.reading_point_added` or
 * `…_changed` (before → after).
 */
export async function saveReadingPoint(
  ctx: CommandContext,
  input: { agencyId: number; id?: number; point: unknown },
): Promise<ReadingPoint> {
  const refusal = guideRefusal(ctx.actor, '设置查阅场所');
  if (refusal) throw new AppError('forbidden', refusal);
  const after = parseInput(readingPointBody, input.point);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    let id = input.id;
    let before: Record<string, unknown> | null = null;
    if (id === undefined) {
      const row = await trx
        .insertInto('reading_points')
        .values({ agency_id: input.agencyId, ...after })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } else {
      const found = await trx
        .selectFrom('reading_points')
        .select(['name', 'kind', 'address', 'hours', 'phone', 'sort'])
        .where('agency_id', '=', input.agencyId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!found) throw new AppError('not_found', `本机关没有编号为 ${id} 的查阅场所，它可能已被删除。`);
      before = found;
      await trx.updateTable('reading_points').set(after).where('id', '=', id).execute();
    }
    await appendEvent(trx, {
      name: before ? 'settings.reading_point_changed' : 'settings.reading_point_added',
      subject: { type: 'reading_point', id: String(id) },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: now,
      data: { before, after },
    });
    return { id, ...after, kindLabel: readingPointKindLabel(after.kind) };
  });
}
