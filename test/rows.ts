/** Counting rows in tests: how many a table holds (optionally of one agency), on either database. */
import type { Db } from '../src/db/connection.ts';

/** The number of rows of `table` (`requests`, `events`, …), optionally of one agency. */
export async function countRows(
  db: Db,
  table: 'requests' | 'events' | 'letters',
  agencyId?: number,
): Promise<number> {
  let query = db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
  if (agencyId !== undefined) query = query.where('agency_id', '=', agencyId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
