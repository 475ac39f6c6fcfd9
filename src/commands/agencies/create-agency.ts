/**
 * Creates an agency in the tree (platform administrator): its code by the import's rules, under an
 * active parent (or at the top), with the default publication channels `gongkai import` gives a
 * new agency. One transaction, one `agencies.created` event.
 */
import type { NewAgency } from '../../contract/agency-tree.ts';
import { isWriteConflict } from '../../db/conflict.ts';
import { inTransaction } from '../../db/transaction.ts';
import { agencyCodeProblem, parentProblem } from '../../domain/agencies/tree.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import {
  agencyIn,
  assertTreeAdmin,
  fieldError,
  lockedTree,
  recordAgencyEvent,
  type TreeActor,
} from './agency-tree-kit.ts';
import { insertDefaultChannels } from './default-channels.ts';

/** Creates the agency; its id. 409 when the code is taken. */
export async function createAgency(
  ctx: CommandContext<TreeActor>,
  input: NewAgency,
): Promise<{ id: number }> {
  assertTreeAdmin(ctx.actor);
  const codeProblem = agencyCodeProblem(input.code);
  if (codeProblem) throw fieldError('code', codeProblem);
  const at = ctx.clock.now();
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const rows = await lockedTree(trx, ctx.db.dialect);
      if (rows.some((r) => r.code === input.code))
        throw new AppError('conflict', `机关代码“${input.code}”已被使用，请换一个。`);
      let parentId: number | null = null;
      if (input.parent !== null) {
        const problem = parentProblem(rows, input.parent);
        if (problem) throw fieldError('parent', problem);
        parentId = agencyIn(rows, input.parent).id;
      }
      const shortName = input.shortName || input.name;
      const { id } = await trx
        .insertInto('agencies')
        .values({
          ...{ code: input.code, name: input.name, short_name: shortName, parent_id: parentId },
          ...{ kind: input.kind, level: input.level, address: '', postcode: '', phone: '' },
          ...{ website: '', website_name: '', office: '', created_at: at.toISOString() },
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertDefaultChannels(trx, id);
      await recordAgencyEvent(trx, {
        name: 'agencies.created',
        agency: { id, code: input.code },
        actor: ctx.actor.username,
        at,
        data: { ...input, shortName },
      });
      return { id };
    });
  } catch (error) {
    if (!(error instanceof AppError) && isWriteConflict(error))
      throw new AppError('conflict', `机关代码“${input.code}”已被使用，请换一个。`);
    throw error;
  }
}
