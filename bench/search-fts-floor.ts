/**
 * `npx tsx bench/search-fts-floor.ts`: how fast SQLite itself can write this search index, with
 * nothing else to do — the bound on bench:search's indexing throughput on this machine (bench:search
 * measures it too, in the same run, through `measureFloor`).
 *
 * The corpus of bench:search (same seed) is segmented here, batch by batch, untimed; then only the
 * SQLite statements are timed, on one connection, as SearchIndex.upsert issues them: the
 * `search_texts` rows, the rows of `search_fts` (FTS5, with the settings the migrations give it:
 * automerge 8, hashsize 16 MiB) as JSON parameters of up to 10,000 rows sorted by key, and the
 * commit of each 10,000-item batch (where FTS5 writes its pending terms and merges segments), with
 * the synchronous setting of the application (FULL). A database has one writer, so 1e6 / (µs per
 * item) is the most items per second any indexing can reach here.
 * Flags: --items N (1,000,000), --batch N (10,000), --fts-rows N (rows per FTS5 insert, 10,000).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { indexText } from '../src/search/segment.ts';
import { docKey, facetText } from '../src/search/sqlite-terms.ts';
import type { IndexableItem } from '../src/search/types.ts';
import { corpus } from './search-corpus.ts';

type Kind = 'fts' | 'commit' | 'texts';

/** What SQLite alone spent writing the index, in milliseconds by kind (wall and CPU). */
export interface Floor {
  items: number;
  ms: Record<Kind, number>;
  cpuMs: Record<Kind, number>;
}

const INSERT_TERMS = `insert into search_fts (rowid, title, body, facets)
  select value ->> 0, value ->> 1, value ->> 2, value ->> 3 from json_each(?)`;
const INSERT_TEXTS = `insert into search_texts (item_id, doc_key, agency_id, title, body_text, doc_number)
  select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 from json_each(?)`;

function jsonChunks(rows: unknown[][], size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(JSON.stringify(rows.slice(i, i + size)));
  return out;
}

/** Writes the index of the corpus's first `items` items into a fresh file, timing only SQLite. */
export async function measureFloor(options: {
  items: number;
  seed: number;
  batch: number;
  ftsRows?: number;
  onProgress?: (done: number) => void;
}): Promise<Floor> {
  const ftsRows = options.ftsRows ?? 10_000;
  const file = join(tmpdir(), `gongkai-fts-floor-${randomBytes(4).toString('hex')}.db`);
  const db = openDb(`sqlite:${file}`);
  await migrateToLatest(db);
  await db.close();
  const sqlite = new SQLite(file);
  const ms: Record<Kind, number> = { fts: 0, commit: 0, texts: 0 };
  const cpuMs: Record<Kind, number> = { fts: 0, commit: 0, texts: 0 };
  let done = 0;
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    const insertTerms = sqlite.prepare(INSERT_TERMS);
    const insertTexts = sqlite.prepare(INSERT_TEXTS);
    const begin = sqlite.prepare('begin');
    const commit = sqlite.prepare('commit');
    const time = (kind: Kind, run: () => void) => {
      const start = performance.now();
      const cpu = process.cpuUsage();
      run();
      ms[kind] += performance.now() - start;
      const used = process.cpuUsage(cpu);
      cpuMs[kind] += (used.user + used.system) / 1000;
    };
    const write = (batch: IndexableItem[]) => {
      const keyed = batch.map((item) => ({ item, key: docKey(item.publishedOn, item.id) }));
      const texts = keyed.map(({ item, key }) => [
        item.id,
        key,
        item.agencyId,
        item.title,
        item.bodyText,
        item.docNumber,
      ]);
      const terms = keyed
        .sort((a, b) => a.key - b.key)
        .map(({ item, key }) => [
          key,
          indexText(item.docNumber ? `${item.title} ${item.docNumber}` : item.title),
          indexText(item.bodyText),
          facetText(item),
        ]);
      const textJson = jsonChunks(texts, ftsRows);
      const termJson = jsonChunks(terms, ftsRows);
      begin.run();
      time('texts', () => {
        for (const json of textJson) insertTexts.run(json);
      });
      time('fts', () => {
        for (const json of termJson) insertTerms.run(json);
      });
      time('commit', () => commit.run());
      done += batch.length;
      options.onProgress?.(done);
    };
    let batch: IndexableItem[] = [];
    for (const item of corpus(options.items, options.seed)) {
      batch.push(item);
      if (batch.length === options.batch) {
        write(batch);
        batch = [];
      }
    }
    if (batch.length > 0) write(batch);
  } finally {
    sqlite.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
  return { items: done, ms, cpuMs };
}

/** µs per item of a total in milliseconds. */
export const perItem = (floor: Floor, ms: number): number => (ms * 1000) / floor.items;

/** The floor's items per second: one writer doing nothing but these statements. */
export const floorRate = (floor: Floor): number =>
  1e6 / perItem(floor, floor.ms.fts + floor.ms.commit + floor.ms.texts);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '1000000' },
      batch: { type: 'string', default: '10000' },
      'fts-rows': { type: 'string', default: '10000' },
    },
  });
  const int = (value: string) => Number(value.replaceAll('_', ''));
  const floor = await measureFloor({
    items: int(values.items),
    seed: 20240101,
    batch: int(values.batch),
    ftsRows: int(values['fts-rows']),
    onProgress: (done) => {
      if (process.stdout.isTTY) process.stdout.write(`\r  writing… ${done.toLocaleString('en-US')}   `);
    },
  });
  if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  const { ms, cpuMs } = floor;
  const per = (total: number) => perItem(floor, total).toFixed(1);
  const fts = perItem(floor, ms.fts + ms.commit);
  console.log(
    `SQLite alone writing the search index of ${floor.items.toLocaleString('en-US')} items (one writer, nothing else running):`,
  );
  console.log(
    `  FTS5 insert + commit     ${per(ms.fts)} + ${per(ms.commit)} µs/item → at most ${Math.round(1e6 / fts).toLocaleString('en-US')} items/s`,
  );
  console.log(
    `  with search_texts        +${per(ms.texts)} µs/item → at most ${Math.round(floorRate(floor)).toLocaleString('en-US')} items/s`,
  );
  console.log(
    `  CPU time of the same     ${per(cpuMs.fts)} + ${per(cpuMs.commit)} + ${per(cpuMs.texts)} µs/item (load average ${loadavg()[0].toFixed(1)}, ${availableParallelism()} cores)`,
  );
  console.log('  (bench:search target: 20,000 items/s)');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
