import { describe, expect, it } from 'vitest';
import { refusalFor, transition } from '../items/state-machine.ts';
import {
  APPROVABLE_ACTIONS,
  APPROVABLE_ITEM_ACTIONS,
  approvalTextProblem,
  duplicateApprovalProblem,
  duplicateItemApprovalProblem,
  isApprovableAction,
  isApprovableItemAction,
  needsApproval,
  needsItemApproval,
} from './approvals.ts';
import { requestRefusal } from './policy.ts';
import { CASE_ACTIONS } from './state-machine.ts';

describe('提请审批: who asks for approval instead of acting', () => {
  it.each([
    ['条例第三十三条第二款: an operator extending asks the approver', ['operator'], 'extend', true],
    ['an approver extends directly', ['approver'], 'extend', false],
    ['an operator who is also the approver extends directly', ['operator', 'approver'], 'extend', false],
    ['a reviewer may not ask (no operator role)', ['reviewer'], 'extend', false],
    ['an agency admin may not ask', ['agency_admin'], 'extend', false],
    ['an operator decides directly: deciding needs no approval', ['operator'], 'decide', false],
    ['an approver may not decide, and deciding is not put to approval', ['approver'], 'decide', false],
    ['an unknown action', ['operator'], 'nonsense', false],
  ] as const)('%s', (_name, roles, action, expected) => {
    expect(needsApproval({ roles }, action)).toBe(expected);
  });

  it('every approvable action is a case action the operator may not take alone', () => {
    for (const action of APPROVABLE_ACTIONS) {
      expect(CASE_ACTIONS).toContain(action);
      expect(needsApproval({ roles: ['operator'] }, action)).toBe(true);
    }
    expect(isApprovableAction('decide')).toBe(false);
  });

  it.each([
    ['the operator asks', ['operator'], 'request_approval', null],
    [
      'an approver asks',
      ['approver'],
      'request_approval',
      '提请审批需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    ['the approver decides', ['approver'], 'decide_approval', null],
    ['an operator decides their own request', ['operator'], 'decide_approval', '审批负责人'],
    ['a reviewer decides', ['reviewer'], 'decide_approval', '审批负责人'],
  ] as const)('policy: %s', (_name, roles, verb, refusal) => {
    const found = requestRefusal({ roles }, verb);
    if (refusal === null) expect(found).toBeNull();
    else expect(found).toContain(refusal);
  });
});

describe('提请签发发布: an item’s 发布 is the approver’s (三审: 经办人 drafts, 保密审查员 reviews, 审批负责人 签发)', () => {
  it.each([
    ['an operator publishing asks the approver', ['operator'], 'publish', true],
    ['an approver publishes directly', ['approver'], 'publish', false],
    ['an operator who is also the approver publishes directly', ['operator', 'approver'], 'publish', false],
    ['a reviewer may not ask (no operator role)', ['reviewer'], 'publish', false],
    ['an agency admin alone may not ask', ['agency_admin'], 'publish', false],
    ['the demo admin (agency admin and operator) asks', ['agency_admin', 'operator'], 'publish', true],
    ['an operator withdraws directly: withdrawing is not put to approval', ['operator'], 'withdraw', false],
    ['a case action is not an item’s', ['operator'], 'extend', false],
  ] as const)('%s', (_name, roles, action, expected) => {
    expect(needsItemApproval({ roles }, action)).toBe(expected);
  });

  it('every approvable item action is one the operator may not take, from 审查通过待发布', () => {
    for (const action of APPROVABLE_ITEM_ACTIONS) {
      expect(refusalFor(action, { username: 'wang', roles: ['operator'] }, 'someone')).toContain(
        '审批负责人',
      );
      expect(refusalFor(action, { username: 'sun', roles: ['approver'] }, 'someone')).toBeNull();
      expect(transition('approved', action)).toEqual({ ok: true, to: 'published' });
    }
    expect(isApprovableItemAction('withdraw')).toBe(false);
  });

  it('refuses a second pending request for the item’s 签发发布, naming who asked', () => {
    expect(duplicateItemApprovalProblem([], 'publish')).toBeNull();
    expect(duplicateItemApprovalProblem([{ action: 'publish', requestedBy: '王经办' }], 'publish')).toBe(
      '该信息已有待审批的“签发发布”（由 王经办 提请），请等待审批负责人批准或退回后再提请。',
    );
  });
});

describe('the text of a request for approval or of its return', () => {
  it.each([
    ['missing', undefined, '请填写退回理由。'],
    ['blank', '   ', '请填写退回理由。'],
    ['too long', '理'.repeat(1001), '退回理由不能超过1000个字，请精简后再提交。'],
    ['given', '延期理由不充分，请补充需要征求意见的第三方', null],
  ] as const)('%s', (_name, text, problem) => {
    expect(approvalTextProblem(text, '退回理由')).toBe(problem);
  });

  it.each([
    ['none pending', [], null],
    ['another action pending', [{ action: 'decide', requestedBy: 'a' }], null],
    [
      'the same action pending',
      [{ action: 'extend', requestedBy: 'lingang-operator' }],
      '该申请已有待审批的“延期答复”（由 lingang-operator 提请），请等待审批负责人批准或退回后再提请。',
    ],
  ] as const)('duplicate: %s', (_name, pending, problem) => {
    expect(duplicateApprovalProblem(pending, 'extend', '延期答复')).toBe(problem);
  });
});
