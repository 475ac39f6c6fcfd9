import { beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { clockOf } from '../src/commands/context.ts';
import {
  type KeptKind,
  readKeptCounts,
  recount,
  settleRecounts,
} from '../src/commands/supervision/kept-counts.ts';
import type { Db } from '../src/db/connection.ts';
import { appendEvent } from '../src/db/events.ts';
import { keepCounts, readKept } from '../src/db/queries/kept-counts.ts';
import { addAgency } from './accounts.ts';
import { describeEachDatabase } from './databases.ts';

const YEAR = 2025;

/**
 * Counts kept ahead (commands/supervision/kept-counts.ts): a kind whose count records which
 * agencies it was asked for and answers each agency's “version” (bumped by the test as it records
 * an event), so the test sees which rows were counted again and which came from `kept_counts`.
 */
describeEachDatabase('counts kept ahead of the 工作台 and the statistics', (use) => {
  let now = Date.parse('2026-03-16T02:00:00Z');
  const clock = clockOf(() => new Date(now));
  const versions = new Map<number, number>();
  const asked: number[][] = [];
  const kind: KeptKind<string> = {
    kind: 'test',
    count: async (ids) => {
      asked.push([...ids].sort((x, y) => x - y));
      return new Map(ids.map((id) => [id, `${id}:v${versions.get(id) ?? 0}`]));
    },
    encode: (value) => JSON.stringify(value),
    decode: (data) => z.string().parse(JSON.parse(data)),
  };
  const ids: number[] = [];
  let a = 0;
  let b = 0;
  let c = 0;
  const read = (limit?: number) => readKeptCounts(use(), clock, kind, YEAR, ids, { inlineLimit: limit });
  /** an event of the agency (a change of its records), a minute later than the last */
  const change = async (db: Db, agency: number | null, name = 'items.published') => {
    now += 60_000;
    if (agency !== null) versions.set(agency, (versions.get(agency) ?? 0) + 1);
    await appendEvent(db.kysely, {
      name,
      subject: { type: 'test', id: `${name}-${now}` },
      agency,
      actor: 'test',
      at: new Date(now),
    });
    now += 20 * 60_000; // the next read comes well after it (not “maybe” stale)
  };

  beforeAll(async () => {
    const db = use();
    for (const code of ['a', 'b', 'c']) ids.push(await addAgency(db, `kept-${code}`));
    [a, b, c] = ids as [number, number, number];
  });

  it('counts every agency the first time, keeps the counts and uses them while nothing changed', async () => {
    const first = await read();
    expect(asked).toEqual([[a, b, c]]);
    expect([...first.values]).toEqual([
      [a, `${a}:v0`],
      [b, `${b}:v0`],
      [c, `${c}:v0`],
    ]);
    expect(first.pending).toBe(0);
    expect(first.countedUpTo).toBe(new Date(now).toISOString());
    now += 20 * 60_000;
    const second = await read();
    expect(asked).toHaveLength(1);
    expect(second.values).toEqual(first.values);
    expect(second.countedUpTo).toBe(new Date(now).toISOString());
  });

  it('counts again only the agency with a new event', async () => {
    asked.length = 0;
    await change(use(), b);
    const after = await read();
    expect(asked).toEqual([[b]]);
    expect(after.values.get(b)).toBe(`${b}:v1`);
    expect(after.values.get(a)).toBe(`${a}:v0`);
  });

  it('does not count again for events that change nothing counted (the day’s 网站自查, 督办)', async () => {
    asked.length = 0;
    await change(use(), a, 'inspection.run');
    await change(use(), c, 'supervision.reminder_sent');
    await read();
    expect(asked).toEqual([]);
  });

  it('counts every agency again when the calendar changes (working days move)', async () => {
    asked.length = 0;
    await change(use(), null, 'calendar.override_set');
    await read();
    expect(asked).toEqual([[a, b, c]]);
  });

  it('past the limit, shows the other changed agencies as kept, says since when, and counts them in the background', async () => {
    asked.length = 0;
    const keptAt = (await readKept(use(), 'test', YEAR, ids)).get(c)?.countedAt;
    const cBefore = versions.get(c) ?? 0;
    await change(use(), a);
    await change(use(), c);
    const shown = await read(1);
    expect(asked).toEqual([[a]]); // a while the reader waited
    expect(shown.values.get(a)).toBe(`${a}:v${versions.get(a)}`);
    expect(shown.values.get(c)).toBe(`${c}:v${cBefore}`); // as last counted
    expect(shown.pending).toBe(1);
    expect(shown.countedUpTo).toBe(keptAt);
    await settleRecounts();
    expect(asked).toEqual([[a], [c]]); // c in the background
    asked.length = 0;
    const later = await read(1);
    expect(asked).toEqual([]);
    expect(later.values.get(c)).toBe(`${c}:v${cBefore + 1}`);
    expect(later.pending).toBe(0);
  });

  it('counts again in the background an agency whose last event came just before its count (“maybe” stale)', async () => {
    asked.length = 0;
    now += 60_000;
    await appendEvent(use().kysely, {
      name: 'requests.received',
      subject: { type: 'test', id: `late-${now}` },
      agency: a,
      actor: 'test',
      at: new Date(now - 5 * 60_000),
    });
    await read(); // a changed: counted now, with the event 5 minutes before the count
    await settleRecounts();
    asked.length = 0;
    const shown = await read();
    expect(shown.pending).toBe(0); // shown as kept, not waited for
    await settleRecounts();
    expect(asked).toEqual([[a]]);
  });

  it('keeps a later count when an earlier, slower one is written after it', async () => {
    const db = use();
    await recount(db, clock, kind, YEAR, [b]);
    const kept = (await readKept(db, 'test', YEAR, [b])).get(b);
    await keepCounts(
      db,
      'test',
      YEAR,
      new Map([[b, { data: '"stale"', seenEvent: 0, countedAt: '2020-01-01T00:00:00.000Z' }]]),
    );
    expect((await readKept(db, 'test', YEAR, [b])).get(b)).toEqual(kept);
  });
});
