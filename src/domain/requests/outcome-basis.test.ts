import { describe, expect, it } from 'vitest';
import { OUTCOMES, type Outcome } from '../report/vocabulary.ts';
import {
  citationText,
  defaultBasis,
  fillSentence,
  findBasis,
  OUTCOME_BASES,
  requestOutcome,
  slotsOf,
  validateDecisionBasis,
} from './outcome-basis.ts';

const ARTICLE = /^第[一二三四五六七八九十]+条/;

describe('every outcome has a legal basis', () => {
  it.each(OUTCOMES.map((o) => [o]))(
    '%s has at least one basis, each naming an article and a sentence',
    (outcome) => {
      const bases = OUTCOME_BASES[outcome];
      expect(bases.length).toBeGreaterThan(0);
      for (const basis of bases) {
        expect(basis.sentence.length).toBeGreaterThan(0);
        if (basis.staffWritten) continue;
        expect(basis.citations.length).toBeGreaterThan(0);
        for (const citation of basis.citations) expect(citation.article).toMatch(ARTICLE);
      }
    },
  );

  it('leaves only other.other for staff to cite', () => {
    const staffWritten = OUTCOMES.filter((o) => OUTCOME_BASES[o].some((b) => b.staffWritten));
    expect(staffWritten).toEqual(['other.other']);
  });

  it('uses each basis code once per outcome', () => {
    for (const outcome of OUTCOMES) {
      const codes = OUTCOME_BASES[outcome].map((b) => b.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });
});

describe('the article each outcome rests on by default', () => {
  it.each<[Outcome, string, string]>([
    ['granted', '第三十六条第（二）项', '属于公开范围，现予以公开'],
    ['partial', '第三十七条', '区分处理'],
    ['denied.state_secret', '第十四条', '国家秘密'],
    ['denied.law_prohibited', '第十四条', '禁止公开'],
    ['denied.security_stability', '第十四条', '社会稳定'],
    ['denied.third_party', '第十五条、第三十二条', '第三方'],
    ['denied.internal_affairs', '第十六条第一款', '内部事务信息'],
    ['denied.process_info', '第十六条第二款', '过程性信息'],
    ['denied.enforcement_file', '第十六条第二款', '行政执法案卷'],
    ['denied.query_matter', '第三十六条第（七）项', '工商、不动产登记资料'],
    ['unable.not_held', '第三十六条第（四）项', '不存在'],
    ['unable.needs_creation', '第三十八条', '加工、分析'],
    ['unable.unclear', '第三十条', '仍不明确'],
    ['not_processed.petition', '第三十九条第一款', '信访、投诉、举报'],
    ['not_processed.duplicate', '第三十六条第（六）项', '不予重复处理'],
    ['not_processed.publication', '第三十九条第二款', '公开出版物'],
    ['not_processed.excessive', '第三十五条', '明显超过合理范围'],
    ['not_processed.confirm_info', '第二条、第三十八条', '确认或者重新出具'],
    ['other.no_correction', '第三十条', '逾期不补正'],
    ['other.no_fee', '《政府信息公开信息处理费管理办法》第六条', '20个工作日'],
  ])('%s: %s', (outcome, article, phrase) => {
    const basis = defaultBasis(outcome);
    expect(citationText(basis.citations)).toContain(article);
    expect(basis.sentence).toContain(phrase);
  });

  it('cites every refusal under 第三十六条第（三）项 too, except a 查询事项 (its own item (七))', () => {
    for (const outcome of OUTCOMES.filter((o) => o.startsWith('denied.') && o !== 'denied.query_matter'))
      for (const basis of OUTCOME_BASES[outcome])
        expect(basis.citations.map((c) => c.article)).toContain('第三十六条第（三）项');
  });

  it('names the law once per run of its articles', () => {
    expect(citationText(defaultBasis('other.no_fee').citations)).toBe(
      '《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》第六条',
    );
  });
});

describe('validateDecisionBasis', () => {
  it.each([
    ['no basis chosen: the default', 'unable.not_held', undefined, 'a36.4'],
    ['not found after search', 'unable.not_held', 'a36.4', 'a36.4'],
    ['another agency’s information', 'unable.not_held', 'a36.5', 'a36.5'],
    ['already proactively disclosed', 'granted', 'a36.1', 'a36.1'],
    ['a third party not consulted', 'denied.third_party', 'a15', 'a15'],
    ['a registration law named', 'denied.query_matter', 'a36.7.law', 'a36.7.law'],
  ])('accepts %s', (_situation, outcome, code, expected) => {
    expect(validateDecisionBasis(outcome, code)).toBeNull();
    expect(findBasis(outcome as Outcome, code)?.code).toBe(expected);
  });

  it.each([
    ['a basis of another outcome', 'granted', 'a36.4', '不能以 a36.4 为依据'],
    ['an unknown basis', 'partial', 'a99', '可选：a37'],
    ['an unknown outcome', 'denied.rude', undefined, '未知的办理结果'],
  ])('refuses %s', (_situation, outcome, code, message) => {
    expect(validateDecisionBasis(outcome, code)).toContain(message);
  });
});

describe('fillSentence', () => {
  const named = OUTCOME_BASES['unable.not_held'].find((b) => b.code === 'a36.5');

  it('names the responsible agency under 第三十六条第（五）项', () => {
    expect(named && slotsOf(named.sentence)).toEqual(['reason', 'agency', 'contact']);
    const filled = fillSentence(named?.sentence ?? '', {
      reason: '该信息由市自然资源局制作',
      agency: '市自然资源和规划局',
      contact: '0631-1234567',
    });
    expect(filled.missing).toEqual([]);
    expect(filled.text).toContain(
      '负责公开该政府信息的行政机关为市自然资源和规划局，联系方式：0631-1234567。',
    );
  });

  it.each([
    ['a slot left out', { reason: '不属于本机关职责' }, ['agency', 'contact']],
    ['a blank slot', { reason: '不属于本机关职责', agency: ' ', contact: '12345' }, ['agency']],
  ])('reports %s', (_situation, values, missing) => {
    expect(fillSentence(named?.sentence ?? '', values).missing).toEqual(missing);
  });
});

describe('requestOutcome (R2: a request is counted once)', () => {
  it.each<[string, Outcome[], Outcome]>([
    ['a single item', ['unable.needs_creation'], 'unable.needs_creation'],
    ['every item granted', ['granted', 'granted'], 'granted'],
    ['every item refused alike', ['denied.process_info', 'denied.process_info'], 'denied.process_info'],
    ['one item granted, one not held', ['granted', 'unable.not_held'], 'partial'],
    ['one item not held, then one granted', ['unable.not_held', 'granted'], 'partial'],
    ['granted and partially granted items', ['granted', 'partial'], 'partial'],
    ['a partial item among refusals', ['denied.third_party', 'partial'], 'partial'],
    [
      'nothing disclosed: a refusal outranks not held',
      ['unable.not_held', 'denied.third_party'],
      'denied.third_party',
    ],
    [
      'nothing disclosed: not held outranks a duplicate',
      ['not_processed.duplicate', 'unable.not_held'],
      'unable.not_held',
    ],
    [
      'nothing disclosed: within 不予公开, table order',
      ['denied.process_info', 'denied.state_secret'],
      'denied.state_secret',
    ],
    ['other.other comes last', ['other.other', 'not_processed.petition'], 'not_processed.petition'],
  ])('%s', (_situation, items, expected) => {
    expect(requestOutcome(items)).toBe(expected);
  });

  it('refuses a request without items', () => {
    expect(() => requestOutcome([])).toThrow('至少应有一项办理结果');
  });
});
