/**
 * The 索引号 of imported items: the items workflow's own numbering (`indexNumber`, the agency's
 * prefix by `indexPrefixOf`), with the counters of the batch's agency-years moved in one statement.
 */
import type { StatutoryCategory } from '../../domain/items/categories.ts';
import { indexNumber, indexPrefixOf } from '../../domain/items/index-number.ts';
import type { PendingItem, RowProblem, WriteContext } from './write-items.ts';

/** The next 索引号 of each row: the counter of each agency-year moved once for the batch. */
export async function reserveIndexNumbers(
  ctx: WriteContext,
  batch: readonly PendingItem[],
): Promise<string[] | { problems: RowProblem[] }> {
  const groups = new Map<string, PendingItem[]>();
  for (const p of batch) {
    const key = `${p.agencyId}:${p.item.publishedOn.slice(0, 4)}`;
    const members = groups.get(key);
    if (members) members.push(p);
    else groups.set(key, [p]);
  }
  const numbers = new Map<PendingItem, string>();
  const problems: RowProblem[] = [];
  const wanted = [...groups.values()].flatMap((members) => {
    const first = members[0];
    return first
      ? [
          {
            agency_id: first.agencyId,
            year: Number(first.item.publishedOn.slice(0, 4)),
            last_seq: members.length,
          },
        ]
      : [];
  });
  if (wanted.length === 0) return [];
  // one lock order for every importer (two imports locking the same counters in turn do not deadlock)
  wanted.sort((a, b) => a.agency_id - b.agency_id || a.year - b.year);
  // every agency-year of the batch moved in one statement
  const counters = await ctx.trx
    .insertInto('item_index_counters')
    .values(wanted)
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet((eb) => ({
        last_seq: eb('item_index_counters.last_seq', '+', eb.ref('excluded.last_seq')),
      })),
    )
    .returning(['agency_id', 'year', 'last_seq'])
    .execute();
  const lastOf = new Map(counters.map((c) => [`${c.agency_id}:${c.year}`, c.last_seq]));
  for (const members of groups.values()) {
    const first = members[0];
    if (!first) continue;
    const year = Number(first.item.publishedOn.slice(0, 4));
    const n = members.length;
    const last = lastOf.get(`${first.agencyId}:${year}`);
    if (last === undefined) throw new Error(`index counter of ${first.agencyId}:${year} not returned`);
    const prefix = await prefixOf(ctx, first.agencyId);
    members.forEach((p, i) => {
      const seq = last - n + 1 + i;
      if (seq > 99_999)
        problems.push({ row: p.row, reason: `该机关 ${year} 年的索引号已用尽（每年最多 99999 条）` });
      else numbers.set(p, indexNumber(prefix, year, p.fields.category as StatutoryCategory, seq));
    });
  }
  if (problems.length > 0) return { problems };
  return batch.map((p) => numbers.get(p) ?? '');
}

async function prefixOf(ctx: WriteContext, agencyId: number): Promise<string> {
  const known = ctx.prefixes.get(agencyId);
  if (known) return known;
  const agency = await ctx.trx
    .selectFrom('agencies')
    .leftJoin('item_settings', 'item_settings.agency_id', 'agencies.id')
    .select(['agencies.code', 'item_settings.index_prefix'])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const prefix = indexPrefixOf(agency.index_prefix, agency.code);
  ctx.prefixes.set(agencyId, prefix);
  return prefix;
}
