import { describe, expect, it } from 'vitest';
import {
  checkDelivery,
  type DeliveryInput,
  deliveryMethodForApplicant,
  deliverySentence,
} from './delivery.ts';

const LETTER_ON = '2026-05-06';
const TODAY = '2026-05-20';

describe('checkDelivery', () => {
  it.each<[string, DeliveryInput]>([
    [
      'posted the day the letter was dated',
      { method: 'post', sentOn: '2026-05-06', trackingNo: 'EA123456789CN' },
    ],
    ['e-mailed today', { method: 'email', sentOn: TODAY }],
    [
      'collected in person with a note',
      { method: 'in_person', sentOn: '2026-05-08', note: '申请人本人签收' },
    ],
    ['sent online, empty tracking number', { method: 'online', sentOn: '2026-05-07', trackingNo: '  ' }],
  ])('accepts a letter %s', (_name, input) => {
    expect(checkDelivery(input, LETTER_ON, TODAY).ok).toBe(true);
  });

  it.each<[string, DeliveryInput, string, RegExp]>([
    ['an unknown method', { method: 'fax', sentOn: TODAY }, 'method', /请选择送达方式：邮寄、电子邮件/],
    ['a malformed date', { method: 'email', sentOn: '2026-02-30' }, 'sentOn', /请填写送达日期/],
    [
      'a date in the future',
      { method: 'email', sentOn: '2026-05-21' },
      'sentOn',
      /不能晚于今天（2026-05-20）/,
    ],
    [
      'a date before the letter',
      { method: 'email', sentOn: '2026-05-05' },
      'sentOn',
      /不能早于文书日期（2026-05-06）/,
    ],
    [
      'post without a tracking number',
      { method: 'post', sentOn: TODAY },
      'trackingNo',
      /邮寄送达请填写邮件单号/,
    ],
    [
      'post with a malformed number',
      { method: 'post', sentOn: TODAY, trackingNo: '12 34' },
      'trackingNo',
      /6–40 位/,
    ],
    [
      'a tracking number for e-mail',
      { method: 'email', sentOn: TODAY, trackingNo: 'EA1234567' },
      'trackingNo',
      /只有邮寄/,
    ],
    ['a note too long', { method: 'email', sentOn: TODAY, note: '长'.repeat(501) }, 'note', /最长 500 个字/],
  ])('refuses %s, naming the field', (_name, input, field, message) => {
    const checked = checkDelivery(input, LETTER_ON, TODAY);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it('trims the tracking number and drops an empty note', () => {
    const checked = checkDelivery(
      { method: 'post', sentOn: TODAY, trackingNo: ' EA1234567CN ', note: ' ' },
      LETTER_ON,
      TODAY,
    );
    expect(checked).toEqual({
      ok: true,
      delivery: { method: 'post', sentOn: TODAY, trackingNo: 'EA1234567CN', note: null },
    });
  });
});

describe('deliverySentence', () => {
  it.each([
    [
      { method: 'post', sentOn: '2026-05-06', trackingNo: 'EA1234567CN' },
      '已于 5 月 6 日邮寄（单号 EA1234567CN）',
    ],
    [{ method: 'email', sentOn: '2026-11-20', trackingNo: null }, '已于 11 月 20 日通过电子邮件发送'],
    [{ method: 'in_person', sentOn: '2026-01-02', trackingNo: null }, '已于 1 月 2 日当面领取'],
    [{ method: 'online', sentOn: '2026-03-09', trackingNo: null }, '已于 3 月 9 日在线送达'],
  ] as const)('words %o for the applicant', (delivery, sentence) => {
    expect(deliverySentence(delivery)).toBe(sentence);
  });
});

describe('the 送达 method that follows the applicant’s chosen 获取方式', () => {
  it.each([
    ['邮寄 → 邮寄', 'post', 'post'],
    ['电子邮件 → 电子邮件', 'email', 'email'],
    ['自行领取 → 当面领取', 'pickup', 'in_person'],
    ['其他 → none chosen', 'other', null],
    ['nothing recorded', undefined, null],
    ['an unknown word', 'fax', null],
  ] as const)('%s', (_name, choice, method) => {
    expect(deliveryMethodForApplicant(choice)).toBe(method);
  });
});
