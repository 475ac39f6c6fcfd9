import { describe, expect, it } from 'vitest';
import { type Actor, actorIn, agenciesWhere, rolesIn, SUPERVISOR_ROLE, scopeOf, worksIn } from './actor.ts';
import { administersUsersOf, manageUserRefusal, revokesOwnUserAdmin } from './policy.ts';

// A small tree: city (1) above district A (2, with office 4) and district B (3).
const CITY = { id: 1, ancestorIds: [] };
const A = { id: 2, ancestorIds: [1] };
const B = { id: 3, ancestorIds: [1] };
const A_OFFICE = { id: 4, ancestorIds: [2, 1] };

const actor = (scopes: Actor['scopes'], platformAdmin = false): Actor => ({
  username: 'u',
  platformAdmin,
  scopes,
});

describe('an actor’s scopes', () => {
  const supervisorOfA = actor([scopeOf(2, SUPERVISOR_ROLE)]);
  const staffOfA = actor([scopeOf(2, 'operator'), scopeOf(2, 'agency_admin')]);

  it.each([
    ['the supervisor of A, in A', supervisorOfA, A, ['supervisor']],
    ['the supervisor of A, in A’s office (below A)', supervisorOfA, A_OFFICE, ['supervisor']],
    ['the supervisor of A, in the sibling B', supervisorOfA, B, []],
    ['the supervisor of A, in the city above', supervisorOfA, CITY, []],
    ['A’s staff, in A', staffOfA, A, ['operator', 'agency_admin']],
    ['A’s staff, in A’s office (roles do not reach down)', staffOfA, A_OFFICE, []],
  ])('%s', (_name, who, agency, roles) => {
    expect(rolesIn(who, agency)).toEqual(roles);
    expect(actorIn(who, agency).roles).toEqual(roles);
  });

  it('works in an agency only with a staff role there: a supervisor does not', () => {
    expect(worksIn(supervisorOfA, A)).toBe(false);
    expect(worksIn(supervisorOfA, A_OFFICE)).toBe(false);
    expect(worksIn(staffOfA, A)).toBe(true);
    expect(worksIn(staffOfA, B)).toBe(false);
  });

  it('lists the agencies where a role is held directly', () => {
    expect(agenciesWhere(staffOfA, 'agency_admin')).toEqual([2]);
    expect(agenciesWhere(supervisorOfA, 'agency_admin')).toEqual([]);
  });
});

describe('the accounts policy', () => {
  const adminOfA = { ...actor([scopeOf(2, 'agency_admin')]), username: 'a-admin' };
  const platform = actor([], true);

  it.each([
    ['an agency administrator, their agency', adminOfA, 2, true],
    ['an agency administrator, another agency', adminOfA, 3, false],
    ['a platform administrator, any agency', platform, 3, true],
    ['a supervisor of the subtree', actor([scopeOf(1, SUPERVISOR_ROLE)]), 2, false],
  ])('%s → %s', (_name, who, agencyId, may) => {
    expect(administersUsersOf(who, agencyId)).toBe(may);
  });

  it('manages a user as a whole only when every agency of theirs is administered', () => {
    const user = (agencyIds: number[], platformAdmin = false) => ({
      username: 'x',
      platformAdmin,
      agencyIds,
    });
    expect(manageUserRefusal(adminOfA, user([2]))).toBeNull();
    expect(manageUserRefusal(adminOfA, user([2, 3]))).toContain('请联系平台管理员');
    expect(manageUserRefusal(adminOfA, user([]))).toContain('请联系平台管理员');
    expect(manageUserRefusal(adminOfA, user([2], true))).toBe('平台管理员的账号只能由平台管理员管理。');
    expect(manageUserRefusal(platform, user([2, 3], true))).toBeNull();
  });

  it('refuses revoking one’s own user administration, except to a platform administrator', () => {
    expect(revokesOwnUserAdmin(adminOfA, { username: 'a-admin', role: 'agency_admin' })).toBe(true);
    expect(revokesOwnUserAdmin(adminOfA, { username: 'a-admin', role: 'operator' })).toBe(false);
    expect(revokesOwnUserAdmin(adminOfA, { username: 'other', role: 'agency_admin' })).toBe(false);
    expect(
      revokesOwnUserAdmin(
        { ...platform, username: 'a-admin' },
        { username: 'a-admin', role: 'agency_admin' },
      ),
    ).toBe(false);
  });
});
