/**
 * Loading for `npm run bench:search`: the corpus through the bulk-import path (importItems, JSON
 * Lines — it validates, writes items, events and publications, and indexes each batch), then the
 * index rebuilt from the items table through SearchIndex.upsert, timed on its own.
 */
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { cliContext } from '../src/cli/command-context.ts';
import { CopyWriter, withPinnedClient } from '../src/commands/import/pg-copy.ts';
import { importItems } from '../src/commands/import-items/import-items.ts';
import { itemSource } from '../src/commands/import-items/sources.ts';
import { importRecords } from '../src/commands/import-records.ts';
import { testContext } from '../src/commands/testing-context.ts';
import type { Db } from '../src/db/connection.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import { segmentAhead } from '../src/search/segment-ahead.ts';
import { warmSegmentPool } from '../src/search/segment-pool.ts';
import type { IndexableItem } from '../src/search/types.ts';
import { backendCpu, backendCpuSince } from './pg-backend-cpu.ts';
import { AGENCIES, corpus } from './search-corpus.ts';

const code = (i: number): string => `bench-${String(i + 1).padStart(2, '0')}`;

/** The corpus's agencies, through `gongkai import` lines; their ids are 1…20 in a fresh database. */
export async function createAgencies(db: Db): Promise<void> {
  async function* lines() {
    for (const [i, name] of AGENCIES.entries()) {
      yield JSON.stringify({ type: 'agency', code: code(i), name, kind: 'department' });
    }
  }
  const result = await importRecords(cliContext(db, { username: 'bench' }), {
    lines: lines(),
    source: 'bench:search',
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.reason).join('; '));
}

/** The corpus as importItems JSON Lines. */
async function* itemLines(count: number, seed: number): AsyncGenerator<string> {
  let n = 0;
  for (const item of corpus(count, seed)) {
    if (++n % 5_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    yield `${JSON.stringify({
      agency: code(item.agencyId - 1),
      title: item.title,
      body: `<p>${item.bodyText}</p>`,
      category: item.category,
      issuer: AGENCIES[item.agencyId - 1],
      docNumber: item.docNumber ?? '',
      formedOn: item.publishedOn,
      publishedOn: item.publishedOn,
      validity: item.validity,
      isPolicyDocument: item.documentType === 'policy',
      isInterpretation: item.documentType === 'interpretation',
    })}\n`;
  }
}

/** Imports the corpus through importItems; the number of items imported. */
export async function importCorpus(
  db: Db,
  count: number,
  seed: number,
  onProgress?: (rows: number) => void,
): Promise<number> {
  const source = itemSource(Readable.from(itemLines(count, seed)), 'jsonl');
  const result = await importItems(
    testContext(db, { actor: { username: 'bench' }, now: new Date('2025-01-02T02:00:00Z') }),
    {
      file: source,
      source: 'bench:search',
      progressEvery: 20_000,
      onProgress,
    },
  );
  if (!result.ok) {
    const shown = result.problems.slice(0, 5).map((p) => `  row ${p.line}: ${p.reason}`);
    throw new Error(`the corpus import was rejected (a bug in bench/search-load.ts):\n${shown.join('\n')}`);
  }
  return result.imported;
}

/** Empties the search index (the items stay). */
export async function clearIndex(db: Db): Promise<void> {
  await sql`delete from search_texts`.execute(db.kysely);
  if (db.dialect === 'postgres') await sql`delete from search_documents`.execute(db.kysely);
  else await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db.kysely);
}

/**
 * How the reindex writes and segments (bench:search's `--reindex-write`, `--segment`): `upsert`,
 * `insert … on conflict` (the default), or `copy`, upsert's COPY path for items new to the index
 * (PostgreSQL); `pool`, segmentation in the worker threads (the default), or `inplace`, on the
 * writing thread between its I/O (segment-ahead.ts).
 */
export interface ReindexWays {
  write: 'upsert' | 'copy';
  segment: 'pool' | 'inplace';
}

