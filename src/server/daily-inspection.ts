/**
 * The server's daily 网站自查 (issue 15; docs/inspection.md "The daily run"): at the time of day
 * GONGKAI_DAILY_INSPECTION sets (China time, default 02:00; `off` for none), every active agency's
 * inspection is run and stored (commands/inspection/daily-inspection.ts). A server started after the
 * time catches the day up at once; several servers on one database run each day once (the day's
 * claim). The timer does not keep the process alive, and `stop()` ends it with the server.
 */

import type { Actor, CalendarSource, Clock, CommandLog } from '../commands/context.ts';
import { type DailyRun, runDailyInspection } from '../commands/inspection/daily-inspection.ts';
import type { Db } from '../db/connection.ts';
import { type DailyTime, dueToday, nextRunAt } from '../domain/inspection/schedule.ts';

/** Who the daily run acts as in the event log: the installation itself. */
export const DAILY_ACTOR: Actor = { username: 'system:daily-inspection', roles: [], platformAdmin: true };

export interface DailyInspectionOptions {
  db: Db;
  time: DailyTime;
  clock: Clock;
  calendar: CalendarSource;
  log: CommandLog;
  /** after each run (tests) */
  onRun?: (run: DailyRun) => void;
}

export function startDailyInspection(options: DailyInspectionOptions): {
  stop(): void;
  running(): Promise<void>;
} {
  const { db, time, clock, calendar, log } = options;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const run = () => {
    current = runDailyInspection({ db, actor: DAILY_ACTOR, clock, calendar, log })
      .then((done) => {
        if (done.claimed)
          log.info(
            { day: done.day, agencies: done.agencies, vetoed: done.vetoed, failures: done.failures.length },
            'daily inspection done',
          );
        options.onRun?.(done);
      })
      .catch((error: unknown) => log.error({ err: error }, 'daily inspection failed'))
      .finally(schedule);
  };
  function schedule() {
    if (stopped) return;
    const now = clock.now();
    timer = setTimeout(run, Math.max(0, nextRunAt(now, time).getTime() - now.getTime()));
    timer.unref();
  }
  if (dueToday(clock.now(), time)) run();
  else schedule();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    running: () => current,
  };
}
