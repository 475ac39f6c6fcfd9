import { describe, expect, it } from 'vitest';
import { answerPreview } from '../letters/answer-section.ts';
import { OUTCOMES } from '../report/vocabulary.ts';
import {
  DECISION_SLOTS,
  decisionFields,
  decisionValues,
  missingDecisionFields,
  missingFieldsMessage,
  OUTCOME_CHOICES,
} from './decision-fields.ts';
import { OUTCOME_BASES, slotsOf } from './outcome-basis.ts';

describe('the fields of a decision (条例 第三十六条)', () => {
  it('declares every slot any basis’s sentence uses', () => {
    const used = OUTCOMES.flatMap((o) => OUTCOME_BASES[o].flatMap((b) => slotsOf(b.sentence)));
    expect(
      [...new Set(used)].filter((slot) => !(DECISION_SLOTS as readonly string[]).includes(slot)),
    ).toEqual([]);
  });

  it.each([
    ['予以公开 (第三十六条第（二）项): how, where and when', 'granted', 'a36.2', ['获取的方式、途径和时间']],
    ['already published (第三十六条第（一）项)', 'granted', 'a36.1', ['已主动公开的获取途径']],
    ['部分公开 (第三十七条)', 'partial', 'a37', ['获取的方式、途径和时间', '不予公开部分的理由']],
    [
      'another agency’s information (第三十六条第（五）项)',
      'unable.not_held',
      'a36.5',
      ['不属于本机关负责公开的理由', '负责公开该政府信息的行政机关', '该机关的联系方式'],
    ],
    ['a law forbids it (第十四条)', 'denied.law_prohibited', 'a14.law', ['禁止公开的法律、行政法规']],
    [
      'a query under a special law (第三十六条第（七）项)',
      'denied.query_matter',
      'a36.7.law',
      ['信息类别', '作出特别规定的法律、行政法规', '受理查询的机关'],
    ],
    ['a publication (第三十九条第二款)', 'not_processed.publication', 'a39.2', ['公开出版物的获取途径']],
    ['a state secret (第十四条): nothing to fill', 'denied.state_secret', 'a14.secret', []],
    ['not held (第三十六条第（四）项): nothing to fill', 'unable.not_held', 'a36.4', []],
    ['其他处理: staff word the answer', 'other.other', 'staff', ['答复内容及依据']],
    ['a basis the outcome does not allow', 'granted', 'a14.secret', []],
    [
      '条例 第三十二条: a 第十五条 refusal without a consultation says why none was sought',
      'denied.third_party',
      'a15',
      ['未书面征求第三方意见的理由'],
    ],
  ] as const)('%s', (_situation, outcome, basis, labels) => {
    expect(decisionFields(outcome, basis).map((f) => f.label)).toEqual(labels);
  });

  it('条例 第三十二条: a 第十五条 refusal after a consultation needs no reason for not consulting', () => {
    expect(decisionFields('denied.third_party', 'a15', { consulted: true })).toEqual([]);
    expect(missingDecisionFields('denied.third_party', 'a15', {}).map((f) => f.slot)).toEqual([
      'unconsulted',
    ]);
    expect(missingDecisionFields('denied.third_party', 'a15', {}, { consulted: true })).toEqual([]);
  });

  it('takes otherAgency as the agency, ignores blanks, and names what is missing in Chinese', () => {
    const values = decisionValues({ reason: '  ', contact: '0631-1' }, '威海市自然资源和规划局');
    expect(values).toEqual({ contact: '0631-1', agency: '威海市自然资源和规划局' });
    const missing = missingDecisionFields('unable.not_held', 'a36.5', values);
    expect(missing.map((f) => f.slot)).toEqual(['reason']);
    expect(missingFieldsMessage(missing)).toBe(
      '请填写“不属于本机关负责公开的理由”：所选法律依据的答复书要写明这一内容（条例第三十六条）。',
    );
  });

  it('groups the 21 outcomes under table 三’s six headings, in order', () => {
    expect(OUTCOME_CHOICES.map((g) => g.heading)).toEqual([
      '（一）予以公开',
      '（二）部分公开',
      '（三）不予公开',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
    ]);
    expect(OUTCOME_CHOICES.flatMap((g) => g.outcomes.map((o) => o.outcome))).toEqual([...OUTCOMES]);
    expect(OUTCOME_CHOICES[0].outcomes[0].label).toBe('予以公开');
  });

  it('previews the answer as the letter states it, an open field shown by its label', () => {
    const labelOf = (slot: string) =>
      decisionFields('partial', 'a37').find((f) => f.slot === slot)?.label ?? slot;
    const preview = answerPreview(
      { outcome: 'partial', basisCode: 'a37', slots: { delivery: '随函邮寄。' } },
      labelOf,
    );
    expect(preview).toMatch(/^根据《中华人民共和国政府信息公开条例》.*第三十七条的规定，现答复如下：/);
    expect(preview).toContain(
      '获取的方式、途径和时间：随函邮寄；其余部分不予公开，理由是：〔不予公开部分的理由〕。',
    );
    expect(answerPreview({ outcome: 'granted', basisCode: 'a14.secret' }, labelOf)).toBeNull();
  });
});
