import type { Kysely } from 'kysely';
import type { RowCopier } from '../db/events.ts';
import type { Database } from '../db/schema.ts';

/**
 * Full-text search of published items (主动公开), one interface with an SQLite FTS5 and a
 * PostgreSQL implementation. Chinese text is segmented with @node-rs/jieba at index and at query
 * time. Writes take the caller's transaction, so the index never drifts from the items.
 */

/** What the index keeps of a published item. */
export interface IndexableItem {
  id: number;
  agencyId: number;
  title: string;
  /** the body as plain text (tags stripped) */
  bodyText: string;
  docNumber: string | null;
  /** 第二十条 category code, `a20.1`…`a20.15` or `other` */
  category: string;
  publishedOn: string;
  /** 有效 `valid`, 失效 `expired`, 废止 `repealed` */
  validity: string;
  /** `policy` (政策文件), `interpretation` (解读材料) or `other` */
  documentType: 'policy' | 'interpretation' | 'other';
}

export interface SearchQuery {
  text: string;
  agencyId?: number;
  category?: string;
  year?: number;
  documentType?: IndexableItem['documentType'];
  validity?: string;
  /** `relevance` (the default: all terms first, then most terms, each by score) or `date` (newest first) */
  sort?: 'relevance' | 'date';
  /** also give the ids of every match ranked (`matchedIds`), for facet counts */
  withMatchedIds?: boolean;
  limit: number;
  offset: number;
}

export interface SearchHit {
  id: number;
  title: string;
  /** the title with matches in <mark>, every other character HTML-escaped */
  titleHtml: string;
  /** a passage of the body with matches in <mark>, HTML-escaped */
  snippetHtml: string;
  score: number;
  publishedOn: string;
  /** true when the item holds only some of the query's words (it follows every item holding all) */
  partial?: boolean;
}

export interface SearchResult {
  total: number;
  /** true when there are more than `total` matches (the count stops there; SQLite stops at 10,000) */
  totalCapped?: boolean;
  hits: SearchHit[];
  /** how many of `total` hold only some of the query's words (see ranking.ts) */
  partialTotal?: number;
  /** stop words left out of the query (stop-words.ts) */
  dropped?: string[];
  /** a query that finds something, when this one found nothing (suggest.ts; by publicSearch) */
  suggestion?: string;
  /** the ids of the matches counted in `total` (when asked with `withMatchedIds`) */
  matchedIds?: number[];
}

/** COPY FROM STDIN on the connection of the caller's transaction: the import's writer (db/events.ts). */
export type { RowCopier };

export interface SearchIndex {
  /**
   * Adds or replaces items in the index, inside the caller's transaction. With `fresh` (PostgreSQL),
   * items never indexed before — ids just taken from the items' sequence — go by COPY through it:
   * nothing to replace, so no conflict handling is needed. SQLite ignores it.
   */
  upsert(db: Kysely<Database>, items: readonly IndexableItem[], fresh?: RowCopier): Promise<void>;
  /** Removes items from the index (withdrawn), inside the caller's transaction. */
  remove(db: Kysely<Database>, ids: readonly number[]): Promise<void>;
  search(db: Kysely<Database>, query: SearchQuery): Promise<SearchResult>;
  /** How many items hold each text (its words together), counted up to `cap`: for suggestions. */
  wordCounts(db: Kysely<Database>, texts: readonly string[], cap: number): Promise<number[]>;
  /** The items most similar to one (by shared terms), for “related items”. */
  related(db: Kysely<Database>, itemId: number, limit: number): Promise<SearchHit[]>;
}
