import { columnNoteBody } from '../../contract/guide.ts';
import { appendEvent } from '../../db/events.ts';
import { columnNote } from '../../db/queries/guide.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type ColumnScope, columnKey, RULES_COLUMN } from '../../domain/guide/column-notes.ts';
import { isStatutoryCategory } from '../../domain/items/categories.ts';
import { catalogueRefusal } from '../../domain/items/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { parseInput } from './parse-input.ts';

/**
 * Sets (or, with an empty note, removes) the 备注说明 of a catalogue column: a 第二十条 category, one
 * of the agency's sub-columns, or 公开制度 (`gkzd`). An empty column shows its note to the public
 * (“本机关无行政收费事项”) instead of a blank. An agency admin; event `settings.column_note_set` or
 * `…_removed` (before → after).
 */
export async function setColumnNote(
  ctx: CommandContext,
  input: { agencyId: number; scope: ColumnScope; code: string; body: unknown },
): Promise<{ note: string }> {
  const refusal = catalogueRefusal(ctx.actor, '设置栏目备注说明');
  if (refusal) throw new AppError('forbidden', refusal);
  const { note } = parseInput(columnNoteBody, input.body);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    if (input.scope === 'category' && !isStatutoryCategory(input.code))
      throw new AppError(
        'not_found',
        `没有代码为 ${input.code} 的第二十条类别（应为 a20.1–a20.15 或 other）。`,
      );
    if (input.scope === 'column' && input.code !== RULES_COLUMN) {
      const column = await trx
        .selectFrom('agency_columns')
        .select('code')
        .where('agency_id', '=', input.agencyId)
        .where('code', '=', input.code)
        .executeTakeFirst();
      if (!column) throw new AppError('not_found', `本机关没有代码为 ${input.code} 的子栏目。`);
    }
    const before = await columnNote(trx, input.agencyId, input.scope, input.code);
    const where = { agency_id: input.agencyId, scope: input.scope, code: input.code };
    await trx
      .deleteFrom('column_notes')
      .where('agency_id', '=', where.agency_id)
      .where('scope', '=', where.scope)
      .where('code', '=', where.code)
      .execute();
    if (note !== '')
      await trx
        .insertInto('column_notes')
        .values({ ...where, note })
        .execute();
    await appendEvent(trx, {
      name: note === '' ? 'settings.column_note_removed' : 'settings.column_note_set',
      subject: { type: 'column_note', id: columnKey(input.scope, input.code) },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: now,
      data: { before, after: note },
    });
    return { note };
  });
}
