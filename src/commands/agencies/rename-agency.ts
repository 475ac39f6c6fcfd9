/**
 * Renames an agency (platform administrator): its full name and short name (简称; '' → the full
 * name). The code stays: it is in every URL and every event. One transaction, one
 * `agencies.renamed` event (before → after).
 */
import { inTransaction } from '../../db/transaction.ts';
import type { CommandContext } from '../context.ts';
import {
  agencyIn,
  assertTreeAdmin,
  fieldError,
  lockedTree,
  recordAgencyEvent,
  type TreeActor,
} from './agency-tree-kit.ts';

/** Renames the agency of `code`; unchanged fields may be left out. */
export async function renameAgency(
  ctx: CommandContext<TreeActor>,
  input: { code: string; name?: string; shortName?: string },
): Promise<void> {
  assertTreeAdmin(ctx.actor);
  if (input.name !== undefined && input.name.trim() === '')
    throw fieldError('name', '机关名称不能为空，请填写全称');
  const at = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const agency = agencyIn(await lockedTree(trx, ctx.db.dialect), input.code);
    const name = input.name?.trim() ?? agency.name;
    const shortName = input.shortName === undefined ? agency.shortName : input.shortName.trim() || name;
    await trx
      .updateTable('agencies')
      .set({ name, short_name: shortName })
      .where('id', '=', agency.id)
      .execute();
    await recordAgencyEvent(trx, {
      name: 'agencies.renamed',
      agency,
      actor: ctx.actor.username,
      at,
      data: { before: { name: agency.name, shortName: agency.shortName }, after: { name, shortName } },
    });
  });
}
