import { describe, expect, it } from 'vitest';
import { addAgency } from '../../../test/accounts.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { type Db, openDb } from '../../db/connection.ts';
import { INDICATOR_CODES } from '../../domain/inspection/indicators.ts';
import { DAILY_ACTOR, startDailyInspection } from '../../server/daily-inspection.ts';
import { clockOf, silentLog } from '../context.ts';
import { testContext } from '../testing-context.ts';
import { runDailyInspection, STALE_CLAIM_MS } from './daily-inspection.ts';

/** 10:00 in China on 2026-12-07 */
const NOW = new Date('2026-12-07T02:00:00Z');
const DAY = '2026-12-07';

describeEachDatabase('the daily 网站自查 of every agency', (use) => {
  let db: Db;
  const ctx = (now = NOW, actor = DAILY_ACTOR) => testContext(db, { now, actor });
  const resultsOn = async (day: string) =>
    (
      await db.kysely
        .selectFrom('inspection_results as r')
        .innerJoin('agencies as a', 'a.id', 'r.agency_id')
        .select(['a.code'])
        .where('r.day', '=', day)
        .execute()
    ).map((r) => r.code);
  const dailyEvents = () =>
    db.kysely
      .selectFrom('events')
      .select(['actor', 'data'])
      .where('name', '=', 'inspection.daily_run')
      .execute();

  it('runs every active agency once a day, skips a retired one, and records the day', async () => {
    db = use();
    await addAgency(db, 'daily-a');
    await addAgency(db, 'daily-b');
    const retired = await addAgency(db, 'daily-retired');
    await db.kysely
      .updateTable('agencies')
      .set({ retired_on: '2026-06-30' })
      .where('id', '=', retired)
      .execute();

    const first = await runDailyInspection(ctx(), { runner: 'server-1' });
    expect(first).toEqual({ day: DAY, claimed: true, agencies: 2, vetoed: 2, failures: [] });
    const codes = await resultsOn(DAY);
    expect(codes.filter((c) => c === 'daily-a')).toHaveLength(INDICATOR_CODES.length);
    expect(codes.filter((c) => c === 'daily-b')).toHaveLength(INDICATOR_CODES.length);
    expect(codes).not.toContain('daily-retired');
    const run = await db.kysely.selectFrom('scheduled_runs').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({
      job: 'inspection',
      day: DAY,
      runner: 'server-1',
      agencies: 2,
      vetoed: 2,
      failures: '[]',
    });
    expect(run.finished_at).not.toBeNull();
    // then the counts kept ahead of the 工作台 and the statistics, every active agency's, counted again
    const kept = await db.kysely
      .selectFrom('kept_counts')
      .innerJoin('agencies', 'agencies.id', 'kept_counts.agency_id')
      .select(['agencies.code', 'kept_counts.kind', 'kept_counts.year'])
      .where('agencies.code', 'like', 'daily-%')
      .orderBy('agencies.code')
      .orderBy('kept_counts.kind')
      .orderBy('kept_counts.year')
      .execute();
    const year = Number(DAY.slice(0, 4));
    expect(kept).toEqual(
      ['daily-a', 'daily-b'].flatMap((code) => [
        { code, kind: 'cells', year: year - 1 },
        { code, kind: 'overview', year: year - 1 },
        { code, kind: 'overview', year },
      ]),
    );
    const events = await dailyEvents();
    expect(events).toHaveLength(1);
    expect(events[0]?.actor).toBe('system:daily-inspection');
    expect(JSON.parse(events[0]?.data ?? '{}')).toEqual({
      day: DAY,
      runner: 'server-1',
      agencies: 2,
      vetoed: 2,
      failures: 0,
    });

    // the same day again, from this or another server: taken, nothing run
    expect(await runDailyInspection(ctx(), { runner: 'server-2' })).toMatchObject({
      claimed: false,
      agencies: 0,
    });
    expect(await dailyEvents()).toHaveLength(1);
  });

  it('lets one of two servers starting together run the day', async () => {
    const day = '2026-12-08';
    const runs = await Promise.all([
      runDailyInspection(ctx(), { day, runner: 'server-1' }),
      runDailyInspection(ctx(), { day, runner: 'server-2' }),
    ]);
    expect(runs.filter((r) => r.claimed)).toHaveLength(1);
    expect((await resultsOn(day)).filter((c) => c === 'daily-a')).toHaveLength(INDICATOR_CODES.length);
  });

  it('takes over a claim left unfinished for an hour, not a fresher one', async () => {
    const day = '2026-12-09';
    await db.kysely
      .insertInto('scheduled_runs')
      .values({
        job: 'inspection',
        day,
        runner: 'died',
        started_at: new Date(NOW.getTime() - 600_000).toISOString(),
      })
      .execute();
    expect(await runDailyInspection(ctx(), { day, runner: 'server-1' })).toMatchObject({ claimed: false });
    const later = new Date(NOW.getTime() + STALE_CLAIM_MS);
    expect(await runDailyInspection(ctx(later), { day, runner: 'server-1' })).toMatchObject({
      claimed: true,
      agencies: 2,
    });
    const row = await db.kysely
      .selectFrom('scheduled_runs')
      .selectAll()
      .where('day', '=', day)
      .executeTakeFirstOrThrow();
    expect(row.runner).toBe('server-1');
  });

  it('records an agency whose run fails and goes on with the others', async () => {
    const day = '2026-12-10';
    const clerk = { username: 'not-an-admin', roles: ['operator' as const], platformAdmin: false };
    const run = await runDailyInspection(ctx(NOW, clerk), { day, runner: 'server-1' });
    expect(run.claimed).toBe(true);
    expect(run.failures.map((f) => f.agency)).toEqual(['daily-a', 'daily-b']);
    expect(run.failures[0]?.message).toContain('运行网站自查');
    const row = await db.kysely
      .selectFrom('scheduled_runs')
      .selectAll()
      .where('day', '=', day)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.failures)).toHaveLength(2);
    expect(row.finished_at).not.toBeNull();
  });

  it('starts from the server: runs at once when the time has passed (catch-up), then waits for tomorrow', async () => {
    const day = '2026-12-11';
    const clock = clockOf(() => new Date(`${day}T03:00:00Z`)); // 11:00 in China, after 02:00
    const seen: string[] = [];
    const scheduler = startDailyInspection({
      db,
      time: { hour: 2, minute: 0 },
      clock,
      calendar: ctx().calendar,
      log: silentLog,
      onRun: (r) => seen.push(`${r.day}:${r.claimed}`),
    });
    await scheduler.running();
    scheduler.stop();
    expect(seen).toEqual([`${day}:true`]);
    expect((await resultsOn(day)).filter((c) => c === 'daily-b')).toHaveLength(INDICATOR_CODES.length);
  });
});

describe('the scheduler before the time of day', () => {
  it('does not run until the time comes', async () => {
    const seen: string[] = [];
    // a database with no tables: a run before 02:00 would fail on it
    const db = openDb('sqlite::memory:');
    const scheduler = startDailyInspection({
      db,
      time: { hour: 2, minute: 0 },
      clock: clockOf(() => new Date('2026-12-06T17:00:00Z')), // 01:00 in China
      calendar: { get: async () => Promise.reject(new Error('unused')) },
      log: silentLog,
      onRun: (r) => seen.push(r.day),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    scheduler.stop();
    await db.close();
    expect(seen).toEqual([]);
  });
});
