import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { createUserRefusal, manageUserRefusal, roleChangeRefusal, userChangeRefusal } from './policy.ts';

const platform: Actor = { username: 'root', platformAdmin: true, scopes: [] };
const admin7: Actor = {
  username: 'admin7',
  platformAdmin: false,
  scopes: [{ agencyId: 7, roles: ['agency_admin'], subtree: false }],
};
const operator7: Actor = {
  username: 'op7',
  platformAdmin: false,
  scopes: [{ agencyId: 7, roles: ['operator'], subtree: false }],
};

describe('accounts policy (docs/security.md)', () => {
  it.each<[string, Actor, { platformAdmin?: boolean; agencyId: number | null }, string | null]>([
    ['a platform administrator creates anyone', platform, { platformAdmin: true, agencyId: null }, null],
    ['an agency administrator creates a user of their agency', admin7, { agencyId: 7 }, null],
    ['… not of another agency', admin7, { agencyId: 8 }, '没有该角色'],
    ['… not a user of no agency', admin7, { agencyId: null }, '请在您管理的机关下创建用户'],
    [
      '… not a platform administrator',
      admin7,
      { platformAdmin: true, agencyId: 7 },
      '只有平台管理员可以设立平台管理员',
    ],
    ['an operator creates nobody', operator7, { agencyId: 7 }, '没有该角色'],
  ])('create: %s', (_case, actor, user, refusal) => {
    const got = createUserRefusal(actor, user);
    if (refusal === null) expect(got).toBeNull();
    else expect(got).toContain(refusal);
  });

  it.each<[string, Actor, string, { platformAdmin?: boolean; disabled?: boolean }, string | null]>([
    ['an agency administrator disables another user', admin7, 'op7', { disabled: true }, null],
    ['… may not grant platform administration', admin7, 'op7', { platformAdmin: true }, '只有平台管理员'],
    ['nobody disables themself', platform, 'root', { disabled: true }, '不能停用自己'],
    [
      'nobody revokes their own platform administration',
      platform,
      'root',
      { platformAdmin: false },
      '不能停用自己',
    ],
    ['a platform administrator grants it to another', platform, 'op7', { platformAdmin: true }, null],
  ])('change a user: %s', (_case, actor, username, change, refusal) => {
    const got = userChangeRefusal(actor, username, change);
    if (refusal === null) expect(got).toBeNull();
    else expect(got).toContain(refusal);
  });

  it.each<
    [
      string,
      Actor,
      { username: string; platformAdmin: boolean },
      { role: string; grant: boolean },
      string | null,
    ]
  >([
    [
      'an agency administrator grants a role',
      admin7,
      { username: 'op7', platformAdmin: false },
      { role: 'approver', grant: true },
      null,
    ],
    [
      '… not on a platform administrator',
      admin7,
      { username: 'root', platformAdmin: true },
      { role: 'operator', grant: true },
      '平台管理员的账号只能由平台管理员管理',
    ],
    [
      '… does not revoke their own agency administration',
      admin7,
      { username: 'admin7', platformAdmin: false },
      { role: 'agency_admin', grant: false },
      '不能撤销自己的机关管理员角色',
    ],
    [
      'a platform administrator may revoke their own agency administration',
      { ...platform, username: 'admin7' },
      { username: 'admin7', platformAdmin: false },
      { role: 'agency_admin', grant: false },
      null,
    ],
  ])('change a role: %s', (_case, actor, user, change, refusal) => {
    const got = roleChangeRefusal(actor, user, change);
    if (refusal === null) expect(got).toBeNull();
    else expect(got).toContain(refusal);
  });

  it('a user as a whole: only when every agency they work in is administered by the actor', () => {
    expect(manageUserRefusal(admin7, { username: 'op7', platformAdmin: false, agencyIds: [7] })).toBeNull();
    expect(manageUserRefusal(admin7, { username: 'x', platformAdmin: false, agencyIds: [7, 8] })).toContain(
      '不管理的机关',
    );
    expect(manageUserRefusal(admin7, { username: 'x', platformAdmin: false, agencyIds: [] })).toContain(
      '不管理的机关',
    );
  });
});
