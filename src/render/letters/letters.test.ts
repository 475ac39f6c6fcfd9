import { describe, expect, it } from 'vitest';
import type { LetterKind } from '../../domain/letters/kinds.ts';
import type { LetterData } from '../../domain/letters/letter-data.ts';
import { BLANK } from '../../domain/letters/print.ts';
import {
  answeredLetterData,
  correctionLetterData,
  SAMPLE_CORRECTION_DECISIONS,
  SAMPLE_DECISIONS,
  sampleLetterData,
} from '../../domain/letters/testing.ts';
import { renderLetterDocx } from './docx.ts';
import { renderLetterHtml } from './html.ts';
import { docxPart, docxText, htmlText } from './testing.ts';

const REVIEW_OR_SUIT = ['行政复议', '自知道或者应当知道该行政行为之日起六十日内', '行政诉讼', '六个月'];
/** 不予公开 and 部分公开 go to 行政复议 first (行政复议法 第二十三条第一款第（四）项), then court within 15 days. */
const REVIEW_FIRST = ['应当先向', '自知道或者应当知道该行政行为之日起六十日内', '行政诉讼', '十五日'];
/** 信访、投诉、举报 and the other answers courts do not accept a suit on (法释〔2025〕8号 第十条第二款): 行政复议 only. */
const REVIEW_ONLY = ['可以自知道或者应当知道该行政行为之日起六十日内向', '申请行政复议。'];

const toAgency = sampleLetterData();
if (toAgency.consultation)
  toAgency.consultation = {
    ...toAgency.consultation,
    toAgency: true,
    party: '威海市财政局',
    coProducers: '威海市财政局',
  };

const oral = sampleLetterData();
oral.case = { ...oral.case, oralConfirmation: '经向您宣读后由您口头确认' };

