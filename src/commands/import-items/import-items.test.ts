import { Readable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import type { Db } from '../../db/connection.ts';
import { importRecords } from '../import-records.ts';
import { testContext } from '../testing-context.ts';
import { importItems } from './import-items.ts';
import { itemSource } from './sources.ts';

const ROWS = 20_000;

/** The live heap: collected first where the runner exposes gc (vitest.config.ts), so garbage left by
 * earlier test files in the same worker does not count. */
function liveHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}
const HEADER = '标题,正文,类别,发文机关,成文日期,发布日期\n';

/** A CSV generated as it is read: never whole in memory. */
async function* generated(rows: number, badAt = -1): AsyncGenerator<string> {
  yield HEADER;
  for (let i = 0; i < rows; i++) {
    const month = i === badAt ? '13' : String((i % 12) + 1).padStart(2, '0');
    yield `第${i}号通知,<p>内容${i}</p>,a20.${(i % 15) + 1},某局,2021-01-04,2021-${month}-10\n`;
  }
}

async function countOf(db: Db, table: 'items' | 'publications' | 'events' | 'search_texts') {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('gongkai items import of a large file', (use) => {
  beforeAll(async () => {
    async function* lines() {
      yield JSON.stringify({ type: 'agency', code: 'imp-big', name: '大文件测试机关', kind: 'department' });
    }
    expect(
      (
        await importRecords(testContext(use(), { actor: { username: 'test' } }), {
          lines: lines(),
          source: 'setup',
        })
      ).problems,
    ).toEqual([]);
  });

  it(`streams ${ROWS} rows in batches, memory flat, progress reported`, async () => {
    const heapBefore = liveHeap();
    let peak = heapBefore;
    const progress: number[] = [];
    const source = itemSource(Readable.from(generated(ROWS)), 'csv');
    const ctx = testContext(use(), { actor: { username: 'test' }, now: new Date('2022-01-20T02:00:00Z') });
    const result = await importItems(ctx, {
      file: source,
      source: 'big.csv',
      agency: 'imp-big',
      progressEvery: 5000,
      onProgress: (rows) => {
        progress.push(rows);
        peak = Math.max(peak, liveHeap());
      },
    });
    expect(result.problems).toEqual([]);
    expect(result.imported).toBe(ROWS);
    expect(progress).toEqual([5001, 10_001, 15_001, 20_001, 20_001]);
    expect(source.bytesRead()).toBeGreaterThan(ROWS * 40);
    // A generous bound: the file and its items are never held whole (a leak would grow with the rows).
    expect(peak - heapBefore).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);

  it('writes nothing when a row at 80% is bad, after whole batches went in (PostgreSQL: by COPY)', async () => {
    const tables = ['items', 'publications', 'events', 'search_texts'] as const;
    const before = await Promise.all(tables.map((t) => countOf(use(), t)));
    const rows = 12_000;
    const source = itemSource(Readable.from(generated(rows, rows * 0.8)), 'csv');
    const ctx = testContext(use(), { actor: { username: 'test' }, now: new Date('2022-01-20T02:00:00Z') });
    const result = await importItems(ctx, { file: source, source: 'bad.csv', agency: 'imp-big' });
    expect(result.ok).toBe(false);
    expect(result.imported).toBe(0);
    expect(result.problems).toEqual([
      { line: rows * 0.8 + 2, reason: expect.stringContaining('列“发布日期”的值“2021-13-10”不是有效日期') },
    ]);
    const after = await Promise.all(tables.map((t) => countOf(use(), t)));
    expect(after).toEqual(before);
  }, 120_000);
});
