import type { Dialect } from '../db/connection.ts';
import { postgresSearchIndex } from './postgres-index.ts';
import { sqliteSearchIndex } from './sqlite-index.ts';
import type { SearchIndex } from './types.ts';

/**
 * The search index of a database: SQLite FTS5 or PostgreSQL tsvector/GIN, one interface.
 * Writes (`upsert`, `remove`) take the caller's transaction (pass the `trx`), so publishing,
 * editing and withdrawing an item change the index in the same transaction as the item.
 */
export function searchIndexFor(dialect: Dialect): SearchIndex {
  return dialect === 'postgres' ? postgresSearchIndex : sqliteSearchIndex;
}