/** [situation, kind, case, what the letter must say]. */
const CASES: Array<[string, LetterKind, LetterData, string[]]> = [
  [
    'a receipt',
    'receipt',
    sampleLetterData(),
    [
      '政府信息公开申请登记回执',
      '第三十一条',
      '第三十三条',
      '20个工作日',
      'k7m2p9q4r8s3t6v5w2x9y4z7a3b8c5d2',
    ],
  ],
  [
    '条例第二十九条第一款: the receipt of an oral application written up by the office',
    'receipt',
    oral,
    [
      '您于2021年3月2日口头提出政府信息公开申请。',
      '因您采用书面形式确有困难',
      '第二十九条第一款',
      '本机关政府信息公开工作机构已按您的口述代为填写政府信息公开申请，经向您宣读后由您口头确认，并予登记，登记号为临港依申请〔2021〕3号。',
    ],
  ],
  [
    'a correction notice',
    'correction',
    sampleLetterData(),
    ['补正告知书', '第三十条', '一次性告知', '1.请写明', '2.请提供', '2021年3月22日前'],
  ],
  [
    'a third-party consultation',
    'consultation',
    sampleLetterData(),
    ['第三方意见征询函', '威海临港建设工程有限公司：', '第三十二条', '自收到本函之日起15个工作日内'],
  ],
  [
    'a consultation of another agency',
    'consultation',
    toAgency,
    [
      '政府信息公开征求意见函',
      '威海市财政局：',
      '该政府信息由本机关与威海市财政局共同制作，本机关为牵头制作的行政机关。',
      '第三十四条',
      '15个工作日',
      '视为同意公开',
    ],
  ],
  [
    'an extension',
    'extension',
    sampleLetterData(),
    ['延期答复告知书', '第三十三条', '延长20个工作日', '2021年4月28日前'],
  ],
  [
    'a fee notice',
    'fee',
    sampleLetterData(),
    [
      '收费通知书',
      '国办函〔2020〕109号',
      '第四十二条',
      '人民币800元',
      '捌佰元整',
      '第31–33件，每件200元，计600元',
      '自收到本通知之日起20个工作日内',
    ],
  ],
  [
    'a grant',
    'answer.granted',
    answeredLetterData(SAMPLE_DECISIONS.granted),
    ['答复书', '第三十六条第（二）项', '予以公开', ...REVIEW_OR_SUIT],
  ],
  [
    'a partial grant',
    'answer.partial',
    answeredLetterData(SAMPLE_DECISIONS.partial),
    ['第三十七条', '1.招标文件：予以公开。', '2.投标报价明细：保护第三方合法权益不予公开。', ...REVIEW_FIRST],
  ],
  [
    'a state secret',
    'answer.denied',
    answeredLetterData(SAMPLE_DECISIONS.denied),
    ['第十四条', '国家秘密', '不予公开', ...REVIEW_FIRST],
  ],
  [
    'information not held',
    'answer.unable',
    answeredLetterData(SAMPLE_DECISIONS.unable),
    ['第三十六条第（四）项', '该政府信息不存在', ...REVIEW_OR_SUIT],
  ],
  [
    'a petition',
    'answer.not_processed',
    answeredLetterData(SAMPLE_DECISIONS.not_processed),
    ['第三十九条', '不作为政府信息公开申请处理', ...REVIEW_ONLY],
  ],
  [
    'no correction',
    'answer.other',
    answeredLetterData(SAMPLE_DECISIONS.other),
    ['第三十条', '视为放弃申请', ...REVIEW_OR_SUIT],
  ],
  [
    '条例第四十一条: a correction request’s receipt',
    'correction_receipt',
    correctionLetterData(SAMPLE_CORRECTION_DECISIONS.corrected),
    [
      '政府信息更正申请登记回执',
      '第四十一条',
      '2020年度临港区城乡低保对象名单中李华的家庭人口数',
      '力争于2021年3月30日前告知',
    ],
  ],
  [
    '条例第四十一条: a correction made',
    'correction_answer',
    correctionLetterData(SAMPLE_CORRECTION_DECISIONS.corrected),
    [
      '政府信息更正申请答复书',
      '认为其中“名单记载家庭人口为4人，实际为3人”不准确',
      '本机关已予以更正：将家庭人口由4人更正为3人',
      ...REVIEW_OR_SUIT,
    ],
  ],
  [
    '条例第四十一条: a correction request transferred',
    'correction_answer',
    correctionLetterData(SAMPLE_CORRECTION_DECISIONS.transferred),
    ['转送有权更正的行政机关威海市公安局临港分局处理', '户籍信息由公安机关登记管理。', ...REVIEW_OR_SUIT],
  ],
  [
    '条例第四十一条: the applicant told where to ask',
    'correction_answer',
    correctionLetterData(SAMPLE_CORRECTION_DECISIONS.referred),
    ['请您向有权更正的行政机关威海市民政局（联系方式：0631-5233001）提出', ...REVIEW_OR_SUIT],
  ],
  [
    '条例第四十一条: a correction refused for want of evidence, with its reason',
    'correction_answer',
    correctionLetterData(SAMPLE_CORRECTION_DECISIONS.refused),
    [
      '不足以证明该政府信息记录不准确，本机关不予更正。',
      '不能证明名单制作时（2020年6月）的家庭人口。',
      ...REVIEW_OR_SUIT,
    ],
  ],
];

const COMMON = [
  '临港依申请〔2021〕3号',
  '威海临港经济技术开发区管理委员会',
  '2021年3月8日',
  '联系电话：0631-5587393',
];

describe('every letter, in HTML and DOCX', () => {
  it.each([
    ['条例 第三十二条: the consultation', 'consultation' as const, '2021年3月29日'],
    ['109号: the fee notice', 'fee' as const, '2021年4月7日'],
  ])(
    '%s states the period from receipt, not a date counted from the day of issue',
    (_situation, kind, issued) => {
      const text = htmlText(renderLetterHtml(kind, sampleLetterData()));
      expect(text).toMatch(/自收到本(函|通知)之日起(15|20)个工作日内/u);
      expect(text).not.toContain(issued);
    },
  );

  it.each(CASES)('%s (%s) names its provisions and dates in HTML', (_situation, kind, data, expected) => {
    const text = htmlText(renderLetterHtml(kind, data));
    for (const phrase of [...expected, ...COMMON]) expect(text).toContain(phrase);
    expect(text).not.toContain(BLANK);
  });

  it.each(CASES)(
    '%s (%s) names its provisions and dates in DOCX',
    async (_situation, kind, data, expected) => {
      const text = docxText(await docxPart(await renderLetterDocx(kind, data)));
      for (const phrase of [...expected, ...COMMON]) expect(text).toContain(phrase);
      expect(text).not.toContain(BLANK);
    },
  );

  it('does not tell a third party who applied', () => {
    expect(htmlText(renderLetterHtml('consultation', sampleLetterData()))).not.toContain('李华');
  });
});
