import type { Db } from '../../db/connection.ts';
import type { LetterKind } from '../../domain/letters/kinds.ts';
import { letterRefusal } from '../../domain/letters/policy.ts';
import { validateTemplate } from '../../domain/letters/templates.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from './case-store.ts';

export interface SaveTemplateInput {
  agencyId: number;
  kind: LetterKind;
  /** the new text; empty restores the platform's default */
  template: string;
  actor: Actor;
}

/**
 * Saves an agency's letter template after checking it (unknown placeholders, unbalanced blocks are
 * refused with the reason). Only an agency admin may change what the agency's letters say.
 */
export async function saveLetterTemplate(
  db: Db,
  input: SaveTemplateInput,
): Promise<{ kind: LetterKind; isDefault: boolean }> {
  const refusal = letterRefusal(input.actor, 'edit_templates');
  if (refusal) throw new AppError('forbidden', refusal);
  if (input.template.trim() === '') {
    await db.kysely
      .deleteFrom('letter_templates')
      .where('agency_id', '=', input.agencyId)
      .where('kind', '=', input.kind)
      .execute();
    return { kind: input.kind, isDefault: true };
  }
  const check = validateTemplate(input.kind, input.template);
  if (!check.ok) {
    throw new AppError(
      'validation',
      `模板有误：${check.messages.join('；')}`,
      check.messages.map((message) => ({ field: 'template', message })),
    );
  }
  const values = {
    template: input.template,
    updated_at: new Date().toISOString(),
    updated_by: input.actor.username,
  };
  await db.kysely
    .insertInto('letter_templates')
    .values({ agency_id: input.agencyId, kind: input.kind, ...values })
    .onConflict((oc) => oc.columns(['agency_id', 'kind']).doUpdateSet(values))
    .execute();
  return { kind: input.kind, isDefault: false };
}
