/** Who may change what an agency's letters say — templates, remedies settings: its administrator (机关管理员). */
import { can, type PolicyTable } from '../accounts/policy-table.ts';

export type LetterVerb = 'edit_templates' | 'edit_remedies';

/** verb → the roles that may. */
export const LETTER_POLICY: PolicyTable<LetterVerb> = {
  edit_templates: ['agency_admin'],
  edit_remedies: ['agency_admin'],
};

/** Whether the actor may do a verb on the agency's letters. */
export function canOnLetters(actor: { roles: readonly string[] }, verb: LetterVerb): boolean {
  return can(LETTER_POLICY, actor, verb);
}

/** Why the actor may not do it, or null. */
export function letterRefusal(actor: { roles: readonly string[] }, verb: LetterVerb): string | null {
  if (canOnLetters(actor, verb)) return null;
  return verb === 'edit_remedies'
    ? '只有机关管理员可以设置救济途径（行政复议机关、管辖法院、投诉渠道）。'
    : '只有机关管理员可以修改文书模板。';
}
