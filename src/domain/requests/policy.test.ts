import { describe, expect, it } from 'vitest';
import { caseActionRefusal, onTheSpotRefusal, registrationRefusal, requestRefusal } from './policy.ts';

describe('the requests policy’s refusals (the 403 messages)', () => {
  it.each([
    [
      'an approver registering',
      ['approver'],
      'register',
      '登记依申请公开需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      'a reviewer attaching',
      ['reviewer'],
      'attach',
      '上传附件需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      'an approver recording a delivery',
      ['approver'],
      'record_delivery',
      '登记文书送达需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      'a reviewer recording a 行政复议',
      ['reviewer'],
      'record_review',
      '登记行政复议、行政诉讼案件需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      'an agency admin recording a 行政诉讼',
      ['agency_admin'],
      'record_review',
      '登记行政复议、行政诉讼案件需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    ['an operator recording a 行政复议', ['operator'], 'record_review', null],
    [
      'a reviewer viewing the ID number',
      ['reviewer'],
      'view_applicant_id',
      '查看申请人完整证件号码需要“经办人”或“审批负责人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      '条例第四十三条: a reviewer recording the help given',
      ['reviewer'],
      'record_assistance',
      '登记为申请人提供的帮助（条例第四十三条）需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    ['an operator registering', ['operator'], 'register', null],
    ['条例第四十三条: an operator recording the help given', ['operator'], 'record_assistance', null],
    [
      '条例第十八条: an operator deciding the yearly review of withheld information',
      ['operator'],
      'review_withheld',
      '不予公开信息的定期评估审查决定（条例第十八条）需要“保密审查员”或“审批负责人”或“机关管理员”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    ['条例第十八条: a reviewer deciding the yearly review', ['reviewer'], 'review_withheld', null],
    ['条例第十八条: an approver deciding the yearly review', ['approver'], 'review_withheld', null],
    ['条例第十八条: an agency admin deciding the yearly review', ['agency_admin'], 'review_withheld', null],
    ['an approver viewing the ID number', ['approver'], 'view_applicant_id', null],
  ] as const)('%s', (_name, roles, verb, message) => {
    expect(requestRefusal({ roles }, verb)).toBe(message);
  });

  it.each([
    ['an operator extending', ['operator'], 'extend', '条例第三十三条'],
    [
      'an approver deciding',
      ['approver'],
      'decide',
      '办理依申请公开需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
  ] as const)('%s is refused', (_name, roles, action, message) => {
    expect(caseActionRefusal({ roles }, action)).toContain(message);
  });

  it.each([
    ['an approver extending', ['approver'], 'extend'],
    ['an operator deciding', ['operator'], 'decide'],
  ] as const)('%s is allowed', (_name, roles, action) => {
    expect(caseActionRefusal({ roles }, action)).toBeNull();
  });

  it.each([
    ['a citizen filing online (nobody signed in)', null, 'online', null],
    ['a citizen posing as a letter received', null, 'letter', '须由“经办人”登记'],
    ['条例第二十九条第一款: a citizen posing as an oral application', null, 'oral', '须由“经办人”登记'],
    ['an operator registering a letter', { roles: ['operator'] }, 'letter', null],
    ['an operator registering an online request', { roles: ['operator'] }, 'online', null],
    [
      'a reviewer registering a letter',
      { roles: ['reviewer'] },
      'letter',
      '登记依申请公开需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      'an approver registering an online request',
      { roles: ['approver'] },
      'online',
      '登记依申请公开需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
  ] as const)('registration: %s', (_name, actor, channel, message) => {
    const refusal = registrationRefusal(actor, channel);
    if (message === null) expect(refusal).toBeNull();
    else expect(refusal).toContain(message);
  });

  it('条例第四十一条: nobody signed in may not file a correction request, even online', () => {
    expect(registrationRefusal(null, 'online', 'record_correction')).toBe(
      '更正申请（条例第四十一条）须由“经办人”登记。',
    );
    expect(registrationRefusal({ roles: ['operator'] }, 'letter', 'record_correction')).toBeNull();
    expect(registrationRefusal({ roles: ['reviewer'] }, 'letter', 'record_correction')).toContain('经办人');
  });

  it.each([
    ['an operator (registers and decides)', { roles: ['operator'] }, null],
    [
      'a reviewer',
      { roles: ['reviewer'] },
      '登记依申请公开需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      'an approver',
      { roles: ['approver'] },
      '登记依申请公开需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    [
      'an agency administrator',
      { roles: ['agency_admin'] },
      '登记依申请公开需要“经办人”角色，您在本机关没有该角色；如需办理，请联系本机关的机关管理员。',
    ],
    ['nobody signed in', null, '当场答复须由工作人员登录后办理。'],
  ] as const)('条例第三十三条第一款: 当场答复 by %s', (_name, actor, message) => {
    expect(onTheSpotRefusal(actor)).toBe(message);
  });
});
