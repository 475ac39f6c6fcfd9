import { inTransaction } from '../../db/transaction.ts';
import { isIndexPrefix } from '../../domain/items/index-number.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { auditEvent, requireAgencyAdmin, settingsConflict } from './agency-columns.ts';

/**
 * Sets the agency's 索引号 prefix: its 统一社会信用代码 or 组织机构代码 (an agency administrator).
 * Numbers already given keep their prefix; the next publication uses the new one.
 */
export async function setIndexPrefix(
  ctx: CommandContext,
  input: { agencyId: number; indexPrefix: string },
): Promise<{ indexPrefix: string }> {
  requireAgencyAdmin(ctx.actor, '设置索引号前缀');
  const prefix = input.indexPrefix.trim().toUpperCase();
  if (!isIndexPrefix(prefix)) {
    const message =
      '索引号前缀应为本机关的统一社会信用代码或组织机构代码（数字、大写字母和 -，最长 32 位）。';
    throw new AppError('validation', message, [{ field: 'indexPrefix', message }]);
  }
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const before = await trx
      .selectFrom('item_settings')
      .select('index_prefix')
      .where('agency_id', '=', input.agencyId)
      .executeTakeFirst();
    const row = {
      index_prefix: prefix,
      updated_at: now.toISOString(),
      updated_by: ctx.actor.username,
    };
    await trx
      .insertInto('item_settings')
      .values({ agency_id: input.agencyId, ...row })
      .onConflict((oc) => oc.column('agency_id').doUpdateSet(row))
      .execute();
    await auditEvent(
      trx,
      {
        agencyId: input.agencyId,
        subjectType: 'item_settings',
        subjectId: String(input.agencyId),
        type: 'index_prefix_set',
        actor: ctx.actor.username,
        now,
      },
      { before: before?.index_prefix ?? null, after: prefix },
    );
    return { indexPrefix: prefix };
  }).catch(settingsConflict);
}
