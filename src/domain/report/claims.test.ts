import { describe, expect, it } from 'vitest';
import { type Claim, findClaims } from './claims.ts';
import { formatById } from './formats/registry.ts';

const SUITS = ['t4.suit_direct.total', 't4.suit_after_review.total'];
const VALID = ['t2.regulation.valid', 't2.normative.valid'];

describe('findClaims', () => {
  it.each<[string, string, Claim[]]>([
    ['no numbers', '依法依规做好政府信息公开工作。', []],
    ['a number that is no table quantity', '组织开展政务公开业务培训会议2次。', []],
    [
      '本年新收 with the full words',
      '本年新收政府信息公开申请6件',
      [{ quote: '本年新收政府信息公开申请6件', value: 6, cells: ['t3.new.total'] }],
    ],
    [
      '本年新收 abbreviated',
      '本年新收申请12件',
      [{ quote: '本年新收申请12件', value: 12, cells: ['t3.new.total'] }],
    ],
    ['上年结转', '上年结转2件', [{ quote: '上年结转2件', value: 2, cells: ['t3.carried_in.total'] }]],
    [
      '上年结转 with the full words',
      '上年结转政府信息公开申请3件',
      [{ quote: '上年结转政府信息公开申请3件', value: 3, cells: ['t3.carried_in.total'] }],
    ],
    [
      '结转下年度',
      '结转下年度继续办理1件',
      [{ quote: '结转下年度继续办理1件', value: 1, cells: ['t3.carried_out.total'] }],
    ],
    [
      '结转下年度 abbreviated',
      '结转下年度4件',
      [{ quote: '结转下年度4件', value: 4, cells: ['t3.carried_out.total'] }],
    ],
    ['依法依规处理', '依法依规处理6件', [{ quote: '依法依规处理6件', value: 6, cells: ['t3.total.total'] }]],
    ['予以公开', '予以公开1件', [{ quote: '予以公开1件', value: 1, cells: ['t3.granted.total'] }]],
    ['部分公开', '部分公开2件', [{ quote: '部分公开2件', value: 2, cells: ['t3.partial.total'] }]],
    [
      '不予公开 for a state secret',
      '属于国家秘密不予公开3件',
      [{ quote: '属于国家秘密不予公开3件', value: 3, cells: ['t3.denied.state_secret.total'] }],
    ],
    [
      '不予公开 for “三安全一稳定” (quotation marks in the phrase)',
      '危及“三安全一稳定”不予公开1件',
      [{ quote: '危及“三安全一稳定”不予公开1件', value: 1, cells: ['t3.denied.security_stability.total'] }],
    ],
    [
      '无法提供, not held',
      '本机关不掌握相关政府信息无法提供2件',
      [{ quote: '本机关不掌握相关政府信息无法提供2件', value: 2, cells: ['t3.unable.not_held.total'] }],
    ],
    [
      '不予处理, duplicate',
      '重复申请不予处理5件',
      [{ quote: '重复申请不予处理5件', value: 5, cells: ['t3.not_processed.duplicate.total'] }],
    ],
    [
      '逾期不补正: the longest phrase wins over “其他处理1件”',
      '申请人无正当理由逾期不补正做其他处理1件',
      [
        {
          quote: '申请人无正当理由逾期不补正做其他处理1件',
          value: 1,
          cells: ['t3.other.no_correction.total'],
        },
      ],
    ],
    [
      '逾期未缴费: the longest phrase wins over “其他处理2件”',
      '申请人逾期未按收费通知要求缴纳费用做其他处理2件',
      [
        {
          quote: '申请人逾期未按收费通知要求缴纳费用做其他处理2件',
          value: 2,
          cells: ['t3.other.no_fee.total'],
        },
      ],
    ],
    [
      '其他处理 on its own: the row 3.其他, or the whole group (六)',
      '其他处理1件',
      [
        {
          quote: '其他处理1件',
          value: 1,
          cells: ['t3.other.other.total'],
          alternatives: [['t3.other.no_correction.total', 't3.other.no_fee.total', 't3.other.other.total']],
        },
      ],
    ],
    [
      '收到申请: new requests, or new and carried-over',
      '全年共收到政府信息公开申请12件',
      [
        {
          quote: '共收到政府信息公开申请12件',
          value: 12,
          cells: ['t3.new.total'],
          alternatives: [['t3.new.total', 't3.carried_in.total']],
        },
      ],
    ],
    [
      '办理申请: new, new and carried-over, or decided',
      '办理依申请公开申请8件',
      [
        {
          quote: '办理依申请公开申请8件',
          value: 8,
          cells: ['t3.new.total'],
          alternatives: [['t3.new.total', 't3.carried_in.total'], ['t3.total.total']],
        },
      ],
    ],
    ['申请 by channel is no claim', '其中网络提交申请5件，收到网络申请5件', []],
    [
      'a group named as a whole',
      '因本机关不掌握等原因无法提供265件',
      [
        {
          quote: '无法提供265件',
          value: 265,
          cells: ['t3.unable.not_held.total', 't3.unable.needs_creation.total', 't3.unable.unclear.total'],
        },
      ],
    ],
    [
      '予以公开及部分公开',
      '予以公开及部分公开258件，占33.9%',
      [{ quote: '予以公开及部分公开258件', value: 258, cells: ['t3.granted.total', 't3.partial.total'] }],
    ],
    ['不予以公开 is not 予以公开', '不予以公开2件', []],
    ['办结 without the requests named (更正申请 in section 六) is no claim', '收到更正申请2件，办结2件', []],
    [
      '办结 with the requests named',
      '办结政府信息公开申请7件',
      [{ quote: '办结政府信息公开申请7件', value: 7, cells: ['t3.total.total'] }],
    ],
    ['复议 cases the agency decides as 复议机关', '全年办理行政复议案件30件，审结28件', []],
    [
      '复议 and 诉讼 together',
      '因政府信息公开引起的行政复议和行政诉讼案件3件',
      [
        {
          quote: '行政复议和行政诉讼案件3件',
          value: 3,
          cells: ['t4.review.total', 't4.suit_direct.total', 't4.suit_after_review.total'],
        },
      ],
    ],
    [
      '主动公开 items: stated, not a table cell',
      '主动公开政府信息9182条',
      [{ quote: '主动公开政府信息9182条', value: 9182, cells: [] }],
    ],
    ['行政复议', '被申请行政复议1件', [{ quote: '行政复议1件', value: 1, cells: ['t4.review.total'] }]],
    ['行政诉讼: both suit groups', '被提起行政诉讼2件', [{ quote: '行政诉讼2件', value: 2, cells: SUITS }]],
    [
      '现行有效件数: both kinds',
      '现行有效件数11件',
      [{ quote: '现行有效件数11件', value: 11, cells: VALID }],
    ],
    [
      '无…行政复议和行政诉讼: zero reconsiderations and zero suits',
      '无因政府信息公开引起的行政复议和行政诉讼。',
      [
        { quote: '无因政府信息公开引起的行政复议', value: 0, cells: ['t4.review.total'] },
        { quote: '无因政府信息公开引起的行政复议和行政诉讼', value: 0, cells: SUITS },
      ],
    ],
    [
      '无…行政复议 only',
      '无因政府信息公开引起的行政复议。',
      [{ quote: '无因政府信息公开引起的行政复议', value: 0, cells: ['t4.review.total'] }],
    ],
    [
      'the seed’s outcome sentence, in order of appearance',
      '从办理结果情况看，予以公开1件，部分公开2件、本机关不掌握相关政府信息无法提供2件、申请人无正当理由逾期不补正做其他处理1件。',
      [
        { quote: '予以公开1件', value: 1, cells: ['t3.granted.total'] },
        { quote: '部分公开2件', value: 2, cells: ['t3.partial.total'] },
        { quote: '本机关不掌握相关政府信息无法提供2件', value: 2, cells: ['t3.unable.not_held.total'] },
        {
          quote: '申请人无正当理由逾期不补正做其他处理1件',
          value: 1,
          cells: ['t3.other.no_correction.total'],
        },
      ],
    ],
    [
      'the same phrase twice',
      '予以公开1件。……予以公开1件。',
      [
        { quote: '予以公开1件', value: 1, cells: ['t3.granted.total'] },
        { quote: '予以公开1件', value: 1, cells: ['t3.granted.total'] },
      ],
    ],
    [
      'a number of several digits',
      '本年新收政府信息公开申请1024件',
      [{ quote: '本年新收政府信息公开申请1024件', value: 1024, cells: ['t3.new.total'] }],
    ],
  ])('%s', (_situation, text, claims) => {
    expect(findClaims(text, formatById('2021'))).toEqual(claims);
  });
});
