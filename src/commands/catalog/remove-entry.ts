import { findCatalogEntry } from '../../db/queries/catalog.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, inTrx } from '../context.ts';
import { appendCatalogEvent, requireManager } from './catalog-store.ts';

/** 删除事项 (at the version the editor saw, when given): the event keeps the whole entry. */
export async function removeCatalogEntry(
  ctx: CommandContext,
  input: { agencyId: number; id: number; expectedVersion?: number },
): Promise<void> {
  requireManager(ctx.actor);
  const { agencyId, id } = input;
  await inTransaction(ctx.db, async (trx) => {
    const stored = await findCatalogEntry(trx, agencyId, id);
    if (!stored) throw new AppError('not_found', `未找到编号为 ${id} 的标准目录事项。`);
    if (input.expectedVersion !== undefined && stored.version !== input.expectedVersion)
      throw new AppError('conflict', '该事项刚被其他人修改，请刷新后重试。');
    await trx.deleteFrom('catalog_entries').where('id', '=', id).where('agency_id', '=', agencyId).execute();
    await appendCatalogEvent(inTrx(ctx, trx), {
      agencyId,
      subject: { type: 'catalog_entry', id },
      name: 'catalog.entry_removed',
      data: { entry: stored },
    });
  });
}
