import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../report/vocabulary.ts';
import { applicantKey, draftTitle, findProposals, type ProposalRequest, proposalKey } from './proposals.ts';
import { normalizeSuggestion, suggestionProblem } from './suggestion.ts';

const LOW_INCOME = ['2025', '城乡', '低保', '资金', '发放', '明细'];
const BUDGET = ['2025', '部门', '预算', '三公', '经费'];
const OTHER = ['幼儿园', '招生', '划片', '范围'];

const req = (
  id: number,
  terms: string[],
  applicant: string | null,
  outcome: Outcome | null,
  extra: Partial<ProposalRequest> = {},
): ProposalRequest => ({ id, terms, applicant, outcome, basis: null, suggested: false, ...extra });

describe('条例第四十四条第一款: which groups are proposed', () => {
  it.each<[string, ProposalRequest[], { ids: number[]; applicants: number } | null]>([
    [
      'two applicants, one answered 予以公开',
      [req(1, LOW_INCOME, 'a', 'granted'), req(2, LOW_INCOME, 'b', null), req(3, OTHER, 'c', 'granted')],
      { ids: [1, 2], applicants: 2 },
    ],
    [
      'two applicants, one answered 部分公开',
      [req(1, BUDGET, 'a', 'partial'), req(2, BUDGET, 'b', 'denied.third_party')],
      { ids: [1, 2], applicants: 2 },
    ],
    [
      'the same applicant twice is one applicant',
      [req(1, LOW_INCOME, 'a', 'granted'), req(2, LOW_INCOME, 'a', 'granted')],
      null,
    ],
    [
      'not yet decided by anyone: not shown to be 可以公开',
      [req(1, LOW_INCOME, 'a', null), req(2, LOW_INCOME, 'b', null)],
      null,
    ],
    [
      'refused to all: not 可以公开',
      [req(1, LOW_INCOME, 'a', 'denied.state_secret'), req(2, LOW_INCOME, 'b', 'unable.not_held')],
      null,
    ],
    [
      'an applicant who cannot be told adds no applicant',
      [req(1, LOW_INCOME, 'a', 'granted'), req(2, LOW_INCOME, null, 'granted')],
      null,
    ],
    [
      'three applicants, one undecided, one the same person again',
      [
        req(1, LOW_INCOME, 'a', 'granted'),
        req(2, LOW_INCOME, 'b', null),
        req(3, LOW_INCOME, 'a', 'granted'),
        req(4, LOW_INCOME, 'c', 'granted'),
      ],
      { ids: [1, 2, 3, 4], applicants: 3 },
    ],
  ])('条例第四十四条第一款: %s', (_, requests, expected) => {
    const proposals = findProposals(requests, []).filter((p) => p.kind === 'same_information');
    if (expected === null) expect(proposals).toEqual([]);
    else {
      expect(proposals).toHaveLength(1);
      expect(proposals[0]).toMatchObject({
        requestIds: expected.ids,
        applicants: expected.applicants,
        disclosable: true,
      });
    }
  });

  it('条例第四十四条第一款: counts the undecided, the common terms and an answer of 已主动公开', () => {
    const [proposal] = findProposals(
      [req(1, LOW_INCOME, 'a', 'granted', { basis: 'a36.1' }), req(2, [...LOW_INCOME, '细表'], 'b', null)],
      [],
    );
    expect(proposal).toMatchObject({
      undecided: 1,
      alreadyPublished: true,
      commonTerms: LOW_INCOME,
      status: 'open',
    });
  });
});

