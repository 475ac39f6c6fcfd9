/**
 * PostgreSQL's COPY FROM STDIN for `gongkai import` (pg-copy-streams), inside the import's one
 * transaction: rows go to the server as tab-separated text, which it parses with no JSON and no
 * statement per batch, and a batch is copied while the next one is read from the file — the import's
 * reading and the database's writing overlap (the machine's two cores both work) instead of taking
 * turns. Kysely does not hand out its pg client, so the import draws one connection from the pool
 * and gives Kysely a pool of that one connection (`withPinnedClient`): its statements and the COPYs
 * share the connection, hence the transaction, and pg's queue keeps them in order.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';

/** A value of a COPY row: text, an integer, or null. */
export type CopyValue = string | number | null;

/** Rows copied in one chunk written to the COPY stream. */
const CHUNK_ROWS = 1000;

/** One value in COPY's text format: `\N` for null; backslash, tab, newline and return escaped. */
export function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '\t') return '\\t';
    return c === '\n' ? '\\n' : '\\r';
  });
}

/** The rows as COPY text, a chunk of lines at a time. */
function* copyChunks<R>(rows: readonly R[], values: (row: R) => readonly CopyValue[]): Generator<string> {
  for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
    let chunk = '';
    for (const row of rows.slice(from, from + CHUNK_ROWS))
      chunk += `${values(row).map(copyText).join('\t')}\n`;
    yield chunk;
  }
}

/**
 * Copies batches into tables on one connection, one COPY in flight at a time: `copy` starts a batch
 * and returns as soon as the previous one has finished (so the caller reads on meanwhile); `settle`
 * waits for the one in flight and throws its error (the database's refusal of a row, a constraint).
 */
export class CopyWriter {
  private pending: Promise<void> | null = null;

  constructor(private readonly client: pg.PoolClient) {}

  async copy<R>(
    table: string,
    columns: readonly string[],
    rows: readonly R[],
    values: (row: R) => readonly CopyValue[],
  ): Promise<void> {
    await this.settle();
    if (rows.length === 0) return;
    const stream = this.client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
    const done = pipeline(Readable.from(copyChunks(rows, values)), stream);
    // heard here so an unawaited failure is not an unhandled rejection; `settle` throws it
    done.catch(() => {});
    this.pending = done;
  }

  async settle(): Promise<void> {
    const pending = this.pending;
    this.pending = null;
    if (pending) await pending;
  }
}

/**
 * Runs `work` on one connection of `db`'s pool: `pinned` is a Db whose Kysely uses only that
 * connection (a transaction begun on it is on that connection; `db`'s plugins kept), and `client` is the connection
 * itself, for COPY. The connection goes back to the pool afterwards (closed if `work` failed, in
 * case it was the connection that failed).
 */
export async function withPinnedClient<T>(
  db: Db,
  work: (pinned: Db, client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  if (!db.pool) throw new Error('withPinnedClient needs a PostgreSQL pool');
  const client = await db.pool.connect();
  const pool: PostgresPool = {
    connect: async () => ({
      query: client.query.bind(client),
      release: () => {},
    }),
    end: async () => {},
  };
  // the same plugins as `db`'s own Kysely (a caller's, e.g. a test's failing writes, apply here too)
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [...db.kysely.getExecutor().plugins],
  });
  let failed = false;
  try {
    return await work({ ...db, kysely, close: async () => {} }, client);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await kysely.destroy();
    client.release(failed);
  }
}
