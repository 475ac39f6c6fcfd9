/**
 * The CPU the PostgreSQL server spends for one database while a piece of work runs: every client
 * backend connected to that database (but the meter's own) is found in pg_stat_activity every
 * `everyMs`, and its utime + stime read from /proc/<pid>/stat (the server on this machine, read as
 * the same user or root). A backend's CPU counts from the first reading in the window (0 for one
 * that connects during it) to its last; one that ends between two readings loses at most one
 * interval. Linux only; `null` where /proc cannot be read (another machine's server).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ, Linux's fixed unit of /proc/<pid>/stat times

function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command's closing parenthesis: state is field 3, utime 14, stime 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

export interface BackendCpuMeter {
  /** the backends' CPU in ms since the meter started (null: /proc unreadable), and the backends seen */
  stop(): Promise<{ ms: number | null; backends: number }>;
}

export async function meterBackendCpu(
  url: string,
  database: string,
  everyMs = 100,
): Promise<BackendCpuMeter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let readable = true;
  let started = false;
  const poll = async () => {
    const { rows } = await client.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      [database],
    );
    for (const { pid } of rows) {
      const ticks = cpuTicks(pid);
      if (ticks === null) {
        readable = false;
        continue;
      }
      if (!first.has(pid)) first.set(pid, started ? 0 : ticks);
      last.set(pid, ticks);
    }
  };
  await poll();
  started = true;
  let polling = Promise.resolve();
  const timer = setInterval(() => {
    polling = polling.then(poll, poll);
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await polling;
      await poll();
      await client.end();
      let ticks = 0;
      for (const [pid, end] of last) ticks += end - (first.get(pid) ?? end);
      return { ms: readable ? (1000 * ticks) / TICKS_PER_SECOND : null, backends: last.size };
    },
  };
}
