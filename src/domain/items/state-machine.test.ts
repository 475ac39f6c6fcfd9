import { describe, expect, it } from 'vitest';
import {
  ACTION_ROLES,
  allowedActions,
  ITEM_ACTIONS,
  ITEM_STATES,
  type ItemAction,
  type ItemState,
  refusalFor,
  TRANSITIONS,
  transition,
} from './state-machine.ts';

/** Every allowed move, written out: [situation, from, action, to]. */
const ALLOWED: Array<[string, ItemState, ItemAction, ItemState]> = [
  ['a draft is edited', 'draft', 'edit', 'draft'],
  ['an approved item is edited: the review is void, back to draft', 'approved', 'edit', 'draft'],
  ['a published item is corrected in place', 'published', 'edit', 'published'],
  ['a file is attached to a draft', 'draft', 'attach', 'draft'],
  ['a file attached after approval: back to draft', 'approved', 'attach', 'draft'],
  ['a file is attached to a published item', 'published', 'attach', 'published'],
  ['a file is removed from a draft', 'draft', 'detach', 'draft'],
  ['a file removed after approval: back to draft', 'approved', 'detach', 'draft'],
  ['a file is removed from a published item', 'published', 'detach', 'published'],
  ['a draft is sent to 保密审查', 'draft', 'submit', 'in_review'],
  ['the reviewer approves', 'in_review', 'approve', 'approved'],
  ['the reviewer sends it back', 'in_review', 'reject', 'draft'],
  ['an approved item is published', 'approved', 'publish', 'published'],
  ['a published item is withdrawn', 'published', 'withdraw', 'withdrawn'],
  ['a published item is posted on WeChat', 'published', 'post', 'published'],
  ['a draft interpretation is linked to its policy', 'draft', 'link', 'draft'],
  ['an interpretation in review is linked', 'in_review', 'link', 'in_review'],
  ['an approved interpretation is linked', 'approved', 'link', 'approved'],
  ['a published interpretation is linked', 'published', 'link', 'published'],
];

describe('the item state machine', () => {
  it.each(ALLOWED)('allows: %s', (_situation, from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, to });
  });

  const allowed = new Set(ALLOWED.map(([, from, action]) => `${from}:${action}`));
  const refused = ITEM_STATES.flatMap((state) =>
    ITEM_ACTIONS.filter((action) => !allowed.has(`${state}:${action}`)).map(
      (action) => [state, action] as const,
    ),
  );

  it.each(refused)('refuses %s → %s with a Chinese reason naming the state', (state, action) => {
    const result = transition(state, action);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^该信息当前为“.+”，不能.+；只有.+的信息可以。$/);
  });

  it.each([
    ['publishing a draft that skipped 保密审查', 'draft', 'publish'],
    ['publishing an item still in review', 'in_review', 'publish'],
    ['editing an item while it is reviewed', 'in_review', 'edit'],
    ['withdrawing a draft', 'draft', 'withdraw'],
    ['republishing a withdrawn item', 'withdrawn', 'publish'],
    ['editing a withdrawn item', 'withdrawn', 'edit'],
    ['posting an unpublished item', 'approved', 'post'],
  ] as const)('refuses %s', (_situation, state, action) => {
    expect(transition(state, action).ok).toBe(false);
  });

  it('lists every move exactly once in the table', () => {
    const fromTable = Object.entries(TRANSITIONS).flatMap(([action, moves]) =>
      moves.map(([from]) => `${from}:${action}`),
    );
    expect(new Set(fromTable).size).toBe(fromTable.length);
    expect([...fromTable].sort()).toEqual([...allowed].sort());
  });

  it.each([
    ['draft', ['edit', 'attach', 'detach', 'submit', 'link']],
    ['in_review', ['approve', 'reject', 'link']],
    ['withdrawn', []],
  ] as const)('offers on a %s item: %j', (state, actions) => {
    expect(allowedActions(state)).toEqual(actions);
  });
});

describe('who may do what', () => {
  const operator = { username: 'wang', roles: ['operator'] };
  const reviewer = { username: 'li', roles: ['reviewer'] };
  const both = { username: 'zhao', roles: ['operator', 'reviewer'] };
  const approver = { username: 'sun', roles: ['approver'] };
  const admin = { username: 'qian', roles: ['agency_admin'] };

  it.each([
    ['an operator drafts', 'create', operator, 'someone', true],
    ['a reviewer alone may not draft', 'create', reviewer, 'someone', false],
    ['an operator submits', 'submit', operator, 'wang', true],
    // 三审: 发布 is the 审批负责人's (签发); the operator asks for it (提请签发发布)
    ['an approver publishes (签发)', 'publish', approver, 'someone', true],
    ['an operator may not publish', 'publish', operator, 'someone', false],
    ['an operator asks the approver to publish', 'request_approval', operator, 'someone', true],
    ['an approver alone has nothing to ask', 'request_approval', approver, 'someone', false],
    ['an agency admin may not publish (no role given it)', 'publish', admin, 'someone', false],
    ['an operator withdraws', 'withdraw', operator, 'someone', true],
    ['a reviewer approves another’s draft', 'approve', reviewer, 'wang', true],
    ['a reviewer rejects another’s draft', 'reject', reviewer, 'wang', true],
    ['an operator may not approve', 'approve', operator, 'someone', false],
    ['a reviewer may not publish', 'publish', reviewer, 'someone', false],
    ['a reviewer who drafted may not approve', 'approve', both, 'zhao', false],
    ['a reviewer who drafted may not reject either', 'reject', both, 'zhao', false],
    ['the same user may approve what someone else drafted', 'approve', both, 'wang', true],
  ] as const)('%s', (_situation, action, actor, drafter, ok) => {
    expect(refusalFor(action, actor, drafter) === null).toBe(ok);
  });

  it('says which role is missing, in Chinese', () => {
    expect(refusalFor('approve', operator, 'x')).toBe(
      '保密审查通过需要“保密审查员”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    );
    expect(refusalFor('approve', both, 'zhao')).toContain('起草人');
    expect(refusalFor('publish', operator, 'x')).toBe(
      '发布需要“审批负责人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    );
    expect(refusalFor('request_approval', reviewer, 'x')).toBe(
      '提请签发发布需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    );
  });

  it('names a role for every action', () => {
    for (const action of ITEM_ACTIONS)
      expect(ACTION_ROLES[action]).toEqual([expect.stringMatching(/^(operator|reviewer|approver)$/)]);
  });
});
