/**
 * `npx tsx bench/search-fts-floor.ts`: how fast SQLite itself can write this search index, with
 * nothing else to do — the bound on bench:search's indexing throughput on this machine.
 *
 * The corpus of bench:search (same seed) is segmented here, batch by batch, untimed; then only the
 * SQLite statements are timed, on one connection, as SearchIndex.upsert issues them: the rows of
 * `search_fts` (FTS5, with the settings the migrations give it: automerge 8, hashsize 16 MiB) as
 * JSON parameters of 5,000 rows sorted by key, the `search_texts` rows, and the commit of each
 * 10,000-item batch (where FTS5 writes its pending terms and merges segments). A database has one
 * writer, so 1e6 / (µs per item) is the most items per second any indexing can reach here.
 * Flags: --items N (1,000,000), --batch N (10,000).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { indexText } from '../src/search/segment.ts';
import { docKey, facetText } from '../src/search/sqlite-terms.ts';
import type { IndexableItem } from '../src/search/types.ts';
import { corpus } from './search-corpus.ts';

const { values } = parseArgs({
  options: { items: { type: 'string', default: '1000000' }, batch: { type: 'string', default: '10000' } },
});
const items = Number(values.items.replaceAll('_', ''));
const batchSize = Number(values.batch.replaceAll('_', ''));
const FTS_ROWS = 5_000;

const file = join(tmpdir(), `gongkai-fts-floor-${randomBytes(4).toString('hex')}.db`);
const remove = () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
};

async function main(): Promise<void> {
  const db = openDb(`sqlite:${file}`);
  await migrateToLatest(db);
  await db.close();
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  const insertTerms = sqlite.prepare(`insert into search_fts (rowid, title, body, facets)
    select value ->> 0, value ->> 1, value ->> 2, value ->> 3 from json_each(?)`);
  const insertTexts =
    sqlite.prepare(`insert into search_texts (item_id, doc_key, agency_id, title, body_text, doc_number)
    select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 from json_each(?)`);
  const begin = sqlite.prepare('begin');
  const commit = sqlite.prepare('commit');
  const ms = { fts: 0, commit: 0, texts: 0 };
  const time = (kind: keyof typeof ms, run: () => void) => {
    const start = performance.now();
    run();
    ms[kind] += performance.now() - start;
  };
  let batch: IndexableItem[] = [];
  let done = 0;
  const write = () => {
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
    const textJson: string[] = [];
    const termJson: string[] = [];
    for (let i = 0; i < texts.length; i += FTS_ROWS)
      textJson.push(JSON.stringify(texts.slice(i, i + FTS_ROWS)));
    for (let i = 0; i < terms.length; i += FTS_ROWS)
      termJson.push(JSON.stringify(terms.slice(i, i + FTS_ROWS)));
    begin.run();
    time('texts', () => {
      for (const json of textJson) insertTexts.run(json);
    });
    time('fts', () => {
      for (const json of termJson) insertTerms.run(json);
    });
    time('commit', () => commit.run());
    done += batch.length;
    batch = [];
    if (process.stdout.isTTY) process.stdout.write(`\r  writing… ${done.toLocaleString('en-US')}   `);
  };
  for (const item of corpus(items, 20240101)) {
    batch.push(item);
    if (batch.length === batchSize) write();
  }
  if (batch.length > 0) write();
  sqlite.close();
  if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  const per = (total: number) => (total * 1000) / done;
  const fts = per(ms.fts + ms.commit);
  const all = fts + per(ms.texts);
  console.log(
    `SQLite alone writing the search index of ${done.toLocaleString('en-US')} items (one writer, nothing else running):`,
  );
  console.log(
    `  FTS5 insert + commit     ${per(ms.fts).toFixed(1)} + ${per(ms.commit).toFixed(1)} µs/item → at most ${Math.round(1e6 / fts).toLocaleString('en-US')} items/s`,
  );
  console.log(
    `  with search_texts        +${per(ms.texts).toFixed(1)} µs/item → at most ${Math.round(1e6 / all).toLocaleString('en-US')} items/s`,
  );
  console.log('  (bench:search target: 20,000 items/s)');
}

process.once('SIGINT', () => {
  remove();
  process.exit(130);
});
main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  })
  .finally(remove);