describe('条例第四十四条第二款: an applicant’s suggestion is a proposal', () => {
  it('条例第四十四条第二款: a single applicant who suggested is proposed, marked as a suggestion', () => {
    const proposals = findProposals(
      [req(1, LOW_INCOME, 'a', null, { suggested: true }), req(2, OTHER, 'b', 'granted')],
      [],
    );
    expect(proposals).toEqual([
      expect.objectContaining({
        kind: 'suggestion',
        requestIds: [1],
        applicants: 1,
        suggestedBy: [1],
        disclosable: false,
      }),
    ]);
  });

  it('条例第四十四条第二款: a suggestion inside a proposed group marks the group', () => {
    const proposals = findProposals(
      [req(1, LOW_INCOME, 'a', 'granted'), req(2, LOW_INCOME, 'b', 'granted', { suggested: true })],
      [],
    );
    expect(proposals).toEqual([expect.objectContaining({ kind: 'same_information', suggestedBy: [2] })]);
  });

  it.each([
    [{ reasons: [] }, '至少选择一项'],
    [{ reasons: ['because'] }, '“because”无效'],
    [{ reasons: ['wide_awareness'], note: '长'.repeat(501) }, '最长 500 个字'],
  ])('条例第四十四条第二款: a suggestion without a valid reason is refused (%j)', (input, message) => {
    expect(suggestionProblem(input)).toContain(message);
  });

  it('条例第四十四条第二款: reasons are kept in the article’s order, once each', () => {
    expect(
      normalizeSuggestion({
        reasons: ['public_participation', 'public_interest', 'public_interest'],
        note: ' 涉及全村 ',
      }),
    ).toEqual({
      reasons: ['public_interest', 'public_participation'],
      note: '涉及全村',
    });
    expect(suggestionProblem({ reasons: ['public_interest'] })).toBeNull();
  });
});

describe('条例第四十四条: decisions on proposals', () => {
  const group = [req(1, LOW_INCOME, 'a', 'granted'), req(2, LOW_INCOME, 'b', 'granted')];

  it.each<
    [
      string,
      { requestIds: number[]; result: 'included' | 'not_included'; itemId: number | null }[],
      string,
      number[],
    ]
  >([
    ['none yet', [], 'open', []],
    ['纳入: the draft item shows', [{ requestIds: [1, 2], result: 'included', itemId: 9 }], 'included', [9]],
    [
      '不纳入 for the same requests: it stays decided',
      [{ requestIds: [1, 2], result: 'not_included', itemId: null }],
      'not_included',
      [],
    ],
  ])('条例第四十四条: %s', (_, decisions, status, itemIds) => {
    expect(findProposals(group, decisions)[0]).toMatchObject({ status, itemIds });
  });

  it('条例第四十四条: 不纳入 for two requests, then a third applicant asks: proposed again', () => {
    const proposals = findProposals(
      [...group, req(3, LOW_INCOME, 'c', null)],
      [{ requestIds: [1, 2], result: 'not_included', itemId: null }],
    );
    expect(proposals[0]).toMatchObject({ status: 'open', requestIds: [1, 2, 3] });
  });

  it('条例第四十四条: a proposal is keyed by its requests', () => {
    expect(proposalKey([3, 1, 2, 1])).toBe('1,2,3');
  });
});

describe('条例第二十九条: who the applicant is', () => {
  it.each([
    [
      'by ID document',
      { idType: 'resident_id', idNumber: '37100219800101001x', name: '张三' },
      'id:resident_id:37100219800101001X',
    ],
    [
      'by name and phone without a document',
      { name: '张三', phone: '138-0000-0000' },
      'contact:张三:13800000000',
    ],
    ['not told by a name alone', { name: '张三' }, null],
    ['an imported record without applicant', null, null],
  ])('条例第二十九条: %s', (_, applicant, key) => {
    expect(applicantKey(applicant)).toBe(key);
  });
});

describe('条例第四十四条: the draft item’s title', () => {
  it.each([
    ['申请公开2025年城乡低保资金发放明细', '2025年城乡低保资金发放明细'],
    ['关于东港路拓宽工程房屋征收补偿标准的政府信息', '东港路拓宽工程房屋征收补偿标准'],
    ['请提供和平村棚户区改造征收补偿方案。', '和平村棚户区改造征收补偿方案'],
    ['临港区幼儿园招生划片范围', '临港区幼儿园招生划片范围'],
    ['本人申请获取2026年长峰村土地征收批复文件的复印件', '2026年长峰村土地征收批复文件'],
    ['申请公开2025年度本区城乡低保资金的发放明细表', '2025年度本区城乡低保资金的发放明细表'],
    ['请公开关于某路段拆迁补偿方案的相关材料', '某路段拆迁补偿方案'],
  ])('条例第四十四条: %s → %s', (information, title) => {
    expect(draftTitle(information)).toBe(title);
  });
});
