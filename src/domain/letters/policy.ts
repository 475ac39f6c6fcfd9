/** Who may change an agency's letter templates: its administrator (机关管理员). */
import { can, type PolicyTable } from '../accounts/policy-table.ts';

export type LetterVerb = 'edit_templates';

/** verb → the roles that may. */
export const LETTER_POLICY: PolicyTable<LetterVerb> = {
  edit_templates: ['agency_admin'],
};

/** Whether the actor may do a verb on the agency's letters. */
export function canOnLetters(actor: { roles: readonly string[] }, verb: LetterVerb): boolean {
  return can(LETTER_POLICY, actor, verb);
}

/** Why the actor may not do it, or null. */
export function letterRefusal(actor: { roles: readonly string[] }, verb: LetterVerb): string | null {
  return canOnLetters(actor, verb) ? null : '只有机关管理员可以修改文书模板。';
}
