import { describe, expect, it } from 'vitest';
import { groupBySimilarity, likenessIn } from '../domain/requests/proposals/similarity.ts';
import { requestTerms } from './request-terms.ts';

/** An agency's year of requests, the background the pairs below are judged against (term weights). */
const YEAR_OF_REQUESTS = [
  '2025年本区城乡低保资金发放明细',
  '临港区2025年部门预算和三公经费',
  '某某路拓宽工程征收补偿方案',
  '2025年度行政处罚决定书',
  '本区2025年公务员招录体检名单',
  '临港区幼儿园招生划片范围',
  '2025年城市道路养护资金使用明细',
  '2025年困难群众临时救助资金发放情况',
  '环翠区农村危房改造补助名单',
  '2025年本区重点建设项目清单',
  '关于和平路噪音扰民投诉的处理结果',
  '申请公开临港区2025年政府采购项目目录',
  '2025年度本区城乡居民医保缴费标准',
  '请提供2025年本区医疗救助资金发放明细',
];

const likeness = (a: string, b: string) => {
  const corpus = [...YEAR_OF_REQUESTS, a, b].map((text, id) => ({ id, terms: requestTerms(text) }));
  return likenessIn(corpus, corpus.length - 2, corpus.length - 1);
};
const grouped = (a: string, b: string) => {
  const corpus = [...YEAR_OF_REQUESTS, a, b].map((text, id) => ({ id, terms: requestTerms(text) }));
  const last = corpus.length - 1;
  return groupBySimilarity(corpus).some((g) => g.includes(last - 1) && g.includes(last));
};

describe('条例第四十四条: the same information sought, by jieba terms', () => {
  it.each([
    [
      'the same words with the form’s boilerplate',
      '2025年城乡低保资金发放明细',
      '请公开2025年度本区城乡低保资金的发放明细表',
    ],
    [
      'one leaves out 项目 and 安置',
      '和平村棚户区改造项目征收补偿安置方案',
      '申请公开和平村棚户区改造的征收补偿方案',
    ],
    [
      'one asks for the report and its approval',
      '临港区生活垃圾焚烧发电项目环境影响评价报告',
      '临港区生活垃圾焚烧发电项目环境影响评价报告及批复文件',
    ],
    [
      'a person’s wording and an organization’s',
      '关于东港路拓宽工程房屋征收补偿标准的政府信息',
      '东港路拓宽工程征收补偿标准',
    ],
  ])('条例第四十四条: %s → grouped', (_, a, b) => {
    expect(grouped(a, b)).toBe(true);
  });

  it.each([
    ['低保 or 医保: one rare word swapped', '2025年城乡低保资金发放明细', '2025年城乡医保资金发放明细'],
    ['another year', '2025年城乡低保资金发放明细', '2024年城乡低保资金发放明细'],
    ['another village', '和平村棚户区改造项目征收补偿安置方案', '幸福村棚户区改造项目征收补偿安置方案'],
    ['budget or final accounts', '临港区2025年部门预算和三公经费', '临港区2025年部门决算和三公经费'],
    ['another sub-district', '东山街道办事处2025年财政决算', '西山街道办事处2025年财政决算'],
    ['a short request inside a long one', '低保资金', '2025年城乡低保资金发放明细及审核审批材料'],
  ])('条例第四十四条: near miss — %s → not grouped', (_, a, b) => {
    expect(grouped(a, b)).toBe(false);
  });

  it('条例第四十四条: the form’s words (申请, 公开, 本区, 年度) and single characters are not compared', () => {
    expect(requestTerms('请公开2025年度本区城乡低保资金的发放明细表')).toEqual([
      '2025',
      '2025年',
      '城乡',
      '低保',
      '资金',
      '发放',
      '明细',
      '细表',
    ]);
    expect(requestTerms(null)).toEqual([]);
  });

  it('条例第四十四条: a rare word weighs more than a common one, so swapping it drops the containment below 0.9', () => {
    const swapped = likeness('2025年城乡低保资金发放明细', '2025年城乡医保资金发放明细');
    expect(swapped.containment).toBeLessThan(0.9);
    expect(swapped.jaccard).toBeGreaterThan(0.5);
    const paraphrase = likeness('2025年城乡低保资金发放明细', '请公开2025年度本区城乡低保资金的发放明细表');
    expect(paraphrase.containment).toBe(1);
  });

  it('条例第四十四条: three wordings of one request make one group; the unrelated stay out', () => {
    const texts = [
      '和平村棚户区改造项目征收补偿安置方案',
      '2025年城乡低保资金发放明细',
      '申请公开和平村棚户区改造的征收补偿方案',
      '和平村棚户区改造项目征收补偿安置方案（含安置房分配办法）',
      '幸福村棚户区改造项目征收补偿安置方案',
    ];
    const corpus = [...YEAR_OF_REQUESTS, ...texts].map((text, id) => ({ id, terms: requestTerms(text) }));
    const base = YEAR_OF_REQUESTS.length;
    expect(groupBySimilarity(corpus).find((g) => g.includes(base))).toEqual([base, base + 2, base + 3]);
  });
});
