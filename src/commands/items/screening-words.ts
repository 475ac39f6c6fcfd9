/**
 * An agency's 错敏词 list (发布前自查, docs/screening.md): entries added and removed by the agency
 * administrator, each an event of the agency's audit trail (`settings.screening_word_added`,
 * `settings.screening_word_removed`) with the entry as it was.
 */
import { rethrowConflict } from '../../db/conflict.ts';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { screeningWordsRefusal } from '../../domain/items/policy.ts';
import { screeningWordProblem } from '../../domain/items/screening.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export interface ScreeningWordEntry {
  id: number;
  word: string;
  correction: string | null;
  note: string;
  createdBy: string;
  createdAt: string;
}

export interface AddScreeningWordInput {
  agencyId: number;
  word: string;
  correction?: string | null;
  note?: string;
}

function requireManager(ctx: CommandContext): void {
  const refusal = screeningWordsRefusal(ctx.actor);
  if (refusal) throw new AppError('forbidden', refusal);
}

/** Adds an entry; the same word twice in one agency's list is refused. */
export async function addScreeningWord(
  ctx: CommandContext,
  input: AddScreeningWordInput,
): Promise<ScreeningWordEntry> {
  requireManager(ctx);
  const problem = screeningWordProblem(input);
  if (problem) throw new AppError('validation', problem.message, [problem]);
  const word = input.word.trim();
  const correction = (input.correction ?? '').trim() || null;
  const note = (input.note ?? '').trim();
  const at = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const existing = await trx
      .selectFrom('screening_words')
      .select('id')
      .where('agency_id', '=', input.agencyId)
      .where('word', '=', word)
      .executeTakeFirst();
    if (existing) {
      const message = `错敏词库中已有“${word}”，无需重复添加；如需修改，请先删除原条目。`;
      throw new AppError('conflict', message, [{ field: 'word', message }]);
    }
    const row = await trx
      .insertInto('screening_words')
      .values({
        agency_id: input.agencyId,
        word,
        correction,
        note,
        created_by: ctx.actor.username,
        created_at: at.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => rethrowConflict(error, `错敏词库中已有“${word}”，请刷新后查看。`));
    await appendEvent(trx, {
      name: 'settings.screening_word_added',
      subject: { type: 'screening_word', id: row.id },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at,
      data: { word, correction, note },
    });
    return { id: row.id, word, correction, note, createdBy: ctx.actor.username, createdAt: at.toISOString() };
  });
}

/** Removes an entry of the agency's list (another agency's entry is not found). */
export async function removeScreeningWord(
  ctx: CommandContext,
  input: { agencyId: number; wordId: number },
): Promise<void> {
  requireManager(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .deleteFrom('screening_words')
      .where('id', '=', input.wordId)
      .where('agency_id', '=', input.agencyId)
      .returning(['id', 'word', 'correction', 'note'])
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', '未找到该错敏词条目，可能已被删除，请刷新。');
    await appendEvent(trx, {
      name: 'settings.screening_word_removed',
      subject: { type: 'screening_word', id: row.id },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: ctx.clock.now(),
      data: { word: row.word, correction: row.correction, note: row.note },
    });
  });
}
