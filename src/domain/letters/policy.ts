/** Who may change what an agency's letters say — templates, remedies settings: its administrator (机关管理员). */
import { can, type PolicyTable, roleRefusal, rolesNeeded } from '../accounts/policy-table.ts';

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
  const what = verb === 'edit_remedies' ? '设置救济途径（行政复议机关、管辖法院、投诉渠道）' : '修改文书模板';
  return roleRefusal(what, rolesNeeded(LETTER_POLICY, verb));
}
