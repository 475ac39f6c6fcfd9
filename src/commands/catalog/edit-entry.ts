import { type CatalogEntryEditInput, catalogEntryEditBody } from '../../contract/catalog.ts';
import { findCatalogEntry, type StoredCatalogEntry } from '../../db/queries/catalog.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { CatalogField } from '../../domain/catalog/entry.ts';
import { AppError } from '../../errors.ts';
import { parseInput } from '../agencies/parse-input.ts';
import { type CommandContext, inTrx } from '../context.ts';
import {
  appendCatalogEvent,
  conflictOr,
  entryRow,
  knownColumnKeys,
  requireManager,
} from './catalog-store.ts';

const FIELDS: readonly CatalogField[] = [
  'seq',
  'domain',
  'level1',
  'level2',
  'content',
  'basis',
  'deadline',
  'subject',
  'channels',
  'audience',
  'manner',
  'levels',
  'columns',
];

/**
 * 修改事项 at the version the editor saw (409 when changed since): the fields given, the rest as
 * they are — 对应栏目 is an edit of `columns` alone. The event keeps each changed field before → after.
 */
export async function editCatalogEntry(
  ctx: CommandContext,
  input: { agencyId: number; id: number; change: CatalogEntryEditInput | unknown },
): Promise<StoredCatalogEntry> {
  requireManager(ctx.actor);
  const { expectedVersion, ...change } = parseInput(catalogEntryEditBody, input.change);
  const { agencyId, id } = input;
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const stored = await findCatalogEntry(trx, agencyId, id);
      if (!stored) throw new AppError('not_found', `未找到编号为 ${id} 的标准目录事项。`);
      if (stored.version !== expectedVersion)
        throw new AppError('conflict', '该事项刚被其他人修改，请刷新后重试。');
      // the nine elements and the rest as stored, without the row's own keys
      const {
        id: _id,
        sort: _sort,
        rule: _rule,
        version: _version,
        updatedAt: _at,
        updatedBy: _by,
        ...before
      } = stored;
      const after = {
        ...before,
        ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
      };
      const changed = FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
      if (changed.length === 0) return stored;
      const row = entryRow(after, await knownColumnKeys(trx, agencyId));
      const updated = await trx
        .updateTable('catalog_entries')
        .set({
          ...row,
          version: stored.version + 1,
          updated_at: ctx.clock.now().toISOString(),
          updated_by: ctx.actor.username,
        })
        .where('id', '=', id)
        .where('version', '=', stored.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw new AppError('conflict', '该事项刚被其他人修改，请刷新后重试。');
      await appendCatalogEvent(inTrx(ctx, trx), {
        agencyId,
        subject: { type: 'catalog_entry', id },
        name: 'catalog.entry_edited',
        data: {
          changes: Object.fromEntries(changed.map((f) => [f, { before: before[f], after: after[f] }])),
        },
      });
      const entry = await findCatalogEntry(trx, agencyId, id);
      if (!entry) throw new Error('edited catalogue entry not found');
      return entry;
    });
  } catch (error) {
    return conflictOr(error);
  }
}
