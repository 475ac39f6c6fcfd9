/**
 * `npx tsx bench/search-pg-compare.ts SCHEMA_A SCHEMA_B [--out FILE]`: the bench queries'
 * results on two PostgreSQL schemas of the same corpus (left by `npm run bench:search -- --db
 * postgres --keep`, say one indexed by id and one in date order, or before and after a change),
 * compared: six searches per query (page 1, page 2, the page at offset 990, page 1 by date, page 1
 * of 20 with the matched ids, page 1 within the first query's agency), 600 in all, each result
 * whole — hits (ids, titles, highlighted snippets, scores, dates, partial), total, totalCapped,
 * partialTotal, matchedIds. Prints how many differ and the first few; exit code 1 when any does.
 * With `--out FILE`, SCHEMA_B's results are also written as JSON (to compare against another
 * checkout's code: run it there with the same schemas). BENCH_DATABASE_URL or TEST_DATABASE_URL.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDb } from '../src/db/connection.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import type { SearchQuery } from '../src/search/types.ts';
import { BENCH_QUERIES } from './search-queries.ts';

const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
const [first, second] = positionals;
const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!first || !second || !url)
  throw new Error('usage: BENCH_DATABASE_URL=… npx tsx bench/search-pg-compare.ts SCHEMA_A SCHEMA_B');

/** The six searches of each bench query. */
const searches: SearchQuery[] = BENCH_QUERIES.flatMap((q) => [
  { ...q, limit: 10, offset: 0 },
  { ...q, limit: 10, offset: 10 },
  { ...q, limit: 10, offset: 990 },
  { ...q, limit: 10, offset: 0, sort: 'date' as const },
  { ...q, limit: 20, offset: 0, withMatchedIds: true },
  { ...q, limit: 10, offset: 0, agencyId: 1 },
]);

async function resultsOf(schema: string): Promise<string[]> {
  const db = openDb(url ?? '', { searchPath: schema });
  const index = searchIndexFor('postgres');
  const out: string[] = [];
  try {
    for (const query of searches) out.push(JSON.stringify(await index.search(db.kysely, query)));
  } finally {
    await db.close();
  }
  return out;
}

const a = await resultsOf(first);
const b = await resultsOf(second);
if (values.out) writeFileSync(values.out, `${JSON.stringify(b)}\n`);
const differing = searches.flatMap((query, i) => (a[i] === b[i] ? [] : [{ query, a: a[i], b: b[i] }]));
const hits = b.reduce((n, r) => n + (JSON.parse(r).hits?.length ?? 0), 0);
console.log(`${searches.length} searches, ${hits} hits: ${differing.length} differ`);
for (const d of differing.slice(0, 5))
  console.log(`  ${JSON.stringify(d.query)}\n    A ${d.a.slice(0, 300)}\n    B ${d.b.slice(0, 300)}`);
process.exit(differing.length > 0 ? 1 : 0);
