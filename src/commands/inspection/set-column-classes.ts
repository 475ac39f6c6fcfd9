/**
 * Sets the class (动态要闻 / 通知公告 / 政策文件 / 其他) and, for 其他, the expected frequency of
 * catalogue columns for the self-inspection (docs/inspection.md): each a 第二十条 category, one of
 * the agency's sub-columns or 公开制度 (`gkzd`). The agency's 机关管理员; all or nothing, in one
 * transaction, with an event `settings.column_class_set` per column changed (before → after).
 */
import { type ColumnClassesInput, columnClassesBody } from '../../contract/inspection.ts';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { can, roleRefusal, rolesNeeded } from '../../domain/accounts/policy-table.ts';
import { columnKey, RULES_COLUMN } from '../../domain/guide/column-notes.ts';
import { defaultColumnClass } from '../../domain/inspection/column-classes.ts';
import { INSPECTION_POLICY } from '../../domain/inspection/policy.ts';
import { isStatutoryCategory } from '../../domain/items/categories.ts';
import { AppError } from '../../errors.ts';
import { parseInput } from '../agencies/parse-input.ts';
import type { CommandContext } from '../context.ts';

export async function setColumnClasses(
  ctx: CommandContext,
  input: { agencyId: number; body: ColumnClassesInput | unknown },
): Promise<{ changed: number }> {
  if (!can(INSPECTION_POLICY, ctx.actor, 'configure'))
    throw new AppError('forbidden', roleRefusal('设置栏目类别', rolesNeeded(INSPECTION_POLICY, 'configure')));
  const { columns } = parseInput(columnClassesBody, input.body);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const own = new Set(
      (
        await trx
          .selectFrom('agency_columns')
          .select('code')
          .where('agency_id', '=', input.agencyId)
          .execute()
      ).map((c) => c.code),
    );
    const unknown = columns.flatMap((c, i) =>
      (c.scope === 'category' ? isStatutoryCategory(c.code) : c.code === RULES_COLUMN || own.has(c.code))
        ? []
        : [{ field: `columns.${i}.code`, message: `本机关没有代码为 ${c.code} 的栏目，请从栏目列表中选择` }],
    );
    if (unknown.length > 0)
      throw new AppError('validation', `输入有误：${unknown.map((u) => u.message).join('；')}`, unknown);
    const stored = await trx
      .selectFrom('column_settings')
      .select(['scope', 'code', 'column_class', 'frequency_days'])
      .where('agency_id', '=', input.agencyId)
      .execute();
    const before = new Map(
      stored.map((s) => [
        columnKey(s.scope as 'category' | 'column', s.code),
        {
          columnClass: s.column_class,
          frequencyDays: s.frequency_days === null ? null : Number(s.frequency_days),
        },
      ]),
    );
    let changed = 0;
    for (const c of columns) {
      const key = columnKey(c.scope, c.code);
      const was = before.get(key) ?? defaultColumnClass(c.scope, c.code);
      const after = { columnClass: c.columnClass, frequencyDays: c.frequencyDays };
      if (was.columnClass === after.columnClass && was.frequencyDays === after.frequencyDays) continue;
      await trx
        .deleteFrom('column_settings')
        .where('agency_id', '=', input.agencyId)
        .where('scope', '=', c.scope)
        .where('code', '=', c.code)
        .execute();
      await trx
        .insertInto('column_settings')
        .values({
          agency_id: input.agencyId,
          scope: c.scope,
          code: c.code,
          column_class: c.columnClass,
          frequency_days: c.frequencyDays,
          updated_at: now.toISOString(),
          updated_by: ctx.actor.username,
        })
        .execute();
      await appendEvent(trx, {
        name: 'settings.column_class_set',
        subject: { type: 'column_setting', id: key },
        agency: input.agencyId,
        actor: ctx.actor.username,
        at: now,
        data: { before: was, after },
      });
      changed += 1;
    }
    return { changed };
  });
}
