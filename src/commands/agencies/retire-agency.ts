/**
 * Retires an agency (撤销、合并; platform administrator), or restores a retired one. A retired agency
 * keeps its data and its published reports, but leaves the portal's agency lists and its staff's
 * agency choices. Refused while an active agency sits below it or a request waits for its answer,
 * and a restore while its parent is retired (domain/agencies/tree.ts). One transaction, one
 * `agencies.retired` or `agencies.reactivated` event.
 */
import { openRequestCount } from '../../db/queries/agency-tree.ts';
import { inTransaction } from '../../db/transaction.ts';
import { reactivateProblem, retireProblem } from '../../domain/agencies/tree.ts';
import type { CommandContext } from '../context.ts';
import {
  agencyIn,
  assertTreeAdmin,
  fieldError,
  lockedTree,
  recordAgencyEvent,
  type TreeActor,
} from './agency-tree-kit.ts';

/** Retires the agency of `code` as of today (in China), or (`retired: false`) restores it. */
export async function retireAgency(
  ctx: CommandContext<TreeActor>,
  input: { code: string; retired: boolean },
): Promise<{ retiredOn: string | null }> {
  assertTreeAdmin(ctx.actor);
  const at = ctx.clock.now();
  const today = ctx.clock.today();
  return inTransaction(ctx.db, async (trx) => {
    const rows = await lockedTree(trx, ctx.db.dialect);
    const agency = agencyIn(rows, input.code);
    const problem = input.retired
      ? retireProblem(rows, { agencyId: agency.id, openRequests: await openRequestCount(trx, agency.id) })
      : reactivateProblem(rows, agency.id);
    if (problem) throw fieldError('retired', problem);
    const retiredOn = input.retired ? today : null;
    await trx.updateTable('agencies').set({ retired_on: retiredOn }).where('id', '=', agency.id).execute();
    await recordAgencyEvent(trx, {
      name: input.retired ? 'agencies.retired' : 'agencies.reactivated',
      agency,
      actor: ctx.actor.username,
      at,
      data: { before: { retiredOn: agency.retiredOn }, after: { retiredOn } },
    });
    return { retiredOn };
  });
}
