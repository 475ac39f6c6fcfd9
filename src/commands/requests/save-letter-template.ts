import { rethrowConflict } from '../../db/conflict.ts';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { LetterKind } from '../../domain/letters/kinds.ts';
import { letterRefusal } from '../../domain/letters/policy.ts';
import { validateTemplate } from '../../domain/letters/templates.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export interface SaveTemplateInput {
  agencyId: number;
  kind: LetterKind;
  /** the new text; empty restores the platform's default */
  template: string;
}

/**
 * Saves an agency's letter template after checking it (unknown placeholders, unbalanced blocks are
 * refused with the reason). Only an agency admin may change what the agency's letters say. The
 * change is an event (`settings.letter_template_saved` or `…_reset`, before → after).
 */
export async function saveLetterTemplate(
  ctx: CommandContext,
  input: SaveTemplateInput,
): Promise<{ kind: LetterKind; isDefault: boolean }> {
  const refusal = letterRefusal(ctx.actor, 'edit_templates');
  if (refusal) throw new AppError('forbidden', refusal);
  const reset = input.template.trim() === '';
  if (!reset) {
    const check = validateTemplate(input.kind, input.template);
    if (!check.ok) {
      throw new AppError(
        'validation',
        `模板有误：${check.messages.join('；')}`,
        check.messages.map((message) => ({ field: 'template', message })),
      );
    }
  }
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const before = await trx
      .selectFrom('letter_templates')
      .select('template')
      .where('agency_id', '=', input.agencyId)
      .where('kind', '=', input.kind)
      .executeTakeFirst();
    if (reset)
      await trx
        .deleteFrom('letter_templates')
        .where('agency_id', '=', input.agencyId)
        .where('kind', '=', input.kind)
        .execute();
    else {
      const values = {
        template: input.template,
        updated_at: now.toISOString(),
        updated_by: ctx.actor.username,
      };
      await trx
        .insertInto('letter_templates')
        .values({ agency_id: input.agencyId, kind: input.kind, ...values })
        .onConflict((oc) => oc.columns(['agency_id', 'kind']).doUpdateSet(values))
        .execute();
    }
    await appendEvent(trx, {
      name: reset ? 'settings.letter_template_reset' : 'settings.letter_template_saved',
      subject: { type: 'letter_template', id: input.kind },
      agency: input.agencyId,
      actor: ctx.actor.username,
      at: now,
      data: { before: before?.template ?? null, after: reset ? null : input.template },
    });
    return { kind: input.kind, isDefault: reset };
  }).catch((error: unknown) => rethrowConflict(error, '该文书模板刚被其他人修改，请刷新后重试。'));
}
