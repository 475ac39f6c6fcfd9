/**
 * The rows `gongkai import` holds before writing them in bulk: publications, and requests with
 * their items (申请的各项办理结果). On PostgreSQL a batch goes as one JSON parameter per table
 * (db/json-rows.ts: `json_to_recordset`, parsed in C) — thousands of rows a statement instead of
 * one bound parameter per cell, and a request with items no longer costs two round trips of its
 * own: the batch's request ids are taken from the sequence first (one statement), so the items
 * can name them. On SQLite (an import inside a caller's transaction) the rows go as before:
 * multi-row INSERTs, a request with items written on its own line (write-record.ts).
 */
import { type Insertable, sql } from 'kysely';
import type { Dialect } from '../../db/connection.ts';
import { insertJsonRows } from '../../db/json-rows.ts';
import type { Database } from '../../db/schema.ts';
import type { Trx } from '../context.ts';
import type { CopyValue, CopyWriter } from './pg-copy.ts';

type PublicationRow = Insertable<Database['publications']>;
type RequestRow = Insertable<Database['requests']>;

/** A request waiting in the batch, with its items' outcomes in order (PostgreSQL only has any). */
export interface PendingRequest {
  row: RequestRow;
  items: readonly string[];
}

export interface Batches {
  dialect: Dialect;
  publications: PublicationRow[];
  requests: PendingRequest[];
  /** PostgreSQL, when the import holds its connection: batches go by COPY (pg-copy.ts), one in flight */
  copy?: CopyWriter;
}

/** Rows a batch holds before it is written: bigger on PostgreSQL, where a statement is a round trip. */
export const batchRows = (dialect: Dialect): number => (dialect === 'postgres' ? 5000 : 500);

export const emptyBatches = (dialect: Dialect, copy?: CopyWriter): Batches => ({
  dialect,
  publications: [],
  requests: [],
  copy,
});

const PUBLICATION_COLUMNS = {
  agency_id: 'integer',
  ref: 'text',
  title: 'text',
  category: 'text',
  channel: 'text',
  formed_on: 'text',
  published_on: 'text',
  is_policy_document: 'integer',
  is_interpretation: 'integer',
  is_meeting: 'integer',
  is_online_interview: 'integer',
} as const;

const REQUEST_COLUMNS = {
  id: 'integer',
  agency_id: 'integer',
  ref: 'text',
  applicant_type: 'text',
  channel: 'text',
  received_on: 'text',
  decided_on: 'text',
  outcome: 'text',
  fee_fen: 'integer',
  mixed_items: 'integer',
  state: 'text',
} as const;

const ITEM_COLUMNS = {
  agency_id: 'integer',
  request_id: 'integer',
  seq: 'integer',
  outcome: 'text',
} as const;

const insertJson = (
  trx: Trx,
  table: string,
  columns: Record<string, 'integer' | 'text'>,
  rows: readonly object[],
) => insertJsonRows('postgres', table, columns, rows).execute(trx);

/** A publication's COPY row, in PUBLICATION_COLUMNS' order. */
const publicationValues = (p: PublicationRow): readonly CopyValue[] => [
  p.agency_id,
  p.ref ?? null,
  p.title,
  p.category,
  p.channel,
  p.formed_on,
  p.published_on,
  p.is_policy_document ?? 0,
  p.is_interpretation ?? 0,
  p.is_meeting ?? 0,
  p.is_online_interview ?? 0,
];

type ItemRow = { agency_id: number; request_id: number; seq: number; outcome: string };
type NumberedRequest = RequestRow & { id: number };

/** A request's COPY row, in REQUEST_COLUMNS' order. */
const requestValues = (r: NumberedRequest): readonly CopyValue[] => [
  r.id,
  r.agency_id,
  r.ref ?? null,
  r.applicant_type,
  r.channel,
  r.received_on,
  r.decided_on ?? null,
  r.outcome ?? null,
  r.fee_fen ?? 0,
  r.mixed_items ?? 0,
  r.state ?? null,
];

const itemValues = (i: ItemRow): readonly CopyValue[] => [i.agency_id, i.request_id, i.seq, i.outcome];

/**
 * Writes the publications and requests held once either reaches `threshold` rows. With a COPY
 * writer the publications' COPY is left running (the caller reads on); `settle` waits for it.
 */
export async function flush(trx: Trx, batches: Batches, threshold: number): Promise<void> {
  if (batches.publications.length >= threshold && batches.publications.length > 0) {
    if (batches.copy)
      await batches.copy.copy(
        'publications',
        Object.keys(PUBLICATION_COLUMNS),
        batches.publications,
        publicationValues,
      );
    else if (batches.dialect === 'postgres')
      await insertJson(trx, 'publications', PUBLICATION_COLUMNS, batches.publications);
    else await trx.insertInto('publications').values(batches.publications).execute();
    batches.publications = [];
  }
  if (batches.requests.length >= threshold && batches.requests.length > 0) {
    if (batches.dialect === 'postgres') await writePostgresRequests(trx, batches.requests, batches.copy);
    else if (batches.requests.some((r) => r.items.length > 0))
      throw new Error('SQLite writes a request with items on its own line (write-record.ts), not in a batch');
    else
      await trx
        .insertInto('requests')
        .values(batches.requests.map((r) => r.row))
        .execute();
    batches.requests = [];
  }
}

/** Writes what is held, and waits for a COPY still in flight (its error thrown). */
export async function drain(trx: Trx, batches: Batches): Promise<void> {
  await flush(trx, batches, 1);
  await batches.copy?.settle();
}

/** The batch's ids from the requests' sequence (in file order), then the requests and their items. */
async function writePostgresRequests(
  trx: Trx,
  requests: readonly PendingRequest[],
  copy: CopyWriter | undefined,
): Promise<void> {
  // a publications' COPY in flight fails here, not as the next statement's aborted transaction
  await copy?.settle();
  const taken = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence('requests', 'id'))::integer as id
    from generate_series(1, ${requests.length})`.execute(trx);
  const ids = taken.rows.map((r) => r.id).sort((a, b) => a - b);
  const items: ItemRow[] = [];
  const rows: NumberedRequest[] = requests.map(({ row, items: outcomes }, i) => {
    const id = ids[i];
    if (id === undefined) throw new Error('requests sequence returned too few ids');
    outcomes.forEach((outcome, seq) => {
      items.push({ agency_id: row.agency_id, request_id: id, seq: seq + 1, outcome });
    });
    return { ...row, id };
  });
  if (copy) {
    await copy.copy('requests', Object.keys(REQUEST_COLUMNS), rows, requestValues);
    await copy.copy('request_items', Object.keys(ITEM_COLUMNS), items, itemValues);
    return;
  }
  await insertJson(trx, 'requests', REQUEST_COLUMNS, rows);
  if (items.length > 0) await insertJson(trx, 'request_items', ITEM_COLUMNS, items);
}
