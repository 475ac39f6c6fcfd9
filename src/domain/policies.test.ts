import { describe, expect, it } from 'vitest';
import type { AgencyActor } from './accounts/actor.ts';
import { allows, type PolicyVerb, refusalOf } from './policies.ts';

const actor = (roles: AgencyActor['roles'], platformAdmin = false): AgencyActor => ({
  username: 'u',
  roles,
  platformAdmin,
});

describe('allows: every area’s table under area/verb', () => {
  it.each<[string, AgencyActor, PolicyVerb, boolean]>([
    ['an operator registers a request', actor(['operator']), 'requests/register', true],
    ['an operator may not extend (the approver’s)', actor(['operator']), 'case/extend', false],
    ['an approver extends', actor(['approver']), 'case/extend', true],
    ['a reviewer approves an item', actor(['reviewer']), 'items/approve', true],
    ['a reviewer may not edit the registry', actor(['reviewer']), 'registry/edit', false],
    ['an agency administrator reads the event log', actor(['agency_admin']), 'events/view_log', true],
    ['an operator does not read the event log', actor(['operator']), 'events/view_log', false],
    ['an agency administrator manages users', actor(['agency_admin']), 'users/manage', true],
    ['a platform administrator manages any agency’s users', actor([], true), 'users/manage', true],
    ['a platform administrator without roles reads no event log', actor([], true), 'events/view_log', false],
    ['a supervisor is granted nothing', actor(['supervisor']), 'reports/edit', false],
  ])('%s', (_situation, who, verb, expected) => {
    expect(allows(who, verb)).toBe(expected);
  });
});

describe('refusalOf: the 403 sentence, the area’s own where it has one, else the roles needed', () => {
  it.each<[string, AgencyActor, PolicyVerb, string | null]>([
    ['an operator registers: no refusal', actor(['operator']), 'requests/register', null],
    [
      'a reviewer may not record a 行政复议 (table 四): the requests area’s sentence',
      actor(['reviewer']),
      'requests/record_review',
      '登记行政复议、行政诉讼案件需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      '条例第三十三条: an operator may not extend: the approver is named',
      actor(['operator']),
      'case/extend',
      '延期答复须经政府信息公开工作机构负责人同意（条例第三十三条），需要“审批负责人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      'an operator may not approve an item: the items area’s sentence',
      actor(['operator']),
      'items/approve',
      '保密审查通过需要“保密审查员”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      'a reviewer may not edit the registry: the roles needed',
      actor(['reviewer']),
      'registry/edit',
      '该操作需要“经办人”或“审批负责人”或“机关管理员”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      'an operator may not manage users: an agency or platform administrator',
      actor(['operator']),
      'users/manage',
      '该操作需要“机关管理员”角色（或平台管理员），您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    ['a platform administrator manages users', actor([], true), 'users/manage', null],
  ])('%s', (_situation, who, verb, expected) => {
    expect(refusalOf(who, verb)).toBe(expected);
  });
});
