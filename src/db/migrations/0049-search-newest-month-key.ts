import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.ts';
import {
  SEARCH_NEWEST_0047,
  SEARCH_NEWEST_ANY_0047,
  searchNewestProbeMigration,
} from './0047-search-newest-probe.ts';

/**
 * PostgreSQL: `search_newest` and `search_newest_any` (0047) with a window's months as a second
 * condition on the GIN index — `d.tsv @@ q and d.tsv @@ months` — instead of one tsquery
 * `q && months`. Everything else is 0047's text, unchanged.
 *
 * GIN checks one tsquery item by item: with the months OR-ed inside the query, every item holding
 * the words was tested against every month of the window, ~0.85 µs per item and month on the bench
 * machine. A window of 64 months over the 5,219 items holding `威政办发 2018` took 180–280 ms of CPU
 * (1,000,000 items, all pages in shared buffers), though the words alone took 14 ms. As two
 * conditions the index scan has two keys, and the months' key is an OR it walks once: 25 ms for the
 * same window, the same rows (docs/search.md, “The months as a key of their own”). The results
 * cannot change: `@@` of `q && months` is `@@ q` and `@@ months`.
 */
/** Windows of more months than this are the index scan's second key; narrower ones stay in the tsquery. */
export const MONTH_KEY_FROM = 9;

/** 0047's text with the window's condition chosen by its months `first`..`last` (PL/pgSQL variables). */
function withMonthKey(text: string, first: string, last: string): string {
  const from = 'where d.tsv @@ (q && months) and';
  const wide = `${first} - ${last} + 1 >= ${MONTH_KEY_FROM}`;
  // The window's months are known when the statement is planned (a custom plan for every call), so
  // the planner keeps one of the two conditions and the index scan is planned for it.
  const to = `where (not (${wide}) and d.tsv @@ (q && months)
        or ${wide} and d.tsv @@ q and d.tsv @@ months) and`;
  const found = text.split(from).length - 1;
  if (found !== 1) throw new Error(`0049: expected one “${from}” in 0047's text, found ${found}`);
  return text.replace(from, to);
}

export const SEARCH_NEWEST_ANY_0049 = withMonthKey(SEARCH_NEWEST_ANY_0047, 'top', 'bottom');
export const SEARCH_NEWEST_0049 = withMonthKey(SEARCH_NEWEST_0047, 'top', 'from_month');

export function searchNewestMonthKeyMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql.raw(SEARCH_NEWEST_ANY_0049).execute(db);
      await sql.raw(SEARCH_NEWEST_0049).execute(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await searchNewestProbeMigration(dialect).up(db);
    },
  };
}
