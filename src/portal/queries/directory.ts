/** The agencies 机构导航 and the home page's cut read: every active agency with its parent's code. */
import type { Db } from '../../db/connection.ts';
import type { DirectoryAgency } from '../directory.ts';

/**
 * Every active agency, by name then code (listAgencies' order), with its parent's code — null at
 * the top or when the parent is retired (its agencies then head the tree themselves). One query:
 * a province's 2,000 agencies are read in a few milliseconds.
 */
export async function directoryAgencies(db: Db): Promise<DirectoryAgency[]> {
  const rows = await db.kysely
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', (join) =>
      join.onRef('p.id', '=', 'a.parent_id').on('p.retired_on', 'is', null),
    )
    .select(['a.code', 'a.name', 'p.code as parent_code'])
    .where('a.retired_on', 'is', null)
    .orderBy('a.name')
    .orderBy('a.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code ?? null }));
}
