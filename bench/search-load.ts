/**
 * Loading for `npm run bench:search`: the corpus through the bulk-import path (importItems, JSON
 * Lines — it validates, writes items, events and publications, and indexes each batch), then the
 * index rebuilt from the items table through SearchIndex.upsert, timed on its own.
 */
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { cliContext } from '../src/cli/command-context.ts';
import { importItems } from '../src/commands/import-items/import-items.ts';
import { itemSource } from '../src/commands/import-items/sources.ts';
import { importRecords } from '../src/commands/import-records.ts';
import { testContext } from '../src/commands/testing-context.ts';
import type { Db } from '../src/db/connection.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import { segmentAhead } from '../src/search/segment-ahead.ts';
import type { IndexableItem } from '../src/search/types.ts';
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

/** A batch of published items after `after`, by id, as the index takes them. */
async function readBatch(db: Db, after: number, batch: number): Promise<IndexableItem[]> {
  const rows = await db.kysely
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
    .where('status', '=', 'published')
    .where('id', '>', after)
    .orderBy('id')
    .limit(batch)
    .execute();
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
 * Rebuilds the index from the items table: batches of `batch` items read by id, each upserted in
 * its own transaction, the next batch read and handed to segmentAhead first (its segmentation
 * runs in the worker threads while this one is written). Returns the time spent in upsert (and the
 * CPU time this process — every thread — used meanwhile), and the time of the whole pass (reads too).
 */
export async function reindex(
  db: Db,
  batch: number,
  onProgress?: (done: number) => void,
): Promise<{ items: number; upsertMs: number; upsertCpuMs: number; passMs: number }> {
  const index = searchIndexFor(db.dialect);
  const start = performance.now();
  let upsertMs = 0;
  let upsertCpuMs = 0;
  let items = 0;
  let next = await readBatch(db, 0, batch);
  while (next.length > 0) {
    const current = next;
    next = await readBatch(db, current[current.length - 1].id, batch);
    segmentAhead(next);
    const t = performance.now();
    const cpu = process.cpuUsage();
    await db.kysely.transaction().execute((trx) => index.upsert(trx, current));
    upsertMs += performance.now() - t;
    const used = process.cpuUsage(cpu);
    upsertCpuMs += (used.user + used.system) / 1000;
    items += current.length;
    onProgress?.(items);
  }
  return { items, upsertMs, upsertCpuMs, passMs: performance.now() - start };
}
