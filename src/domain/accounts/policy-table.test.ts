import { describe, expect, it } from 'vitest';
import { CATALOGUE_POLICY } from '../items/policy.ts';
import { ACTION_ROLES } from '../items/state-machine.ts';
import { LETTER_POLICY } from '../letters/policy.ts';
import { REGISTRY_POLICY } from '../registry/policy.ts';
import { REPORT_POLICY } from '../report/policy.ts';
import { CASE_ACTION_ROLES, REQUEST_POLICY } from '../requests/policy.ts';
import { SUPERVISOR_ROLE } from './actor.ts';
import { can, type PolicyTable, rolesNeeded } from './policy-table.ts';
import { AGENCY_ROLES } from './roles.ts';

const ROLES = [...AGENCY_ROLES, SUPERVISOR_ROLE];

/** Who may, written out by hand (not read from the tables): area, verb, the roles that may. */
const EXPECTED: Array<[string, PolicyTable<string>, string, string[]]> = [
  ['requests', REQUEST_POLICY, 'register', ['operator']],
  ['requests', REQUEST_POLICY, 'attach', ['operator']],
  ['requests', REQUEST_POLICY, 'record_delivery', ['operator']],
  ['requests', REQUEST_POLICY, 'record_assistance', ['operator']],
  ['requests', REQUEST_POLICY, 'record_review', ['operator']],
  ['requests', REQUEST_POLICY, 'review_withheld', ['reviewer', 'approver', 'agency_admin']],
  ['requests', REQUEST_POLICY, 'view_applicant_id', ['operator', 'approver']],
  ['requests', REQUEST_POLICY, 'record_suggestion', ['operator']],
  // 提请审批: the 经办人 asks, the 审批负责人 decides (条例 第三十三条第二款: 经政府信息公开工作机构负责人同意)
  ['requests', REQUEST_POLICY, 'request_approval', ['operator']],
  ['requests', REQUEST_POLICY, 'decide_approval', ['approver']],
  ['requests', REQUEST_POLICY, 'include_proposal', ['operator']],
  ['requests', REQUEST_POLICY, 'decline_proposal', ['approver']],
  ...[
    'request_correction',
    'receive_correction',
    'close_correction_lapsed',
    'send_consultation',
    'receive_consultation_reply',
    'send_fee_notice',
    'record_fee_payment',
    'close_fee_lapsed',
    'request_reasons',
    'set_later_date',
    'decide',
    'decide_correction', // 条例 第四十一条: the 经办人 answers a correction request as any other
    'record_provision',
  ].map((action): [string, PolicyTable<string>, string, string[]] => [
    'case actions',
    CASE_ACTION_ROLES,
    action,
    ['operator'],
  ]),
  ['case actions', CASE_ACTION_ROLES, 'extend', ['approver']],
  ...['create', 'edit', 'attach', 'detach', 'submit', 'withdraw', 'post', 'link', 'request_approval'].map(
    (action): [string, PolicyTable<string>, string, string[]] => [
      'items',
      ACTION_ROLES,
      action,
      ['operator'],
    ],
  ),
  // 三审: the 审批负责人 签发 (发布); the 经办人 asks (提请签发发布)
  ['items', ACTION_ROLES, 'publish', ['approver']],
  ['items', ACTION_ROLES, 'approve', ['reviewer']],
  ['items', ACTION_ROLES, 'reject', ['reviewer']],
  ['catalogue', CATALOGUE_POLICY, 'configure_columns', ['agency_admin']],
  ['registry', REGISTRY_POLICY, 'edit', ['operator', 'approver', 'agency_admin']],
  ['report', REPORT_POLICY, 'edit', ['operator', 'approver', 'agency_admin']],
  ['report', REPORT_POLICY, 'publish', ['approver', 'agency_admin']],
  ['letters', LETTER_POLICY, 'edit_templates', ['agency_admin']],
  ['letters', LETTER_POLICY, 'edit_remedies', ['agency_admin']],
];

describe('policy tables: each role × each verb', () => {
  const rows = EXPECTED.flatMap(([area, table, verb, allowed]) =>
    ROLES.map((role) => ({ area, table, verb, role, may: allowed.includes(role) })),
  );

  it.each(rows)('$area: $role may $verb → $may', ({ table, verb, role, may }) => {
    expect(can(table, { roles: [role] }, verb)).toBe(may);
  });

  it('covers every verb of every table', () => {
    const tables = new Map<PolicyTable<string>, Set<string>>();
    for (const [, table, verb] of EXPECTED) tables.set(table, (tables.get(table) ?? new Set()).add(verb));
    for (const [table, verbs] of tables) expect([...verbs].sort()).toEqual(Object.keys(table).sort());
  });

  it('grants nothing to no roles, and nothing to a supervisor', () => {
    for (const [, table, verb] of EXPECTED) {
      expect(can(table, { roles: [] }, verb)).toBe(false);
      expect(can(table, { roles: [SUPERVISOR_ROLE] }, verb)).toBe(false);
    }
  });

  it('names the roles a verb needs in Chinese', () => {
    expect(rolesNeeded(REQUEST_POLICY, 'view_applicant_id')).toBe('“经办人”或“审批负责人”');
    expect(rolesNeeded(CATALOGUE_POLICY, 'configure_columns')).toBe('“机关管理员”');
  });
});
