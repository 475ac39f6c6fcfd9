/**
 * Read queries of proactively disclosed items: the staff list (by status, category, column, year),
 * one item with its events, attachments, postings and its policy or interpretations, the public
 * list and page (published only), and the rows the timeliness figure is computed from.
 */
import { type SqlBool, sql } from 'kysely';
import type { ItemDocumentType, ItemSort } from '../../domain/items/list.ts';
import type { Db } from '../connection.ts';

export interface ItemListOptions {
  status?: string;
  category?: string;
  column?: string;
  /** the year of the formed date (成文日期) */
  year?: number;
  /** only published items (the public portal) */
  publishedOnly?: boolean;
  /** words the title, the 索引号 or the document number (文号) contains (the console's list and pickers) */
  q?: string;
  /** only policy documents (政策文件), e.g. to link an interpretation to one */
  policyDocument?: boolean;
  /** the kind of document: a policy document, an interpretation, or any other item */
  type?: ItemDocumentType;
  /** only items posted on this channel of the agency (a `publications` row of the item) */
  channel?: string;
  /** the order (newest first; 标题 A→Z); default: last updated (staff) or published (the public) */
  sort?: ItemSort;
  limit: number;
  offset: number;
}

const SORT_COLUMN = {
  published: 'published_on',
  formed: 'formed_on',
  updated: 'updated_at',
  title: 'title',
} as const satisfies Record<ItemSort, string>;

const SUMMARY = [
  'id',
  'index_no',
  'title',
  'category',
  'column_code',
  'issuer',
  'doc_number',
  'formed_on',
  'published_on',
  'validity',
  'subject',
  'status',
  'is_policy_document',
  'is_interpretation',
  'version',
  'updated_at',
] as const;

