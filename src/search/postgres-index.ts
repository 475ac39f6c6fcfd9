import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { chunks, documentRow, relatedSource, textRow, writeInBatches } from './documents.ts';
import { postgresMatches } from './postgres-matches.ts';
import { type ParsedQuery, parseQuery } from './query.ts';
import { rankPage, rankRelated } from './ranking.ts';
import type { IndexableItem, SearchHit, SearchIndex, SearchQuery, SearchResult } from './types.ts';

/**
 * PostgreSQL: `search_documents.tsv`, a tsvector of the same jieba terms the SQLite index keeps
 * (title weight A, body weight B), written as a tsvector literal so no text-search parser or
 * extension is involved (the `simple` configuration would give the same lexemes); a GIN index; a
 * tsquery of `&`-ed lexemes with `<->` for phrases (postgres-matches.ts); ranked as on SQLite
 * (ranking.ts).
 */

const BATCH = 500;
/** tsvector limits: positions above 16383 are clamped, at most 256 positions per lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;

const quote = (term: string): string => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** The tsvector literal of an item: title terms at 1…n (A), body terms after a gap (B). */
export function tsvectorLiteral(titleText: string, bodyText: string): string {
  const titleTerms = titleText ? titleText.split(' ') : [];
  const bodyTerms = bodyText ? bodyText.split(' ') : [];
  const positions = new Map<string, string[]>();
  const add = (term: string, position: number, weight: string) => {
    const list = positions.get(term) ?? [];
    if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${Math.min(position, MAX_POSITION)}${weight}`);
    positions.set(term, list);
  };
  for (const [i, term] of titleTerms.entries()) add(term, i + 1, 'A');
  for (const [i, term] of bodyTerms.entries()) add(term, titleTerms.length + 2 + i, 'B');
  return [...positions].map(([term, list]) => `${quote(term)}:${list.join(',')}`).join(' ');
}

async function upsert(db: Kysely<Database>, items: readonly IndexableItem[]): Promise<void> {
  await writeInBatches(items, BATCH, async (batch) => {
    await db
      .insertInto('search_documents')
      .values(
        batch.map((p) => ({
          ...documentRow(p),
          tsv: sql<string>`${tsvectorLiteral(p.titleText, p.bodyText)}::tsvector`,
        })),
      )
      .onConflict((oc) =>
        oc.column('item_id').doUpdateSet((eb) => ({
          agency_id: eb.ref('excluded.agency_id'),
          category: eb.ref('excluded.category'),
          year: eb.ref('excluded.year'),
          document_type: eb.ref('excluded.document_type'),
          validity: eb.ref('excluded.validity'),
          published_on: eb.ref('excluded.published_on'),
          tsv: eb.ref('excluded.tsv'),
        })),
      )
      .execute();
    await db
      .insertInto('search_texts')
      .values(batch.map((p) => textRow(p.item)))
      .onConflict((oc) =>
        oc.column('item_id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          body_text: eb.ref('excluded.body_text'),
          doc_number: eb.ref('excluded.doc_number'),
        })),
      )
      .execute();
  });
}

async function remove(db: Kysely<Database>, ids: readonly number[]): Promise<void> {
  for (const batch of chunks(ids, BATCH)) {
    await db.deleteFrom('search_documents').where('item_id', 'in', batch).execute();
    await db.deleteFrom('search_texts').where('item_id', 'in', batch).execute();
  }
}

function search(db: Kysely<Database>, query: SearchQuery): Promise<SearchResult> {
  const parsed = parseQuery(query.text);
  if (parsed.groups.length === 0 || query.limit <= 0) return Promise.resolve({ total: 0, hits: [] });
  return rankPage(
    postgresMatches(db, parsed, query, '&'),
    parsed,
    query,
    true,
    postgresMatches(db, parsed, query, '|'),
  );
}

/** Each text's number of matching items (its groups together), up to `cap`. */
async function wordCounts(db: Kysely<Database>, texts: readonly string[], cap: number): Promise<number[]> {
  const out: number[] = [];
  for (const text of texts) {
    const parsed = parseQuery(text);
    const query = { text, limit: 0, offset: 0 };
    const counts =
      parsed.groups.length === 0 ? [0] : await postgresMatches(db, parsed, query, '&').groupCounts(cap);
    out.push(Math.min(...counts));
  }
  return out;
}

/** Related items: the item's top terms, OR-ed, within its own agency, without itself. */
async function related(db: Kysely<Database>, itemId: number, limit: number): Promise<SearchHit[]> {
  const source = await relatedSource(db, itemId);
  if (!source) return [];
  const query = { text: '', agencyId: source.agencyId, limit, offset: 0 };
  const sourceOf = (parsed: ParsedQuery) => postgresMatches(db, parsed, query, '|', itemId);
  return rankRelated(sourceOf, source.title, source.bodyText, query);
}

/** The PostgreSQL tsvector + GIN implementation of SearchIndex. */
export const postgresSearchIndex: SearchIndex = {
  upsert,
  remove,
  search,
  wordCounts,
  related,
};
