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

/** How many terms the related-items query uses. */
export const RELATED_TERMS = 8;

const TITLE_FACTOR = 3;

function useful(term: string): boolean {
  if (GENERIC_TERMS.has(term)) return false;
  if (/^\d+$/.test(term)) return false;
  return [...term].length >= 2;
}

/** The item's top terms (by frequency, title ×3), as single-term OR groups. */
export function relatedQuery(title: string, bodyText: string, count: number = RELATED_TERMS): ParsedQuery {
  const weight = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  const add = (terms: string[], factor: number) => {
    for (const term of terms) {
      if (!useful(term)) continue;
      weight.set(term, (weight.get(term) ?? 0) + factor);
      if (!firstSeen.has(term)) firstSeen.set(term, firstSeen.size);
    }
  };
  add(indexTerms(title), TITLE_FACTOR);
  add(indexTerms(bodyText.slice(0, 20_000)), 1);
  const top = [...weight.entries()]
    .sort((a, b) => b[1] - a[1] || (firstSeen.get(a[0]) ?? 0) - (firstSeen.get(b[0]) ?? 0))
    .slice(0, count)
    .map(([term]) => term);
  return { groups: top.map((term) => ({ terms: [term], words: [term] })) };
}
