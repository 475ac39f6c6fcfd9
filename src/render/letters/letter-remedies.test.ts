/**
 * The remedies every answer letter names, as the law has them: each 答复书 (outcome × basis ×
 * where the withheld part rests) and each 更正申请答复书 (条例 第四十一条, 第五十一条).
 */
import { describe, expect, it } from 'vitest';
import { type AnswerInput, answerSection } from '../../domain/letters/answer-section.ts';
import { answerKind } from '../../domain/letters/kinds.ts';
import {
  correctionLetterData,
  SAMPLE_CORRECTION_DECISIONS,
  sampleDecision,
  sampleLetterData,
} from '../../domain/letters/testing.ts';
import { OUTCOMES, type Outcome } from '../../domain/report/vocabulary.ts';
import { OUTCOME_BASES } from '../../domain/requests/outcome-basis.ts';
import type { WithheldUnder } from '../../domain/requests/remedies.ts';
import { renderLetterHtml } from './html.ts';
import { htmlText } from './testing.ts';

/**
 * The remedies of each answer, as the law has them (docs/law.md):
 * - 复议法 第二十三条第一款第（四）项 with 法释〔2025〕8号 第一条第（二）项: a refusal under 条例 第十四–十六条 (and
 *   a 部分公开 withholding under them) goes to 行政复议 first — “应当先向〔body〕申请行政复议” (第二十三条第二款);
 * - 法释〔2025〕8号 第十条第二款第（四）–（八）项: no suit is offered for 不予重复处理, 工商/不动产登记 查询,
 *   加工分析, 信访投诉举报, 公开出版物 — 行政复议 only;
 * - otherwise 行政复议 within 六十日 (复议法 第二十条) or a suit within 六个月 (诉讼法 第四十六条).
 */
const REVIEW_FIRST_OUTCOMES: readonly Outcome[] = [
  'denied.state_secret',
  'denied.law_prohibited',
  'denied.security_stability',
  'denied.third_party',
  'denied.internal_affairs',
  'denied.process_info',
  'denied.enforcement_file',
];
const NO_SUIT_BASES = ['a36.6', 'a36.6.reissue', 'a36.7', 'a36.7.law', 'a38', 'a39.1', 'a39.2'];
const BODIES = { reviewBody: '威海市人民政府', court: '威海市环翠区人民法院' };
const SHALL_FIRST = '应当先向威海市人民政府申请行政复议';
const MAY_REVIEW = '可以自知道或者应当知道该行政行为之日起六十日内向威海市人民政府申请行政复议';
const SIX_MONTHS = '自知道或者应当知道该行政行为之日起六个月内向威海市环翠区人民法院提起行政诉讼';
const AFTER_REVIEW = '自收到行政复议决定书之日起十五日内向威海市环翠区人民法院提起行政诉讼';

type Route = 'review_first' | 'review_or_suit' | 'review_only';
type RemedyRow = readonly [Outcome, string, WithheldUnder | 'items' | '', Route];
const remedyCases = OUTCOMES.flatMap((outcome) =>
  OUTCOME_BASES[outcome].flatMap((basis): RemedyRow[] => {
    if (outcome === 'partial') {
      const withheld: Array<[WithheldUnder | 'items', Route]> = [
        ['items', 'review_first'],
        ['a14', 'review_first'],
        ['a15', 'review_first'],
        ['a16', 'review_first'],
        ['other', 'review_or_suit'],
      ];
      return withheld.map(([under, route]): RemedyRow => [outcome, basis.code, under, route]);
    }
    const route: Route = REVIEW_FIRST_OUTCOMES.includes(outcome)
      ? 'review_first'
      : NO_SUIT_BASES.includes(basis.code)
        ? 'review_only'
        : 'review_or_suit';
    return [[outcome, basis.code, '', route]];
  }),
);

describe('every 答复书 names its remedies as the law has them (复议法 第二十条、第二十三条; 诉讼法 第四十六条; 法释〔2025〕8号)', () => {
  it.each(remedyCases)('%s on %s %s: %s', (outcome, code, under, route) => {
    const decision = sampleDecision(outcome, code);
    const input: AnswerInput =
      under === '' || under === 'items'
        ? { ...decision, ...BODIES }
        : { ...decision, items: undefined, withheldUnder: under, ...BODIES };
    const result = answerSection(input);
    if (!result.ok) throw new Error(result.message);
    const text = htmlText(
      renderLetterHtml(
        answerKind(outcome),
        sampleLetterData({ answer: result.answer, remedies: result.remedies }),
      ),
    );
    expect(text).toContain('自知道或者应当知道该行政行为之日起六十日内');
    expect(text).toContain('威海市人民政府');
    if (route === 'review_first') {
      expect(text).toContain(SHALL_FIRST);
      expect(text).toContain(AFTER_REVIEW);
      expect(text).not.toContain(MAY_REVIEW);
      expect(text).not.toContain('六个月');
    } else {
      expect(text).toContain(MAY_REVIEW);
      expect(text).not.toContain('应当先');
    }
    if (route === 'review_or_suit') expect(text).toContain(SIX_MONTHS);
    if (route === 'review_only') expect(text).not.toContain('行政诉讼');
    expect(result.remedies).not.toContain('投诉、举报');
  });

  it('条例 第四十七条第二款: the complaint channel is named when the agency has set one', () => {
    const result = answerSection({
      ...sampleDecision('unable.not_held', 'a36.4'),
      ...BODIES,
      complaintChannel: '威海市人民政府办公室',
    });
    if (!result.ok) throw new Error(result.message);
    const text = htmlText(
      renderLetterHtml(
        'answer.unable',
        sampleLetterData({ answer: result.answer, remedies: result.remedies }),
      ),
    );
    expect(text).toContain('也可以向威海市人民政府办公室投诉、举报。');
  });
});

describe('条例第四十一条: every 更正申请答复书 quotes the article and names its remedies', () => {
  it.each(Object.entries(SAMPLE_CORRECTION_DECISIONS))(
    '条例第四十一条: %s quotes 第四十一条 verbatim and offers 行政复议 or a suit (条例第五十一条)',
    (_outcome, decision) => {
      const text = htmlText(renderLetterHtml('correction_answer', correctionLetterData(decision)));
      expect(text).toContain('政府信息更正申请答复书');
      expect(text).toContain(
        '第四十一条规定：“公民、法人或者其他组织有证据证明行政机关提供的与其自身相关的政府信息记录不准确的，可以要求行政机关更正。' +
          '有权更正的行政机关审核属实的，应当予以更正并告知申请人；不属于本行政机关职能范围的，行政机关可以转送有权更正的' +
          '行政机关处理并告知申请人，或者告知申请人向有权更正的行政机关提出。”',
      );
      expect(text).toContain(MAY_REVIEW);
      expect(text).toContain(SIX_MONTHS);
      expect(text).not.toContain('应当先');
      expect(text).not.toContain('政府信息公开申请答复书');
    },
  );

  it('条例第四十一条: a correction answer without its statement is never rendered', () => {
    const { correctionAnswer: _none, ...data } = correctionLetterData(SAMPLE_CORRECTION_DECISIONS.corrected);
    expect(() => renderLetterHtml('correction_answer', data)).toThrow(/答复内容/);
  });
});
