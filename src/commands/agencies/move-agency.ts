/**
 * Moves an agency under another parent, or to the top of the tree (platform administrator): never
 * under itself or one of its descendants, never under a retired or unknown agency
 * (domain/agencies/tree.ts `moveProblem`). Its subtree moves with it, so a supervisor's scope over
 * the old parent no longer reaches it. One transaction, one `agencies.moved` event.
 */
import { inTransaction } from '../../db/transaction.ts';
import { moveProblem } from '../../domain/agencies/tree.ts';
import type { CommandContext } from '../context.ts';
import {
  agencyIn,
  assertTreeAdmin,
  fieldError,
  lockedTree,
  recordAgencyEvent,
  type TreeActor,
} from './agency-tree-kit.ts';

/** Moves the agency of `code` under `parent` (a code; null: a root). */
export async function moveAgency(
  ctx: CommandContext<TreeActor>,
  input: { code: string; parent: string | null },
): Promise<void> {
  assertTreeAdmin(ctx.actor);
  const at = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const rows = await lockedTree(trx, ctx.db.dialect);
    const agency = agencyIn(rows, input.code);
    const problem = moveProblem(rows, { agencyId: agency.id, newParentCode: input.parent });
    if (problem) throw fieldError('parent', problem);
    const before = rows.find((r) => r.id === agency.parentId)?.code ?? null;
    const parentId = input.parent === null ? null : agencyIn(rows, input.parent).id;
    await trx.updateTable('agencies').set({ parent_id: parentId }).where('id', '=', agency.id).execute();
    await recordAgencyEvent(trx, {
      name: 'agencies.moved',
      agency,
      actor: ctx.actor.username,
      at,
      data: { before: { parent: before }, after: { parent: input.parent } },
    });
  });
}
