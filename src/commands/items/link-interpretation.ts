import type { ItemState } from '../../domain/items/state-machine.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { appendItemEvent, syncPublications } from './item-store.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';

export interface LinkInterpretationInput extends ItemTarget {
  /** the policy document (政策文件) this interpretation (解读材料) explains; null removes the link */
  policyItemId: number | null;
}

const fail = (message: string): never => {
  throw new AppError('validation', message, [{ field: 'policyItemId', message }]);
};

/**
 * Links an interpretation (the target item) to the policy document it explains, both ways: the
 * interpretation points at the policy, the policy lists its interpretations; each gets an event
 * (and the policy a new version). The publication rows of the interpretation point at the
 * policy's website row, so the portal and the report see the pair.
 */
export async function linkInterpretation(
  ctx: CommandContext,
  input: LinkInterpretationInput,
): Promise<ItemActionResult> {
  return runItemAction(ctx, input, 'link', async ({ trx, row }) => {
    if (!row.is_interpretation) fail('只有标为“解读材料”的信息才能关联政策文件，请先修改该信息的类型。');
    const before = row.interprets_item_id;
    const after = input.policyItemId;
    if (before === after) fail(after === null ? '该解读材料尚未关联政策文件。' : '已关联该政策文件。');
    if (after !== null) {
      const policy = await trx
        .selectFrom('items')
        .select(['id', 'is_policy_document', 'status'])
        .where('id', '=', after)
        .where('agency_id', '=', row.agency_id)
        .executeTakeFirst();
      if (!policy) throw new AppError('not_found', `未找到编号为 ${after} 的政策文件。`);
      if (!policy.is_policy_document) fail('所选信息不是政策文件，不能作为解读对象。');
      if (policy.status === 'withdrawn') fail('所选政策文件已撤回，不能关联。');
    }
    return {
      eventType: after === null ? 'interpretation_unlinked' : 'interpretation_linked',
      columns: { interprets_item_id: after },
      data: { policyItemId: { before, after } },
      afterWrite: async (trx2, stored) => {
        await syncPublications(trx2, stored);
        for (const [policyId, type] of [
          [before, 'interpretation_unlinked'],
          [after, 'interpretation_linked'],
        ] as const) {
          if (policyId === null) continue;
          const policy = await trx2
            .updateTable('items')
            .set((eb) => ({ version: eb('version', '+', 1), updated_at: ctx.clock.now().toISOString() }))
            .where('id', '=', policyId)
            .returning(['status'])
            .executeTakeFirstOrThrow();
          const state = policy.status as ItemState;
          await appendItemEvent(trx2, {
            agencyId: stored.agency_id,
            itemId: policyId,
            type,
            actor: ctx.actor.username,
            at: ctx.clock.now(),
            stateBefore: state,
            stateAfter: state,
            data: { interpretationItemId: stored.id },
          });
        }
      },
    };
  });
}