/**
 * Rebuilds the index from the items table: batches of `batch` items read in date order (`order`
 * `date`, the default: oldest first, as a site's items are published and indexed, so the index's
 * rows end in date order — what a search's newest matches read, docs/search.md “Rows in date
 * order”) or by id (`id`: the corpus's dates are random against its ids, so the rows are in no
 * date order at all), each upserted in
 * its own transaction, up to `connections` of them at once (PostgreSQL: each on its own pooled
 * connection, the next batch read while they write; SQLite has one writer, whose connection also
 * reads: batch n + 1 is read between upserts n − 1 and n), each batch handed to segmentAhead as
 * it is read (its segmentation runs in the worker threads while the batches before it are
 * written). Returns the wall-clock time during which at least one upsert ran (and the CPU time
 * this process — every thread — used meanwhile: on SQLite without the reads, which run between
 * the upserts), and the time of the whole pass (reads too).
 */
export async function reindex(
  db: Db,
  batch: number,
  connections: number,
  onProgress?: (done: number) => void,
  order: IndexOrder = 'date',
  how: ReindexWays = { write: 'upsert', segment: 'pool' },
): Promise<{ items: number; upsertMs: number; upsertCpuMs: number; passMs: number; backendCpuMs: number }> {
  const backendsBefore = await backendCpu(db);
  const start = performance.now();
  let upsertMs = 0;
  let upsertCpuMs = 0;
  let items = 0;
  let running = 0;
  let busySince = 0;
  let cpuSince = process.cpuUsage();
  const inFlight = new Set<Promise<void>>();
  const upsertOne = async (indexable: IndexableItem[]) => {
    if (running++ === 0) {
      busySince = performance.now();
      cpuSince = process.cpuUsage();
    }
    try {
      await writeBatch(db, indexable, how.write);
    } finally {
      if (--running === 0) {
        upsertMs += performance.now() - busySince;
        const used = process.cpuUsage(cpuSince);
        upsertCpuMs += (used.user + used.system) / 1000;
      }
    }
    items += indexable.length;
    onProgress?.(items);
  };
  const form = db.dialect === 'postgres' ? 'tsvector' : 'terms';
  const inPlace = how.segment === 'inplace';
  // The workers load (tsx, jieba's dictionary) while the first batches are read, as the items
  // import starts them ahead of its first batch.
  if (!inPlace) warmSegmentPool(form);
  const next = await batchReader(db, batch, order);
  let rows = await next();
  segmentAhead(rows, form, inPlace);
  if (db.dialect === 'sqlite') {
    // One connection reads and writes, and a read waits for the write transaction before it: a
    // batch read after upsert n began would reach the workers only once n committed, and upsert
    // n + 1 would wait for its whole segmentation. So batch n + 1 is read and handed to the
    // workers before upsert n starts, and each read runs between two upserts, outside their time.
    let following = await readAhead(next, rows, form, inPlace);
    while (rows.length > 0) {
      await upsertOne(rows);
      rows = following;
      following = await readAhead(next, rows, form, inPlace);
    }
  } else {
    while (rows.length > 0) {
      const task = upsertOne(rows).finally(() => inFlight.delete(task));
      inFlight.add(task);
      rows = await next();
      segmentAhead(rows, form, inPlace);
      if (inFlight.size >= connections) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }
  const passMs = performance.now() - start;
  const backendCpuMs = backendCpuSince(backendsBefore, await backendCpu(db));
  return { items, upsertMs, upsertCpuMs, passMs, backendCpuMs };
}

/** The batch after `rows` (none once `rows` is empty), handed to segmentAhead as it is read. */
async function readAhead(
  next: () => Promise<IndexableItem[]>,
  rows: readonly IndexableItem[],
  form: 'terms' | 'tsvector',
  inPlace: boolean,
): Promise<IndexableItem[]> {
  if (rows.length === 0) return [];
  const following = await next();
  segmentAhead(following, form, inPlace);
  return following;
}

/**
 * One batch of the reindex in its own transaction. The index was emptied first, so on PostgreSQL
 * its items are new to it: upsert's `fresh` path, COPY on the transaction's connection (the items
 * import's way), instead of `insert … on conflict`. A writer publishing meanwhile would make a
 * COPY fail on the key, not write twice; the bench has none.
 */
async function writeBatch(db: Db, items: IndexableItem[], write: ReindexWays['write']): Promise<void> {
  const index = searchIndexFor(db.dialect);
  if (db.dialect !== 'postgres' || write === 'upsert') {
    await db.kysely.transaction().execute((trx) => index.upsert(trx, items));
    return;
  }
  await withPinnedClient(db, (pinned, client) =>
    pinned.kysely.transaction().execute(async (trx) => {
      const copier = new CopyWriter(client);
      await index.upsert(trx, items, copier);
      await copier.settle();
    }),
  );
}

/** The order reindex reads (and so writes) the items in. */
export type IndexOrder = 'date' | 'id';

/**
 * The published items in batches, as the index takes them: by id (keyset), or in date order — the
 * ids sorted by (published_on, id) read once (the items table has no date index), then each
 * batch's rows by id.
 */
async function batchReader(
  db: Db,
  batch: number,
  order: IndexOrder,
): Promise<() => Promise<IndexableItem[]>> {
  if (order === 'id') {
    let after = 0;
    return async () => {
      const rows = await readBatch(db, (q) => q.where('id', '>', after).orderBy('id').limit(batch));
      after = rows[rows.length - 1]?.id ?? after;
      return rows;
    };
  }
  const ids = (
    await db.kysely
      .selectFrom('items')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('published_on')
      .orderBy('id')
      .execute()
  ).map((r) => Number(r.id));
  let at = 0;
  return async () => {
    const wanted = ids.slice(at, at + batch);
    at += batch;
    if (wanted.length === 0) return [];
    const byId = new Map(
      (await readBatch(db, (q) => q.where('id', 'in', wanted))).map((item) => [item.id, item]),
    );
    return wanted.flatMap((id) => byId.get(id) ?? []);
  };
}

const itemsQuery = (db: Db) =>
  db.kysely
    .selectFrom('items')
    .select([
      'id',
      'agency_id',
      'title',
      'body_text',
      'doc_number',
      'category',
      'published_on',
      'validity',
      'is_policy_document',
      'is_interpretation',
    ])
    .where('status', '=', 'published');

/** Published items (`narrow` picks which), as the index takes them. */
async function readBatch(
  db: Db,
  narrow: (q: ReturnType<typeof itemsQuery>) => ReturnType<typeof itemsQuery>,
): Promise<IndexableItem[]> {
  const rows = await narrow(itemsQuery(db)).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    title: r.title,
    bodyText: r.body_text,
    docNumber: r.doc_number || null,
    category: r.category,
    publishedOn: r.published_on ?? '',
    validity: r.validity,
    documentType: r.is_interpretation ? 'interpretation' : r.is_policy_document ? 'policy' : 'other',
  }));
}

