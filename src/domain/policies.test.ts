import { describe, expect, it } from 'vitest';
import type { AgencyActor } from './accounts/actor.ts';
import { allows, type PolicyVerb } from './policies.ts';

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
