/**
 * Read queries of the portal that the API has no counterpart for: an agency's public profile, the
 * newest published items (of one agency or all), policy documents with their interpretations (two
 * queries, not one per document) and the count of published items per 第二十条 category.
 */
import type { Db } from '../../db/connection.ts';

/** What the portal shows of an agency (公开指南: address, office, phone). */
export async function findAgencyProfile(db: Db, code: string) {
  return (
    (await db.kysely
      .selectFrom('agencies')
      .select(['id', 'code', 'name', 'address', 'postcode', 'phone', 'office', 'website', 'website_name'])
      .where('code', '=', code)
      .executeTakeFirst()) ?? null
  );
}

export type AgencyProfile = NonNullable<Awaited<ReturnType<typeof findAgencyProfile>>>;

const LINE = [
  'items.id',
  'items.title',
  'items.published_on',
  'items.doc_number',
  'agencies.code as agency_code',
] as const;

/** The newest published items, of one agency or of all. */
export async function latestItems(
  db: Db,
  options: { agencyId?: number; policyOnly?: boolean; limit: number },
) {
  let query = db.kysely
    .selectFrom('items')
    .innerJoin('agencies', 'agencies.id', 'items.agency_id')
    .select(LINE)
    .where('items.status', '=', 'published');
  if (options.agencyId !== undefined) query = query.where('items.agency_id', '=', options.agencyId);
  if (options.policyOnly) query = query.where('items.is_policy_document', '=', 1);
  return query
    .orderBy('items.published_on', 'desc')
    .orderBy('items.id', 'desc')
    .limit(options.limit)
    .execute();
}

export type ItemLine = Awaited<ReturnType<typeof latestItems>>[number];

/** The newest policy documents, each with its published interpretations. */
export async function policiesWithInterpretations(db: Db, options: { agencyId?: number; limit: number }) {
  const policies = await latestItems(db, { ...options, policyOnly: true });
  if (policies.length === 0) return [];
  const interpretations = await db.kysely
    .selectFrom('items')
    .innerJoin('agencies', 'agencies.id', 'items.agency_id')
    .select([...LINE, 'items.interprets_item_id'])
    .where('items.status', '=', 'published')
    .where(
      'items.interprets_item_id',
      'in',
      policies.map((p) => p.id),
    )
    .orderBy('items.id')
    .execute();
  return policies.map((policy) => ({
    policy,
    interpretations: interpretations.filter((i) => i.interprets_item_id === policy.id),
  }));
}

/** Published items per category code. */
export async function categoryCounts(db: Db, agencyId: number): Promise<Map<string, number>> {
  const rows = await db.kysely
    .selectFrom('items')
    .select(['category', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .groupBy('category')
    .execute();
  return new Map(rows.map((r) => [r.category, Number(r.n)]));
}
