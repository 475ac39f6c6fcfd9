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
}

/** Rows a batch holds before it is written: bigger on PostgreSQL, where a statement is a round trip. */
export const batchRows = (dialect: Dialect): number => (dialect === 'postgres' ? 5000 : 500);

export const emptyBatches = (dialect: Dialect): Batches => ({ dialect, publications: [], requests: [] });

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

/** Writes the publications and requests held once either reaches `threshold` rows. */
export async function flush(trx: Trx, batches: Batches, threshold: number): Promise<void> {
  if (batches.publications.length >= threshold && batches.publications.length > 0) {
    if (batches.dialect === 'postgres')
      await insertJson(trx, 'publications', PUBLICATION_COLUMNS, batches.publications);
    else await trx.insertInto('publications').values(batches.publications).execute();
    batches.publications = [];
  }
  if (batches.requests.length >= threshold && batches.requests.length > 0) {
    if (batches.dialect === 'postgres') await writePostgresRequests(trx, batches.requests);
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

/** The batch's ids from the requests' sequence (in file order), then the requests and their items. */
async function writePostgresRequests(trx: Trx, requests: readonly PendingRequest[]): Promise<void> {
  const taken = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence('requests', 'id'))::integer as id
    from generate_series(1, ${requests.length})`.execute(trx);
  const ids = taken.rows.map((r) => r.id).sort((a, b) => a - b);
  const items: Array<{ agency_id: number; request_id: number; seq: number; outcome: string }> = [];
  const rows = requests.map(({ row, items: outcomes }, i) => {
    const id = ids[i];
    if (id === undefined) throw new Error('requests sequence returned too few ids');
    outcomes.forEach((outcome, seq) => {
      items.push({ agency_id: row.agency_id, request_id: id, seq: seq + 1, outcome });
    });
    return { ...row, id };
  });
  await insertJson(trx, 'requests', REQUEST_COLUMNS, rows);
  if (items.length > 0) await insertJson(trx, 'request_items', ITEM_COLUMNS, items);
}
