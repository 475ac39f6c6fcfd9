/**
 * Related items worth listing: an item page's “相关信息” should not be the same notice for other
 * months or batches (“临港区2021年3月行政处罚决定公示” beside “…2021年4月…”). Titles that differ only in
 * their numbers — years, months, batch and issue numbers, figures — have the same shape; of each
 * shape only the first (best ranked) is kept, and none of the item's own shape.
 */

/** A title with its numbers (Arabic or Chinese) and spaces taken out. */
export function titleShape(title: string): string {
  return title.replace(/[0-9０-９一二三四五六七八九十百〇零]+/g, '#').replace(/\s+/g, '');
}

/** The first `limit` hits whose titles differ in shape from the item's and from each other's. */
export function distinctRelated<H extends { title: string }>(
  ownTitle: string,
  hits: readonly H[],
  limit: number,
): H[] {
  const seen = new Set([titleShape(ownTitle)]);
  const kept: H[] = [];
  for (const hit of hits) {
    if (kept.length >= limit) break;
    const shape = titleShape(hit.title);
    if (seen.has(shape)) continue;
    seen.add(shape);
    kept.push(hit);
  }
  return kept;
}
