import type { ParsedQuery } from './query.ts';
import { indexTerms } from './segment.ts';

/**
 * “Related items”: an item's most frequent distinctive terms, as an OR query (the index's ranking
 * then prefers items sharing more, and rarer, of them). Title terms count three times.
 */

/** Words every government document uses; they say nothing about what an item is about. */
export const GENERIC_TERMS: ReadonlySet<string> = new Set(
  (
    '关于 通知 印发 工作 进一步 有关 做好 加强 开展 实施 意见 办法 要求 情况 相关 按照 根据 规定 ' +
    '单位 部门 各级 各区 一步 进一 我们 以下 如下 现将 现就 事项 为了 为贯 贯彻 落实 推进 提高 ' +
    '确保 切实 认真 有效 全面 政府 人民 年度 本市 本区 公告 公示 决定 批复 函 请 予以 执行 发布'
  ).split(' '),
);

/** How many of the item's terms are weighed, and how many the related-items query uses. */
export const CANDIDATE_TERMS = 16;
export const RELATED_TERMS = 6;

const TITLE_FACTOR = 3;

function useful(term: string): boolean {
  if (GENERIC_TERMS.has(term)) return false;
  if (/^\d+$/.test(term)) return false;
  return [...term].length >= 2;
}

export interface WeightedTerm {
  term: string;
  /** occurrences, title ×3 */
  weight: number;
}

/** The item's most frequent terms (title ×3), most frequent first. */
export function relatedTerms(
  title: string,
  bodyText: string,
  count: number = CANDIDATE_TERMS,
): WeightedTerm[] {
  const weight = new Map<string, number>();
  const add = (terms: string[], factor: number) => {
    for (const term of terms) if (useful(term)) weight.set(term, (weight.get(term) ?? 0) + factor);
  };
  add(indexTerms(title), TITLE_FACTOR);
  add(indexTerms(bodyText.slice(0, 20_000)), 1);
  // Stable: equal weights keep the order of first appearance (a Map keeps insertion order).
  return [...weight.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([term, w]) => ({ term, weight: w }));
}

/** Single-term OR groups of terms. */
export function termsQuery(terms: readonly string[]): ParsedQuery {
  return { groups: terms.map((term) => ({ terms: [term], words: [term] })) };
}

/**
 * The related-items query: of the candidate terms other items also have (count > 1), the
 * RELATED_TERMS with the highest weight × idf — an item's distinctive words, not the words of
 * every notice. `counts` are the terms' match counts up to `cap`.
 */
export function chooseRelated(
  candidates: readonly WeightedTerm[],
  counts: readonly number[],
  cap: number,
): ParsedQuery {
  const shared = candidates
    .map((c, i) => ({
      term: c.term,
      n: counts[i] ?? 0,
      score: c.weight * Math.log(1 + cap / ((counts[i] ?? 0) + 0.5)),
    }))
    .filter((c) => c.n > 1)
    .sort((a, b) => b.score - a.score);
  // Words counted to the cap are in too many items to say what this one is about; they are left
  // out while at least two rarer words are shared.
  const rare = shared.filter((c) => c.n < cap);
  return termsQuery((rare.length >= 2 ? rare : shared).slice(0, RELATED_TERMS).map((c) => c.term));
}
