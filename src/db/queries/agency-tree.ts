/**
 * The agencies as the tree's commands and its API read them (domain/agencies/tree.ts): every
 * agency with its parent, level and state, and an agency's requests still waiting for an answer.
 */
import type { Reader } from '../../commands/context.ts';
import type { AgencyTreeEntry } from '../../contract/agency-tree.ts';
import { buildTree, type TreeAgency, type TreeNode } from '../../domain/agencies/tree.ts';
import { AppError } from '../../errors.ts';

/** An agency row as the tree reads it. */
export interface AgencyTreeRow extends TreeAgency {
  shortName: string;
  kind: string;
  level: string;
}

/** Every agency (a few thousand at most: one query, the tree built in memory). */
export async function agencyTreeRows(db: Reader): Promise<AgencyTreeRow[]> {
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'code', 'name', 'short_name', 'parent_id', 'kind', 'level', 'retired_on'])
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    kind: r.kind,
    level: r.level,
    retiredOn: r.retired_on,
  }));
}

/** How many of the agency's requests are not yet answered (办结). */
export async function openRequestCount(db: Reader, agencyId: number): Promise<number> {
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('state', '!=', 'decided')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The tree as the API lists it: parents before children (each level by code), children counted. */
export async function agencyTreeEntries(db: Reader): Promise<AgencyTreeEntry[]> {
  const rows = await agencyTreeRows(db);
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  const entries: AgencyTreeEntry[] = [];
  const walk = (node: TreeNode<AgencyTreeRow>): number => {
    const index = entries.length;
    const { agency } = node;
    entries.push({
      code: agency.code,
      name: agency.name,
      shortName: agency.shortName,
      parentCode: agency.parentId === null ? null : (codeOf.get(agency.parentId) ?? null),
      kind: agency.kind,
      level: agency.level,
      retiredOn: agency.retiredOn,
      children: node.children.length,
      activeChildren: node.children.filter((c) => c.agency.retiredOn === null).length,
      descendants: 0,
    });
    const below = node.children.reduce((sum, child) => sum + 1 + walk(child), 0);
    entries[index].descendants = below;
    return below;
  };
  for (const root of buildTree(rows)) walk(root);
  return entries;
}

/** One agency as the API lists it (404 when unknown). */
export async function agencyTreeEntry(db: Reader, code: string): Promise<AgencyTreeEntry> {
  const found = (await agencyTreeEntries(db)).find((e) => e.code === code);
  if (!found) throw new AppError('not_found', `未找到机关代码为 ${code} 的机关`);
  return found;
}
