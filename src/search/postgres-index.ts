import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import {
  chunks,
  documentRow,
  filtersOf,
  loadHits,
  RECENCY_DAYS,
  relatedSource,
  TITLE_WEIGHT,
  textRow,
  writeInBatches,
} from './documents.ts';
import { type ParsedQuery, parseQuery, queryMarks, toTsQuery } from './query.ts';
import { relatedQuery } from './related.ts';
import type { IndexableItem, SearchHit, SearchIndex, SearchQuery, SearchResult } from './types.ts';

/**
 * PostgreSQL: `search_documents.tsv`, a tsvector of the same jieba terms the SQLite index keeps
 * (title weight A, body weight B), written as a tsvector literal so no text-search parser or
 * extension is involved (the `simple` configuration would give the same lexemes); a GIN index;
 * ranked by ts_rank_cd with A ten times B, times the same recency boost; a tsquery of `&`-ed
 * lexemes with `<->` for phrases.
 */

const BATCH = 500;
/** tsvector limits: positions above 16383 are clamped, at most 256 positions per lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;
/** ts_rank_cd weights, {D, C, B, A}: the body (B) counts a tenth of the title (A). */
const WEIGHTS = `{0.1, 0.1, ${1 / TITLE_WEIGHT}, 1.0}`;

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
      .values(batch.map(textRow))
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

interface Ranked {
  id: number;
  score: number;
  publishedOn: string;
  total: number;
}

async function rank(
  db: Kysely<Database>,
  tsquery: string,
  query: SearchQuery,
  exclude?: number,
): Promise<{ total: number; ranked: Ranked[] }> {
  const conditions: RawBuilder<unknown>[] = filtersOf(query).map(
    ([column, value]) => sql`and d.${sql.ref(column)} = ${value}`,
  );
  if (exclude !== undefined) conditions.push(sql`and d.item_id <> ${exclude}`);
  const where = sql`d.tsv @@ ${tsquery}::tsquery ${sql.join(conditions, sql` `)}`;
  const { rows } = await sql<Ranked>`
    select d.item_id as id, d.published_on as "publishedOn",
      ts_rank_cd(${sql.lit(WEIGHTS)}::float4[], d.tsv, ${tsquery}::tsquery)
        * greatest(0.1, 1 + (d.published_on::date - date '2000-01-01') / ${sql.lit(RECENCY_DAYS)}) as score,
      count(*) over () as total
    from search_documents d
    where ${where}
    order by score desc, d.published_on desc, d.item_id desc
    limit ${query.limit} offset ${query.offset}`.execute(db);
  if (rows.length > 0 || query.offset === 0) return { total: rows[0]?.total ?? 0, ranked: rows };
  const { rows: counted } = await sql<{ total: number }>`
    select count(*) as total from search_documents d where ${where}`.execute(db);
  return { total: counted[0]?.total ?? 0, ranked: [] };
}

async function searchParsed(
  db: Kysely<Database>,
  parsed: ParsedQuery,
  query: SearchQuery,
  op: '&' | '|',
  exclude?: number,
): Promise<SearchResult> {
  if (parsed.groups.length === 0 || query.limit <= 0) return { total: 0, hits: [] };
  const { total, ranked } = await rank(db, toTsQuery(parsed, op), query, exclude);
  return { total, hits: await loadHits(db, ranked, queryMarks(parsed)) };
}

/** Related items come from the item's own agency. */
async function related(db: Kysely<Database>, itemId: number, limit: number): Promise<SearchHit[]> {
  const source = await relatedSource(db, itemId);
  if (!source) return [];
  const query = { text: '', agencyId: source.agencyId, limit, offset: 0 };
  return (await searchParsed(db, relatedQuery(source.title, source.bodyText), query, '|', itemId)).hits;
}

/** The PostgreSQL tsvector + GIN implementation of SearchIndex. */
export const postgresSearchIndex: SearchIndex = {
  upsert,
  remove,
  search: (db, query) => searchParsed(db, parseQuery(query.text), query, '&'),
  related,
};
