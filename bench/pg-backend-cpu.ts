/**
 * CPU time of this database's PostgreSQL backends (client backends of the current database),
 * from /proc/<pid>/stat — the server's share of a bulk write, which Node's process.cpuUsage does
 * not see. Only meaningful with the server on this machine; 0 when /proc cannot be read.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** User + system CPU in milliseconds of a process; undefined when it is gone or not readable. */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command (which may hold spaces) — utime and stime are the 14th and 15th
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return undefined;
  }
}

/** Each client backend of the current database and its CPU so far (ms). */
export async function backendCpu(db: Db): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (db.dialect !== 'postgres') return out;
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity
    where datname = current_database() and backend_type = 'client backend'`.execute(db.kysely);
  for (const { pid } of rows) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) out.set(pid, ms);
  }
  return out;
}

/** The backends' CPU between two samples (a backend started in between counts from 0). */
export function backendCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
