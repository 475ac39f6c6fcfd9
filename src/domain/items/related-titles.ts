/**
 * Related items worth listing: an item page's “相关信息” should not be the same notice for other
 * months, batches or companies (“临港区2021年3月行政处罚决定公示” beside “…2021年4月…”; “威海恒达…有限公司
 * 排污许可证核发情况公示” beside “威海瑞丰…”). Two titles are near-identical when, their numbers set
 * aside, few of their characters differ (titleLikeness ≥ NEAR_IDENTICAL); a hit near-identical to
 * the item or to a hit kept before it (better ranked) is skipped.
 */

/** The likeness from which two titles count as the same notice. */
export const NEAR_IDENTICAL = 0.65;

/** A title with its numbers (Arabic or Chinese) replaced by # and spaces taken out. */
export function titleShape(title: string): string {
  return title.replace(/[0-9０-９一二三四五六七八九十百〇零]+/g, '#').replace(/\s+/g, '');
}

/** The Levenshtein distance of two strings, by characters. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}

/**
 * How alike two titles are, numbers set aside: 1 − edit distance / the longer length — 1 the same
 * shape, near 0 nothing in common. The same notice about another company or village differs in a
 * few characters; two notices about the same company differ in their whole wording.
 */
export function titleLikeness(a: string, b: string): number {
  const [x, y] = [[...titleShape(a)], [...titleShape(b)]];
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 1 : 1 - editDistance(x, y) / longer;
}

/** The first `limit` hits whose titles are not near-identical to the item's or to each other's. */
export function distinctRelated<H extends { title: string }>(
  ownTitle: string,
  hits: readonly H[],
  limit: number,
): H[] {
  const kept: H[] = [];
  for (const hit of hits) {
    if (kept.length >= limit) break;
    const seen = [ownTitle, ...kept.map((k) => k.title)];
    if (seen.some((title) => titleLikeness(title, hit.title) >= NEAR_IDENTICAL)) continue;
    kept.push(hit);
  }
  return kept;
}
