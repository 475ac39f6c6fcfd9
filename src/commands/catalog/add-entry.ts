import { type CatalogEntryInput, catalogEntryBody } from '../../contract/catalog.ts';
import { findCatalogEntry, type StoredCatalogEntry } from '../../db/queries/catalog.ts';
import { inTransaction } from '../../db/transaction.ts';
import { parseInput } from '../agencies/parse-input.ts';
import { type CommandContext, inTrx } from '../context.ts';
import {
  appendCatalogEvent,
  conflictOr,
  entryRow,
  knownColumnKeys,
  requireManager,
} from './catalog-store.ts';

/** 新增事项: an entry at the end of the agency's catalogue, its 公开时限 parsed, with an event. */
export async function addCatalogEntry(
  ctx: CommandContext,
  input: { agencyId: number; entry: CatalogEntryInput | unknown },
): Promise<StoredCatalogEntry> {
  requireManager(ctx.actor);
  const fields = parseInput(catalogEntryBody, input.entry);
  const { agencyId } = input;
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const row = entryRow(fields, await knownColumnKeys(trx, agencyId));
      const last = await trx
        .selectFrom('catalog_entries')
        .select((eb) => eb.fn.max('sort').as('sort'))
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      const at = ctx.clock.now().toISOString();
      const inserted = await trx
        .insertInto('catalog_entries')
        .values({
          ...row,
          agency_id: agencyId,
          sort: Number(last?.sort ?? 0) + 1,
          version: 1,
          created_at: at,
          updated_at: at,
          updated_by: ctx.actor.username,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendCatalogEvent(inTrx(ctx, trx), {
        agencyId,
        subject: { type: 'catalog_entry', id: inserted.id },
        name: 'catalog.entry_added',
        data: { entry: fields },
      });
      const entry = await findCatalogEntry(trx, agencyId, inserted.id);
      if (!entry) throw new Error('added catalogue entry not found');
      return entry;
    });
  } catch (error) {
    return conflictOr(error);
  }
}
