import { expect, it } from 'vitest';
import { measure, printResult } from '../bench/supervision.ts';
import { openDb } from '../src/db/connection.ts';

/** `npm run bench:supervision` at a tiny size on SQLite, so the bench cannot rot: it generates, measures and checks. */
it('runs the supervision bench on a tiny province', { timeout: 60_000 }, async () => {
  const db = openDb('sqlite::memory:');
  try {
    const lines: string[] = [];
    const result = await measure(
      db,
      { agencies: 20, publications: 2000, requests: 500 },
      { runs: 1, log: (line) => lines.push(line) },
    );
    expect(result.sizes).toEqual({ agencies: 20, publications: 2000, requests: 500 });
    expect(result.disagreements).toEqual([]);
    expect(result.rows.map((r) => r.name)).toEqual([
      '工作台: the province, none kept',
      '工作台: the province (kept)',
      '工作台: the province, 1 changed',
      '工作台: a leaf agency',
      'requests: a leaf, page 1',
      'trends: the province, 5 years',
      'statistics.json: a city',
      'nightly recount (20 agencies)',
      'statistics.json: the province (kept)',
      'inspect --all (20 agencies)',
    ]);
    for (const row of result.rows) {
      expect(row.runs.every((ms) => ms > 0)).toBe(true);
      expect(row.baseline.every((ms) => ms > 0)).toBe(true);
    }
    const printed: string[] = [];
    expect(printResult(result, (line) => printed.push(line))).toBe(true);
    expect(printed.join('\n')).toContain('inspect --all (20 agencies)');
  } finally {
    await db.close();
  }
});