/** The items of an agency in the order asked (newest first by default), with the total for paging. */
export async function listItems(db: Db, agencyId: number, options: ItemListOptions) {
  let query = db.kysely.selectFrom('items').where('agency_id', '=', agencyId);
  if (options.publishedOnly) query = query.where('status', '=', 'published');
  else if (options.status) query = query.where('status', '=', options.status);
  if (options.category) query = query.where('category', '=', options.category);
  if (options.column) query = query.where('column_code', '=', options.column);
  if (options.policyDocument !== undefined)
    query = query.where('is_policy_document', '=', options.policyDocument ? 1 : 0);
  if (options.type === 'policy') query = query.where('is_policy_document', '=', 1);
  if (options.type === 'interpretation') query = query.where('is_interpretation', '=', 1);
  if (options.type === 'other')
    query = query.where('is_policy_document', '=', 0).where('is_interpretation', '=', 0);
  const channel = options.channel;
  if (channel)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('publications')
          .select('publications.id')
          .whereRef('publications.item_id', '=', 'items.id')
          .where('publications.channel', '=', channel),
      ),
    );
  const words = options.q?.trim();
  if (words) {
    const pattern = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // the backslash escapes % and _ on both databases
    query = query.where((eb) =>
      eb.or([
        sql<SqlBool>`title like ${pattern} escape '\\'`,
        sql<SqlBool>`index_no like ${pattern} escape '\\'`,
        sql<SqlBool>`doc_number like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (options.year) {
    query = query
      .where('formed_on', '>=', `${options.year}-01-01`)
      .where('formed_on', '<=', `${options.year}-12-31`);
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const sort = options.sort ?? (options.publishedOnly ? 'published' : 'updated');
  const column = SORT_COLUMN[sort];
  // dates newest first, drafts (no 发布日期) last; titles in code-point order on both databases
  // (SQLite compares text by its bytes; PostgreSQL's "C" collation does the same)
  const byTitle = db.dialect === 'postgres' ? sql`title collate "C"` : sql`title`;
  const ordered =
    sort === 'title'
      ? query.orderBy(byTitle, 'asc')
      : query.orderBy(sql`${sql.ref(column)} is null`, 'asc').orderBy(column, 'desc');
  const rows = await ordered
    .select(SUMMARY)
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return { total: Number(total?.n ?? 0), rows };
}

export type ItemSummaryRow = Awaited<ReturnType<typeof listItems>>['rows'][number];

/** An item with everything its page shows; null when the agency has no such item. */
export async function findItem(
  db: Db,
  agencyId: number,
  itemId: number,
  options: { publishedOnly?: boolean } = {},
) {
  let query = db.kysely
    .selectFrom('items')
    .selectAll()
    .where('id', '=', itemId)
    .where('agency_id', '=', agencyId);
  if (options.publishedOnly) query = query.where('status', '=', 'published');
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const relatedBase = db.kysely
    .selectFrom('items')
    .select(['id', 'index_no', 'title', 'doc_number', 'published_on', 'status'])
    .where('agency_id', '=', agencyId);
  // The public sees only published counterparts; staff see every one.
  const related = (q: typeof relatedBase) =>
    options.publishedOnly ? q.where('status', '=', 'published') : q;
  const policy = row.interprets_item_id
    ? ((await related(relatedBase.where('id', '=', row.interprets_item_id)).executeTakeFirst()) ?? null)
    : null;
  const interpretations = await related(relatedBase.where('interprets_item_id', '=', row.id))
    .orderBy('id')
    .execute();
  const attachments = await db.kysely
    .selectFrom('attachments')
    .select(['id', 'file_name', 'media_type', 'size', 'sha256', 'created_at', 'created_by'])
    .where('owner_type', '=', 'item')
    .where('owner_id', '=', row.id)
    .orderBy('id')
    .execute();
  const postings = await db.kysely
    .selectFrom('publications')
    .leftJoin('agency_channels', (join) =>
      join
        .onRef('agency_channels.agency_id', '=', 'publications.agency_id')
        .onRef('agency_channels.code', '=', 'publications.channel'),
    )
    .select(['publications.id', 'publications.channel', 'agency_channels.name as channel_name'])
    .select(['publications.published_on', 'publications.link'])
    .where('publications.item_id', '=', row.id)
    .orderBy('publications.id')
    .execute();
  const events = options.publishedOnly
    ? []
    : (
        await db.kysely
          .selectFrom('events')
          .select(['id', 'seq', 'name', 'at', 'actor', 'state_before', 'state_after', 'data'])
          .where('subject_type', '=', 'item')
          .where('subject_id', '=', String(row.id))
          .orderBy('seq')
          .execute()
      ).map(({ name, state_after, ...rest }) => ({
        ...rest,
        type: name.slice('items.'.length),
        state_after: state_after ?? '',
      }));
  // 条例第四十四条: the requests a draft was opened for (staff only)
  const fromRequests = options.publishedOnly
    ? []
    : await db.kysely
        .selectFrom('item_requests')
        .innerJoin('requests', 'requests.id', 'item_requests.request_id')
        .select(['requests.id', 'requests.registration_no', 'requests.information'])
        .where('item_requests.item_id', '=', row.id)
        .where('item_requests.agency_id', '=', agencyId)
        .orderBy('requests.id')
        .execute();
  return { row, policy, interpretations, attachments, postings, events, fromRequests };
}

export type FoundItem = NonNullable<Awaited<ReturnType<typeof findItem>>>;

/** One attachment of an item of an agency (of a published item only, for the public). */
export async function findAttachment(
  db: Db,
  where: { agencyId: number; itemId: number; attachmentId: number; publishedOnly: boolean },
) {
  let query = db.kysely
    .selectFrom('attachments')
    .innerJoin('items', 'items.id', 'attachments.owner_id')
    .select([
      'attachments.file_name',
      'attachments.media_type',
      'attachments.size',
      'attachments.storage_key',
    ])
    .where('attachments.id', '=', where.attachmentId)
    .where('attachments.owner_type', '=', 'item')
    .where('attachments.owner_id', '=', where.itemId)
    .where('items.agency_id', '=', where.agencyId);
  if (where.publishedOnly) query = query.where('items.status', '=', 'published');
  return (await query.executeTakeFirst()) ?? null;
}

/** Items published in a year (withdrawn ones too: they were published then), for timeliness. */
export async function publishedInYear(db: Db, agencyId: number, year: number) {
  return db.kysely
    .selectFrom('items')
    .select(['id', 'index_no', 'title', 'formed_on', 'published_on', 'status'])
    .where('agency_id', '=', agencyId)
    .where('published_on', '>=', `${year}-01-01`)
    .where('published_on', '<=', `${year}-12-31`)
    .orderBy('published_on')
    .orderBy('id')
    .execute();
}

/** Items not yet published (draft, in review, approved): the dashboard warns of those running late. */
export async function unpublishedItems(db: Db, agencyId: number) {
  return db.kysely
    .selectFrom('items')
    .select(['id', 'title', 'formed_on', 'status'])
    .where('agency_id', '=', agencyId)
    .where('status', 'in', ['draft', 'in_review', 'approved'])
    .orderBy('formed_on')
    .orderBy('id')
    .execute();
}

/** The agency's catalogue sub-columns, in order. */
export async function listAgencyColumns(db: Db, agencyId: number) {
  return db.kysely
    .selectFrom('agency_columns')
    .select(['code', 'name', 'category', 'sort'])
    .where('agency_id', '=', agencyId)
    .orderBy('category')
    .orderBy('sort')
    .orderBy('code')
    .execute();
}
