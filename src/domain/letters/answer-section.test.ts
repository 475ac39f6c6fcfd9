import { describe, expect, it } from 'vitest';
import { type AnswerInput, answerSection } from './answer-section.ts';

const sectionOf = (input: AnswerInput) => {
  const result = answerSection(input);
  if (!result.ok) throw new Error(result.message);
  return result;
};

const PARTIAL_SLOTS = { delivery: '邮寄', reason: '涉及内部事务' };

describe('answerSection', () => {
  it.each<[string, AnswerInput, string, string]>([
    [
      'granted by default under (二), with how, where and when (第三十六条第（二）项)',
      { outcome: 'granted', slots: { delivery: '随本答复书邮寄' } },
      '第三十六条第（二）项',
      '属于公开范围，现予以公开',
    ],
    [
      'granted, already published',
      { outcome: 'granted', basisCode: 'a36.1', slots: { where: '临港区政府网站' } },
      '第三十六条第（一）项',
      '通过临港区政府网站获取',
    ],
    [
      'a state secret',
      { outcome: 'denied.state_secret' },
      '第十四条、第三十六条第（三）项',
      '依法确定为国家秘密',
    ],
    [
      'a third party objected',
      { outcome: 'denied.third_party' },
      '第十五条、第三十二条、第三十六条第（三）项',
      '第三方不同意公开',
    ],
    ['not held', { outcome: 'unable.not_held' }, '第三十六条第（四）项', '该政府信息不存在'],
    ['a petition', { outcome: 'not_processed.petition' }, '第三十九条第一款', '信访、投诉、举报'],
    ['not corrected in time', { outcome: 'other.no_correction' }, '第三十条', '逾期不补正'],
    [
      'the fee not paid',
      { outcome: 'other.no_fee' },
      '第四十二条、《政府信息公开信息处理费管理办法》第六条',
      '20个工作日内缴纳',
    ],
  ])('%s', (_situation, input, basis, statement) => {
    const { answer, missing } = sectionOf(input);
    expect(answer.basis).toContain(basis);
    expect(answer.statement).toContain(statement);
    expect(missing).toEqual([]);
  });

  it('names the responsible agency (第三十六条第（五）项) from otherAgency', () => {
    const { answer, missing } = sectionOf({
      outcome: 'unable.not_held',
      basisCode: 'a36.5',
      otherAgency: '威海市自然资源和规划局',
      slots: { reason: '该信息由市级部门制作并保存', contact: '0631-5200000' },
    });
    expect(answer.statement).toContain('负责公开该政府信息的行政机关为威海市自然资源和规划局');
    expect(answer.otherAgency).toBe('威海市自然资源和规划局');
    expect(missing).toEqual([]);
  });

  it('reports the slots staff left empty (第三十七条: how the rest is provided, why a part is withheld)', () => {
    expect(sectionOf({ outcome: 'partial' }).missing).toEqual(['delivery', 'reason']);
  });

  it('cites a partial answer’s provisions and its items’, once each, in the order of the law', () => {
    const { answer } = sectionOf({
      outcome: 'partial',
      slots: { reason: '涉及商业秘密' },
      items: [
        { description: '招标文件', outcome: 'granted' },
        { description: '投标报价明细', outcome: 'denied.third_party', reason: '涉及商业秘密。' },
        { description: '评标报告', outcome: 'denied.process_info' },
      ],
    });
    expect(answer.basis).toBe(
      '《中华人民共和国政府信息公开条例》第十五条、第十六条第二款、第三十二条、第三十六条第（二）项、第三十六条第（三）项、第三十七条',
    );
    expect(answer.items?.map((i) => i.outcomeLabel)).toEqual([
      '予以公开',
      '保护第三方合法权益不予公开',
      '属于四类过程性信息不予公开',
    ]);
  });

  it.each<[string, AnswerInput, string[], string[]]>([
    [
      'granted: review or suit',
      { outcome: 'granted' },
      ['六十日', '行政复议', '六个月', '行政诉讼'],
      ['十五日'],
    ],
    ['not held: review or suit', { outcome: 'unable.not_held' }, ['六十日', '六个月'], []],
    [
      'denied: review first (行政复议法 第二十三条)',
      { outcome: 'denied.state_secret' },
      ['六十日', '应当先向', '十五日', '行政诉讼'],
      ['六个月'],
    ],
    [
      'partial withheld under 第十六条: review first (法释〔2025〕8号 第一条第（二）项)',
      { outcome: 'partial', slots: PARTIAL_SLOTS, withheldUnder: 'a16' },
      ['应当先向'],
      ['六个月'],
    ],
    [
      'partial withheld on another ground: review or suit',
      { outcome: 'partial', slots: PARTIAL_SLOTS, withheldUnder: 'other' },
      ['六个月'],
      ['应当先向'],
    ],
    [
      'query matter: review only (法释〔2025〕8号 第十条第二款第（五）项)',
      { outcome: 'denied.query_matter' },
      ['六十日'],
      ['应当先向', '诉讼'],
    ],
    [
      'named bodies',
      { outcome: 'granted', reviewBody: '威海市人民政府', court: '威海市环翠区人民法院' },
      ['向威海市人民政府申请行政复议', '向威海市环翠区人民法院提起行政诉讼'],
      [],
    ],
  ])('the remedies, %s', (_situation, input, present, absent) => {
    const { remedies } = sectionOf(input);
    for (const text of present) expect(remedies).toContain(text);
    for (const text of absent) expect(remedies).not.toContain(text);
  });

  it.each<[string, AnswerInput, string]>([
    [
      'a basis the outcome does not allow',
      { outcome: 'granted', basisCode: 'a14.secret' },
      '不能以 a14.secret 为依据',
    ],
    ['an unknown basis', { outcome: 'granted', basisCode: 'nonsense' }, '不能以 nonsense 为依据'],
  ])('refuses %s', (_situation, input, message) => {
    const result = answerSection(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
