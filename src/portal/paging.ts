/**
 * Paged portal lists (catalogue, normative documents, search): the page asked for in the URL, and
 * where to send a request for a page that is not there — no “第95/94页”, no 400 page for a page
 * number a visitor typed or an old link kept:
 * - no `page`, or `page` that is not a whole number ≥ 1 (`0`, `-3`, `abc`, `1.5`): the first page
 *   (a redirect to the address without `page`);
 * - a page past the end: a redirect to the last page (to the first when the list is empty).
 * Redirects are 303 (See Other): the list moved, the address asked for is not wrong forever.
 */

/** The largest page number read as such (beyond it, the last page anyway). */
const MAX_PAGE = 1_000_000;

/** The page asked for: a whole number ≥ 1, `null` when absent or not a page number. */
export function requestedPage(value: unknown): number | null {
  const text = typeof value === 'string' ? value.trim() : Array.isArray(value) ? String(value[0] ?? '') : '';
  if (!/^\d{1,7}$/.test(text)) return null;
  const page = Number(text);
  return page >= 1 ? Math.min(page, MAX_PAGE) : null;
}

/** How many pages a list of `total` has, `size` a page (at least one, empty or not). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The address of page `page` of the list at `url` (page 1: no `page` parameter). */
export function withPage(url: string, page: number): string {
  const parsed = new URL(url, 'http://portal.invalid');
  if (page <= 1) parsed.searchParams.delete('page');
  else parsed.searchParams.set('page', String(page));
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * Where a request for a list page must go instead, or null when it is served as asked:
 * `raw` is the `page` parameter as given, `page` what was read of it, `pages` the list's count.
 */
export function pageRedirect(url: string, raw: unknown, page: number | null, pages: number): string | null {
  if (raw !== undefined && page === null) return withPage(url, 1);
  if (page !== null && page > pages) return withPage(url, pages);
  return null;
}
