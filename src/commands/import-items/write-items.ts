/**
 * Writing a batch of imported items inside the import's transaction, through the items workflow's
 * own pieces: the stored columns of the fields (`fieldColumns`), the agency's next 索引号 of the
 * year (`indexNumber`, its counter reserved for the whole batch at once), the item's event
 * (`imported`, straight to 已发布), the website row the annual report counts and a row per posting
 * on another channel, and the search index (`searchIndexFor(dialect).upsert`, once per batch).
 * On PostgreSQL, when the import holds its connection (`copy`), the batch's ids are taken from the
 * sequence first and the items, their events and publications go by COPY FROM STDIN (pg-copy.ts),
 * the publications' COPY left running while the next batch is read.
 */
import { availableParallelism } from 'node:os';
import { type Insertable, sql } from 'kysely';
import type { Dialect } from '../../db/connection.ts';
import { appendFirstEvents } from '../../db/events.ts';
import { insertJsonRows } from '../../db/json-rows.ts';
import type { Database } from '../../db/schema.ts';
import type { ItemFields } from '../../domain/items/fields.ts';
import { searchIndexFor } from '../../search/search-index.ts';
import { segmentAhead } from '../../search/segment-ahead.ts';
import type { Trx } from '../context.ts';
import type { CopyValue, CopyWriter } from '../import/pg-copy.ts';
import {
  fieldColumns,
  type ItemRow,
  indexableOf,
  NOT_REVIEWED_OR_WITHDRAWN,
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
  /** PostgreSQL, when the import holds its connection: the batch's rows go by COPY */
  copy?: CopyWriter;
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

/**
 * Whether the import's PostgreSQL batches (5,000 rows, over the segment pool's threshold) are
 * segmented in the pool's worker threads. Only with three cores or more: the import already keeps
 * two busy (its own thread and PostgreSQL's backend), and on two cores the workers cost more than
 * they give — each ~1 s of CPU to start (tsx, jieba's dictionary) and ~2× the CPU per item of
 * segmenting in place (the texts and results copied between threads). Measured on two cores
 * (docs/scale.md): 20,000 rows, ~345 µs of node CPU a row with the pool, ~240 in place.
 */
export const IMPORT_SEGMENT_POOL = availableParallelism() > 2;

/** Writes the batch; returns the rows it refused (nothing is written then). */
export async function writeItems(ctx: WriteContext, batch: readonly PendingItem[]): Promise<RowProblem[]> {
  // the previous batch's COPY, still running, fails here with its own error
  await ctx.copy?.settle();
  const problems = await refProblems(ctx.trx, batch);
  if (problems.length > 0) return problems;
  const numbers = await reserveIndexNumbers(ctx, batch);
  if (!Array.isArray(numbers)) return numbers.problems;
  const at = ctx.now.toISOString();
  const values = batch.map((p, i) => ({
    agency_id: p.agencyId,
    index_no: numbers[i] ?? null,
    ...fieldColumns(p.fields, p.bodyText),
    published_on: p.item.publishedOn,
    status: 'published',
    interprets_item_id: null,
    version: 1,
    created_at: at,
    updated_at: at,
    created_by: ctx.actor,
  }));
  const rows = ctx.copy ? await copiedRows(ctx.trx, values) : await insertedRows(ctx, values);
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
  const events = rows.map((r, i) => ({
    name: 'items.imported',
    subject: { type: 'item', id: r.id },
    agency: r.agency_id,
    actor: ctx.actor,
    at: ctx.now,
    state: { before: null, after: 'published' },
    data: { source: ctx.source, row: batch[i]?.row, indexNo: r.index_no, publishedOn: r.published_on },
  }));
  // the index first: with COPY the publications' COPY is then left running as the next batch is read;
  // the items are new (their ids just taken), so their index rows go by COPY too
  const indexables = rows.map(indexableOf);
  if (ctx.dialect === 'postgres' && !IMPORT_SEGMENT_POOL) segmentAhead(indexables, 'tsvector', true);
  await searchIndexFor(ctx.dialect).upsert(ctx.trx, indexables, ctx.copy);
  if (ctx.copy) {
    await ctx.copy.copy('items', Object.keys(ITEM_COPY_COLUMNS), rows, itemValues);
    await appendFirstEvents(ctx.trx, ctx.dialect, events, ctx.copy);
    await ctx.copy.copy('publications', Object.keys(PUBLICATION_COLUMNS), publications, publicationValues);
    return [];
  }
  await appendFirstEvents(ctx.trx, ctx.dialect, events);
  for (let i = 0; i < publications.length; i += 500) {
    const slice = publications.slice(i, i + 500);
    if (ctx.dialect === 'postgres')
      await insertJsonRows(ctx.dialect, 'publications', PUBLICATION_COLUMNS, slice).execute(ctx.trx);
    else await ctx.trx.insertInto('publications').values(slice).execute();
  }
  return [];
}

type ItemValues = Omit<
  ItemRow,
  'id' | 'reviewer' | 'reviewed_on' | 'review_result' | 'review_opinion' | 'withdrawn_on' | 'withdrawn_reason'
>;

/** The batch's items inserted (RETURNING *), in the batch's order. */
async function insertedRows(ctx: WriteContext, values: ItemValues[]): Promise<ItemRow[]> {
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
  return values.map((v) => {
    const found = byNumber.get(v.index_no);
    if (!found) throw new Error(`imported item ${v.index_no} not returned`);
    return found;
  });
}

/** The rows as they will be COPYed: ids taken from the items' sequence (one statement), in order. */
async function copiedRows(trx: Trx, values: ItemValues[]): Promise<ItemRow[]> {
  const taken = await sql<{ id: number }>`
    select nextval(s.name)::integer as id
    from (select pg_get_serial_sequence('items', 'id')::regclass as name) s, generate_series(1, ${values.length})`.execute(
    trx,
  );
  const ids = taken.rows.map((r) => r.id).sort((a, b) => a - b);
  return values.map((v, i) => {
    const id = ids[i];
    if (id === undefined) throw new Error('items sequence returned too few ids');
    return {
      ...v,
      id,
      ...NOT_REVIEWED_OR_WITHDRAWN,
    };
  });
}

/** COPY's columns of an imported item: its id (from the sequence) and ITEM_COLUMNS. */
const ITEM_COPY_COLUMNS = { id: 'integer', ...ITEM_COLUMNS } as const;

/** An item's COPY row, in ITEM_COPY_COLUMNS' order. */
const itemValues = (r: ItemRow): readonly CopyValue[] => [
  ...[r.id, r.agency_id, r.index_no, r.title, r.body_html, r.body_text, r.category, r.column_code],
  ...[r.issuer, r.doc_number, r.formed_on, r.validity, r.subject, r.is_policy_document],
  ...[r.is_interpretation, r.is_meeting, r.is_online_interview, r.published_on, r.status],
  ...[r.interprets_item_id, r.version, r.created_at, r.updated_at, r.created_by],
];

type PublicationRow = Insertable<Database['publications']>;

/** A publication's COPY row, in PUBLICATION_COLUMNS' order. */
const publicationValues = (p: PublicationRow): readonly CopyValue[] => [
  ...[p.agency_id, p.item_id ?? null, p.title, p.category, p.formed_on, p.is_policy_document ?? 0],
  ...[p.is_interpretation ?? 0, p.is_meeting ?? 0, p.is_online_interview ?? 0, p.interprets_id ?? null],
  ...[p.ref ?? null, p.channel, p.published_on, p.link ?? null],
];

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
  for (const p of batch) {
    if (!p.item.ref) continue;
    const refs = byAgency.get(p.agencyId);
    if (refs) refs.push(p.item.ref);
    else byAgency.set(p.agencyId, [p.item.ref]);
  }
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
