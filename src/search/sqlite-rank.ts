import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { RECENCY_DAYS, TITLE_WEIGHT } from './documents.ts';
import { type ParsedQuery, toFts5Match } from './query.ts';
import { cappedCounts, DAY_2000, facetMatch, facetTerms, yearRange } from './sqlite-terms.ts';
import type { SearchQuery } from './types.ts';

/**
 * Ranking on SQLite, planned so that no query reads more than a bounded part of the index:
 *
 * - Ranked (the usual case): bm25 (title ×10) × the recency boost over the newest RANK_WINDOW
 *   matches — FTS5 scans newest first (rowid order is date order) and stops there. When there
 *   are fewer matches, as for most queries, that is all of them and the ranking is exact; beyond
 *   the window older matches follow by date. Selective filters are FTS5 terms (facets), the others
 *   are checked on search_documents by primary key, the year is a rowid range.
 * - Broad: bm25 first counts every item holding each term, which for a term in tens of thousands
 *   of items costs more than the whole answer should. When a term (or a facet) matches BROAD or
 *   more items, the ranking is title matches first, then the other matches, each newest first —
 *   two scans that stop after the page.
 * - The total is counted up to TOTAL_CAP; beyond, `totalCapped` says “more than”.
 */

export const RANK_WINDOW = 1_000;
export const BROAD = 50_000;
export const TOTAL_CAP = 10_000;

export interface RankedKeys {
  total: number;
  totalCapped: boolean;
  ranked: Array<{ key: number; score: number }>;
}

const boost = (key: number): number =>
  Math.max(0.1, 1 + (Math.floor(key / 2 ** 32) - DAY_2000) / RECENCY_DAYS);

const FILTER_COLUMNS = { a: 'agency_id', c: 'category', t: 'document_type', v: 'validity' } as const;

/** The filters as columns of search_documents, for facets too common to be FTS5 terms. */
function columnFilters(query: SearchQuery, broadFacets: readonly string[]): RawBuilder<unknown>[] {
  const values = {
    a: query.agencyId,
    c: query.category,
    t: query.documentType,
    v: query.validity,
  } as const;
  return broadFacets.map((term) => {
    const kind = term[1] as keyof typeof FILTER_COLUMNS;
    return sql`and d.${sql.ref(FILTER_COLUMNS[kind])} = ${values[kind] ?? null}`;
  });
}

interface Scope {
  range: RawBuilder<unknown>;
  exclude: RawBuilder<unknown>;
}

async function keysByDate(db: Kysely<Database>, match: string, scope: Scope, limit: number, below?: number) {
  const before = below === undefined ? sql`` : sql`and search_fts.rowid < ${below}`;
  const { rows } = await sql<{ key: number }>`
    select rowid as key from search_fts where search_fts match ${match} ${scope.range} ${scope.exclude} ${before}
    order by rowid desc limit ${limit}`.execute(db);
  return rows.map((r) => Number(r.key));
}

async function countCapped(db: Kysely<Database>, match: string, scope: Scope): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from (select 1 from search_fts where search_fts match ${match} ${scope.range} ${scope.exclude}
    limit ${TOTAL_CAP + 1})`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The ranked keys of one page of a parsed query (`op` OR for related items). */
export async function rankKeys(
  db: Kysely<Database>,
  parsed: ParsedQuery,
  query: SearchQuery,
  op: 'AND' | 'OR',
  exclude?: number,
): Promise<RankedKeys> {
  const text = `(${toFts5Match(parsed, op)})`;
  const facets = facetTerms(query);
  const [low, high] = query.year === undefined ? [0, 2 ** 53 - 1] : yearRange(query.year);
  const scope: Scope = {
    range: sql`and search_fts.rowid between ${low} and ${high}`,
    exclude: exclude === undefined ? sql`` : sql`and search_fts.rowid <> ${exclude}`,
  };
  const all = [text, ...facets.map(facetMatch)].join(' AND ');
  const count = await countCapped(db, all, scope);
  const total = Math.min(count, TOTAL_CAP);
  const need = query.offset + query.limit;
  if (count === 0 || query.offset >= count) return { total, totalCapped: count > TOTAL_CAP, ranked: [] };

  const groupCounts = await cappedCounts(
    db,
    parsed.groups.map((g) => toFts5Match({ groups: [g] })),
    BROAD,
  );
  const facetCounts = await cappedCounts(db, facets.map(facetMatch), BROAD);
  const result = { total, totalCapped: count > TOTAL_CAP };

  if (groupCounts.some((n) => n >= BROAD)) {
    const inTitle = `({title} : ${text})`;
    const facetPart = facets.map((f) => ` AND ${facetMatch(f)}`).join('');
    const first = await keysByDate(db, `${inTitle}${facetPart}`, scope, need);
    const rest =
      first.length < need
        ? await keysByDate(db, `(${text} NOT ${inTitle})${facetPart}`, scope, need - first.length)
        : [];
    const ranked = [
      ...first.map((key) => ({ key, score: TITLE_WEIGHT * boost(key) })),
      ...rest.map((key) => ({ key, score: boost(key) })),
    ];
    return { ...result, ranked: ranked.slice(query.offset, need) };
  }

  const narrow = facets.filter((_, i) => facetCounts[i] < BROAD);
  const broadFacets = facets.filter((_, i) => facetCounts[i] >= BROAD);
  const match = [text, ...narrow.map(facetMatch)].join(' AND ');
  const join = broadFacets.length ? sql`join search_documents d on d.doc_key = search_fts.rowid` : sql``;
  const { rows } = await sql<{ key: number; relevance: number }>`
    select search_fts.rowid as key, bm25(search_fts, ${sql.lit(TITLE_WEIGHT)}, 1.0, 0.0) as relevance
    from search_fts ${join}
    where search_fts match ${match} ${scope.range} ${scope.exclude} ${sql.join(columnFilters(query, broadFacets), sql` `)}
    order by search_fts.rowid desc limit ${RANK_WINDOW}`.execute(db);
  const ranked = rows
    .map((r) => ({ key: Number(r.key), score: -Number(r.relevance) * boost(Number(r.key)) }))
    .sort((a, b) => b.score - a.score || b.key - a.key);
  if (rows.length === RANK_WINDOW && need > RANK_WINDOW) {
    const oldest = ranked.reduce((min, r) => Math.min(min, r.key), Number.MAX_SAFE_INTEGER);
    const older = await keysByDate(db, all, scope, need - RANK_WINDOW, oldest);
    ranked.push(...older.map((key) => ({ key, score: 0 })));
  }
  return { ...result, ranked: ranked.slice(query.offset, need) };
}
