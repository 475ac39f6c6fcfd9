import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { cachedCounts, INSTANCE_MS } from './count-cache.ts';

const TTL = 60_000;

describeEachDatabase('count cache: remembered per index instance', (use) => {
  /** cachedCounts of one expression at `now`, with a counter that records each count it makes. */
  const countAt = async (expression: string, now: number, counted: string[], via = use().kysely) =>
    cachedCounts(
      via,
      [expression],
      100,
      TTL,
      async (e) => {
        counted.push(e);
        return counted.length;
      },
      now,
    );

  it('a count is made once, then remembered until its time is up', async () => {
    const now = Date.now();
    const expression = `word-${randomBytes(4).toString('hex')}`;
    const counted: string[] = [];
    const cases: Array<[at: number, expected: number]> = [
      [now, 1],
      [now + 1_000, 1],
      [now + TTL - 1, 1],
      [now + TTL + 1, 2],
    ];
    for (const [at, expected] of cases) expect(await countAt(expression, at, counted)).toEqual([expected]);
    expect(counted).toEqual([expression, expression]);
  });

  it('the instance is read once per INSTANCE_MS per Kysely object; a new instance is counted afresh', async () => {
    const db = use().kysely;
    const now = Date.now() + 10 * TTL;
    const expression = `word-${randomBytes(4).toString('hex')}`;
    const counted: string[] = [];
    expect(await countAt(expression, now, counted)).toEqual([1]);
    const { instance } = await db.selectFrom('search_meta').select('instance').executeTakeFirstOrThrow();
    await sql`update search_meta set instance = ${randomBytes(8).toString('hex')}`.execute(db);
    try {
      // within INSTANCE_MS this pool takes the instance it read: the count is still the cached one
      expect(await countAt(expression, now + INSTANCE_MS - 1, counted)).toEqual([1]);
      // a transaction is another object: it reads the new instance, whose count is made afresh
      expect(
        await db.transaction().execute((trx) => countAt(expression, now + INSTANCE_MS - 1, counted, trx)),
      ).toEqual([2]);
      // past INSTANCE_MS the pool reads the instance again: the new one, now counted
      expect(await countAt(expression, now + INSTANCE_MS + 1, counted)).toEqual([2]);
    } finally {
      await sql`update search_meta set instance = ${instance}`.execute(db);
    }
  });
});
