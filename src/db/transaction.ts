import type { Kysely, Transaction } from 'kysely';
import type { Db } from './connection.ts';
import type { Database } from './schema.ts';

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` already is one (see
 * `withinTransaction`), so commands compose — e.g. the demo loader runs the case commands inside
 * its import, all or nothing.
 */
export async function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.kysely.isTransaction) return work(db.kysely as Transaction<Database>);
  return db.kysely.transaction().execute(work);
}

/** A Db whose queries run in the given transaction (commands called with it join that transaction). */
export function withinTransaction(db: Db, trx: Kysely<Database>): Db {
  return { ...db, kysely: trx, close: async () => {} };
}
