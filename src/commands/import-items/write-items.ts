/**
 * Writing a batch of imported items inside the import's transaction, through the items workflow's
 * own pieces: the stored columns of the fields (`fieldColumns`), the agency's next 索引号 of the
 * year (`indexNumber`, its counter reserved for the whole batch at once), the item's event
 * (`imported`, straight to 已发布), the website row the annual report counts and a row per posting
 * on another channel, and the search index (`searchIndexFor(dialect).upsert`, once per batch).
 */
import { type Insertable, sql } from 'kysely';
import type { Dialect } from '../../db/connection.ts';
import { appendFirstEvents } from '../../db/events.ts';
import { insertJsonRows } from '../../db/json-rows.ts';
import type { Database } from '../../db/schema.ts';
import type { ItemFields } from '../../domain/items/fields.ts';
import { searchIndexFor } from '../../search/search-index.ts';
import type { Trx } from '../context.ts';
import {
  fieldColumns,
  type ItemRow,
  indexableOf,
  publicationColumnsOf,
  WEBSITE_CHANNEL,
} from '../items/item-store.ts';
import { reserveIndexNumbers } from './index-numbers.ts';
import type { ImportedItem } from './parse-row.ts';

/** A checked row waiting in the batch: its agency, its fields as stored (body sanitized). */
export interface PendingItem {
  row: number;
  agencyId: number;
  item: ImportedItem;
  fields: ItemFields;
  bodyText: string;
}

/** An interpretation whose policy document is found once the whole file is written. */
export interface PendingLink {
  row: number;
  agencyId: number;
  itemId: number;
  interprets: string;
}

export interface WriteContext {
  trx: Trx;
  dialect: Dialect;
  actor: string;
  source: string;
  now: Date;
  /** agency id → its 索引号 prefix */
  prefixes: Map<number, string>;
  links: PendingLink[];
}

export interface RowProblem {
  row: number;
  reason: string;
}

/** The columns an imported item is written with (PostgreSQL: as one JSON parameter a batch). */
const ITEM_COLUMNS = {
  agency_id: 'integer',
  index_no: 'text',
  title: 'text',
  body_html: 'text',
  body_text: 'text',
  category: 'text',
  column_code: 'text',
  issuer: 'text',
  doc_number: 'text',
  formed_on: 'text',
  validity: 'text',
  subject: 'text',
  is_policy_document: 'integer',
  is_interpretation: 'integer',
  is_meeting: 'integer',
  is_online_interview: 'integer',
  published_on: 'text',
  status: 'text',
  interprets_item_id: 'integer',
  version: 'integer',
  created_at: 'text',
  updated_at: 'text',
  created_by: 'text',
} as const;

const PUBLICATION_COLUMNS = {
  agency_id: 'integer',
  item_id: 'integer',
  title: 'text',
  category: 'text',
  formed_on: 'text',
  is_policy_document: 'integer',
  is_interpretation: 'integer',
  is_meeting: 'integer',
  is_online_interview: 'integer',
  interprets_id: 'integer',
  ref: 'text',
  channel: 'text',
  published_on: 'text',
  link: 'text',
} as const;

/** Writes the batch; returns the rows it refused (nothing is written then). */
export async function writeItems(ctx: WriteContext, batch: readonly PendingItem[]): Promise<RowProblem[]> {
  const problems = await refProblems(ctx.trx, batch);
  if (problems.length > 0) return problems;
  const numbers = await reserveIndexNumbers(ctx, batch);
  if (!Array.isArray(numbers)) return numbers.problems;
  const at = ctx.now.toISOString();
  const values = batch.map((p, i) => ({
    agency_id: p.agencyId,
    index_no: numbers[i],
    ...fieldColumns(p.fields, p.bodyText),
    published_on: p.item.publishedOn,
    status: 'published',
    interprets_item_id: null,
    version: 1,
    created_at: at,
    updated_at: at,
    created_by: ctx.actor,
  }));
  const stored =
    ctx.dialect === 'postgres'
      ? (
          await sql<ItemRow>`${insertJsonRows(ctx.dialect, 'items', ITEM_COLUMNS, values)} returning *`.execute(
            ctx.trx,
          )
        ).rows
      : await ctx.trx.insertInto('items').values(values).returningAll().execute();
  // RETURNING promises no order: match the rows back by their (unique) 索引号.
  const byNumber = new Map(stored.map((r) => [r.index_no, r]));
  const rows = numbers.map((n) => {
    const found = byNumber.get(n);
    if (!found) throw new Error(`imported item ${n} not returned`);
    return found;
  });
  await appendFirstEvents(
    ctx.trx,
    ctx.dialect,
    rows.map((r, i) => ({
      name: 'items.imported',
      subject: { type: 'item', id: r.id },
      agency: r.agency_id,
      actor: ctx.actor,
      at: ctx.now,
      state: { before: null, after: 'published' },
      data: { source: ctx.source, row: batch[i]?.row, indexNo: r.index_no, publishedOn: r.published_on },
    })),
  );
  const publications: Insertable<Database['publications']>[] = [];
  rows.forEach((r, i) => {
    const pending = batch[i];
    if (!pending) return;
    const base = { ...publicationColumnsOf(r), interprets_id: null };
    const { ref, publishedOn, postings, interprets } = pending.item;
    publications.push({ ...base, ref, channel: WEBSITE_CHANNEL, published_on: publishedOn, link: null });
    for (const p of postings)
      publications.push({
        ...base,
        ref: null,
        channel: p.channel,
        published_on: p.postedOn ?? publishedOn,
        link: p.link,
      });
    if (interprets) ctx.links.push({ row: pending.row, agencyId: r.agency_id, itemId: r.id, interprets });
  });
  for (let i = 0; i < publications.length; i += 500) {
    const slice = publications.slice(i, i + 500);
    if (ctx.dialect === 'postgres')
      await insertJsonRows(ctx.dialect, 'publications', PUBLICATION_COLUMNS, slice).execute(ctx.trx);
    else await ctx.trx.insertInto('publications').values(slice).execute();
  }
  await searchIndexFor(ctx.dialect).upsert(ctx.trx, rows.map(indexableOf));
  return [];
}

/** A ref names one item of an agency: not twice in a batch, not one already used (earlier rows are written). */
async function refProblems(trx: Trx, batch: readonly PendingItem[]): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const p of batch) {
    if (!p.item.ref) continue;
    const key = `${p.agencyId}\u0000${p.item.ref}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ row: p.row, reason: `编号“${p.item.ref}”已在第${first}行用过` });
    else seen.set(key, p.row);
  }
  const byAgency = new Map<number, string[]>();
  for (const p of batch)
    if (p.item.ref) byAgency.set(p.agencyId, [...(byAgency.get(p.agencyId) ?? []), p.item.ref]);
  for (const [agencyId, refs] of byAgency) {
    const used = await trx
      .selectFrom('publications')
      .select('ref')
      .where('agency_id', '=', agencyId)
      .where('ref', 'in', refs)
      .execute();
    const taken = new Set(used.map((u) => u.ref));
    for (const p of batch)
      if (p.agencyId === agencyId && p.item.ref && taken.has(p.item.ref))
        problems.push({ row: p.row, reason: `编号“${p.item.ref}”已被本文件前面的行或此前导入的信息使用` });
  }
  return problems;
}