/**
 * `--load direct`: the same corpus written straight into `items` (published, one multi-row
 * statement per 5,000 items), without importItems' validation, events, publications or indexing —
 * for a large PostgreSQL run on a loaded machine, where importItems alone takes an hour. The index
 * is then built by `reindex`, which is what is timed either way.
 */
export async function insertCorpus(
  db: Db,
  count: number,
  seed: number,
  onProgress?: (rows: number) => void,
): Promise<number> {
  let batch: IndexableItem[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const column = <T>(f: (item: IndexableItem) => T): T[] => batch.map(f);
    await sql`insert into items (agency_id, title, body_html, body_text, category, issuer, doc_number,
        formed_on, published_on, validity, subject, status, is_policy_document, is_interpretation,
        is_meeting, is_online_interview, version, created_at, updated_at, created_by)
      select a, t, '<p>' || b || '</p>', b, c, i, n, p, p, v, '', 'published', pol, itp, 0, 0, 1,
        '2025-01-02T02:00:00Z', '2025-01-02T02:00:00Z', 'bench'
      from unnest(${column((x) => x.agencyId)}::integer[], ${column((x) => x.title)}::text[],
        ${column((x) => x.bodyText)}::text[], ${column((x) => x.category)}::text[],
        ${column((x) => AGENCIES[x.agencyId - 1])}::text[], ${column((x) => x.docNumber ?? '')}::text[],
        ${column((x) => x.publishedOn)}::text[], ${column((x) => x.validity)}::text[],
        ${column((x) => (x.documentType === 'policy' ? 1 : 0))}::integer[],
        ${column((x) => (x.documentType === 'interpretation' ? 1 : 0))}::integer[])
        as r(a, t, b, c, i, n, p, v, pol, itp)`.execute(db.kysely);
    written += batch.length;
    batch = [];
    onProgress?.(written);
  };
  for (const item of corpus(count, seed)) {
    batch.push(item);
    if (batch.length === 5_000) await flush();
  }
  await flush();
  return written;
}
