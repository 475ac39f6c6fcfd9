/**
 * Interpretations (解读材料) of an import point at their policy document (政策文件) by the policy's
 * 编号 in the same file or its 索引号 if published before; resolved once the whole file is written
 * (the policy may come later in the file), through the items workflow's own link pieces.
 */

import type { Trx } from '../context.ts';
import { appendItemEvent, loadItem, syncPublications, WEBSITE_CHANNEL } from '../items/item-store.ts';
import type { PendingLink, RowProblem } from './write-items.ts';

/** Links every pending interpretation; returns the rows whose policy document was not found. */
export async function linkInterpretations(
  trx: Trx,
  links: readonly PendingLink[],
  actor: string,
  now: Date,
  label: string,
): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  for (const link of links) {
    const policy = await trx
      .selectFrom('items as i')
      .innerJoin('publications as p', (join) =>
        join.onRef('p.item_id', '=', 'i.id').on('p.channel', '=', WEBSITE_CHANNEL),
      )
      .select(['i.id', 'i.is_policy_document', 'i.status'])
      .where('i.agency_id', '=', link.agencyId)
      .where((eb) => eb.or([eb('p.ref', '=', link.interprets), eb('i.index_no', '=', link.interprets)]))
      .executeTakeFirst();
    if (!policy) {
      problems.push({
        row: link.row,
        reason: `${label}的值“${link.interprets}”既不是本文件中信息的编号，也不是已发布信息的索引号`,
      });
      continue;
    }
    if (!policy.is_policy_document || policy.status !== 'published') {
      problems.push({
        row: link.row,
        reason: `${label}“${link.interprets}”不是已发布的政策文件，不能作为解读对象`,
      });
      continue;
    }
    await trx
      .updateTable('items')
      .set({ interprets_item_id: policy.id })
      .where('id', '=', link.itemId)
      .execute();
    await syncPublications(trx, await loadItem(trx, link.agencyId, link.itemId));
    // As when staff link them: the policy lists its interpretations, so it gets a new version.
    await trx
      .updateTable('items')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: now.toISOString() }))
      .where('id', '=', policy.id)
      .execute();
    await appendItemEvent(trx, {
      agencyId: link.agencyId,
      itemId: policy.id,
      type: 'interpretation_linked',
      actor,
      at: now,
      stateBefore: 'published',
      stateAfter: 'published',
      data: { interpretationItemId: link.itemId, imported: true },
    });
  }
  return problems;
}
