import { describe, expect, it } from 'vitest';
import { caseEventDetail } from './case-event-detail.ts';

describe('the detail line of a case’s timeline entry', () => {
  it.each<[string, string, Record<string, unknown>, string | null]>([
    [
      '条例第三十四条: a consultation of another agency names the co-producers and the lead',
      'consultation_sent',
      { kind: 'agency', party: '威海市生态环境局', coProducers: ['威海市生态环境局'], lead: 'this' },
      '征求威海市生态环境局意见；共同制作：本机关、威海市生态环境局；牵头制作：本机关（条例第三十四条）',
    ],
    [
      '条例第三十二条: a third party’s consultation adds nothing',
      'consultation_sent',
      { kind: 'third_party' },
      null,
    ],
    [
      '条例第二十九条第一款: an oral application',
      'received',
      { oral: { difficulty: '不识字' } },
      '口头提出，由本机关代为填写（条例第二十九条第一款）',
    ],
    ['a written application adds nothing', 'received', { channel: 'letter' }, null],
    [
      '条例第四十三条: the help given',
      'assistance_recorded',
      { before: null, after: { needs: ['hearing', 'reading'], help: '宣读' } },
      '申请人存在的困难：阅读困难、听觉障碍（条例第四十三条）',
    ],
  ])('%s', (_situation, type, data, line) => {
    expect(caseEventDetail({ type, data })).toBe(line);
  });
});
