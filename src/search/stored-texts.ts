import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { StoredText } from './ranking.ts';

/**
 * The stored title and body of items, by item id (for ranking and snippets). The ids go in as one
 * parameter — a JSON array on SQLite, an int[] on PostgreSQL: binding 400 parameters costs more
 * than reading the 400 rows (bench:search).
 */
export async function storedTexts(
  db: Kysely<Database>,
  dialect: Dialect,
  ids: readonly number[],
): Promise<Map<number, StoredText>> {
  if (ids.length === 0) return new Map();
  const { rows } =
    dialect === 'sqlite'
      ? await db.executeQuery<{ item_id: number; title: string; body_text: string }>(
          CompiledQuery.raw(
            'select item_id, title, body_text from search_texts where item_id in (select value from json_each(?))',
            [JSON.stringify(ids)],
          ),
        )
      : await sql<{ item_id: number; title: string; body_text: string }>`
          select item_id, title, body_text from search_texts where item_id = any(${[...ids]}::int[])`.execute(
          db,
        );
  return new Map(rows.map((r) => [Number(r.item_id), { title: r.title, body: r.body_text }]));
}
