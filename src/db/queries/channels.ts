/** An agency's publication channels (agency_channels), in the agency's order. */
import type { Db } from '../connection.ts';

/** The channels of an agency: code and name, by the agency's sort order. */
export async function listChannels(db: Db, agencyId: number): Promise<Array<{ code: string; name: string }>> {
  return db.kysely
    .selectFrom('agency_channels')
    .select(['code', 'name'])
    .where('agency_id', '=', agencyId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}
