/**
 * The calendar service's stamp reads: each `get` sees a stamp read begun after it was called, and
 * calls arriving while a read is under way share the next one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createCalendarService } from './calendar-service.ts';

/** A stamp source whose reads the test finishes by hand, in order. */
function manualStamps() {
  const reads: Array<{ startedAfter: number; finish(stamp: string): void; fail(error: Error): void }> = [];
  let calls = 0;
  return {
    reads,
    call: () => ++calls,
    read: () =>
      new Promise<string>((resolve, reject) => {
        reads.push({ startedAfter: calls, finish: resolve, fail: reject });
      }),
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('calendar service: stamp reads', () => {
  const db = openDb('sqlite::memory:');
  beforeAll(() => migrateToLatest(db));
  afterAll(() => db.close());

  it('shares one read among the calls that arrive while another is under way, begun after all of them', async () => {
    const stamps = manualStamps();
    const service = createCalendarService(db, stamps.read);
    const got: Array<Promise<unknown>> = [];
    const ask = () => {
      stamps.call();
      got.push(service.get());
    };
    ask(); // begins read 1
    await flush();
    expect(stamps.reads).toHaveLength(1);
    for (let i = 0; i < 20; i++) ask(); // all wait for read 2, not read 1 (begun before them)
    await flush();
    expect(stamps.reads).toHaveLength(1);
    stamps.reads[0]?.finish('s1');
    await got[0];
    await flush();
    expect(stamps.reads).toHaveLength(2);
    expect(stamps.reads[1]?.startedAfter).toBe(21); // after every one of the 21 calls
    stamps.reads[1]?.finish('s1');
    const calendars = await Promise.all(got);
    expect(new Set(calendars).size).toBe(1); // the same stamp: the calendar loaded once, kept
    expect(stamps.reads).toHaveLength(2);
  });

  it('a failed read fails only the call that began it; the waiting calls read again', async () => {
    const stamps = manualStamps();
    const service = createCalendarService(db, stamps.read);
    const first = service.get();
    const second = service.get();
    await flush();
    stamps.reads[0]?.fail(new Error('database is locked'));
    await expect(first).rejects.toThrow('database is locked');
    await flush();
    expect(stamps.reads).toHaveLength(2);
    stamps.reads[1]?.finish('s2');
    await expect(second).resolves.toBeDefined();
  });

  it('loads the calendar again when the stamp changes', async () => {
    let stamp = 'a';
    const service = createCalendarService(db, async () => stamp);
    const a = await service.get();
    expect(await service.get()).toBe(a);
    stamp = 'b';
    expect(await service.get()).not.toBe(a);
  });
});
