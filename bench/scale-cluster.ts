/**
 * The servers of `npm run bench:scale` behind nginx: N processes on the app ports — `gongkai serve`
 * (the platform as deployed) or the in-memory baseline (bench/scale-memory-server.ts) — and nginx
 * from `scripts/cluster lb-start` (the same configuration as the cluster's), all with a state folder,
 * app ports and a load-balancer port of the bench's own, so a `scripts/cluster` run (CI's
 * test:cluster) on the usual ports is not disturbed. Also the CPU figures of a load run, from /proc.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './submitters.ts';

/** The baseline's route (bench/scale-memory-server.ts), as bench/portal.ts's. */
export const MEMORY_PREFIX = '/__bench-memory/';

export type ServerKind = 'app' | 'memory';

export interface Fleet {
  /** the load balancer's base URL */
  base: string;
  pids: number[];
  stop(): Promise<void>;
}

export interface FleetOptions {
  kind: ServerKind;
  ports: number[];
  lbPort: number;
  databaseUrl: string;
  /** logs, the keyring, nginx's state; the baseline's pages in `${dir}/pages` */
  dir: string;
}

async function healthy(port: number, seconds: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the server on ${port} did not answer /healthz within ${seconds} s`);
}

function clusterEnv(options: FleetOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GONGKAI_CLUSTER_DIR: join(options.dir, 'lb'),
    GONGKAI_CLUSTER_APP_PORTS: options.ports.join(' '),
    GONGKAI_CLUSTER_LB_PORT: String(options.lbPort),
  };
}

/** Starts the servers, waits for each one's /healthz, then nginx in front of them. */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  mkdirSync(join(options.dir, 'files'), { recursive: true });
  const children: ChildProcess[] = [];
  const stopChildren = async () => {
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    for (const port of options.ports) {
      const log = openSync(join(options.dir, `${options.kind}-${port}.log`), 'a');
      const args =
        options.kind === 'app'
          ? ['bin/gongkai.js', 'serve', '--port', String(port), '--host', '127.0.0.1']
          : ['--import', 'tsx', 'bench/scale-memory-server.ts', String(port), join(options.dir, 'pages')];
      const child = spawn(process.execPath, args, {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: options.databaseUrl,
          GONGKAI_ID_KEY_FILE: join(options.dir, 'keys.json'),
          GONGKAI_FILES_DIR: join(options.dir, 'files'),
          GONGKAI_TRUST_PROXY: '127.0.0.1',
          // the daily 网站自查 of 2,000 agencies is not what is measured here
          GONGKAI_DAILY_INSPECTION: 'off',
        },
        stdio: ['ignore', log, log],
      });
      children.push(child);
      // the first start may build the staff console (minutes on a busy machine)
      await healthy(port, 600, child);
    }
    execFileSync(join(ROOT, 'scripts/cluster'), ['lb-start'], { env: clusterEnv(options), stdio: 'ignore' });
  } catch (error) {
    await stopChildren();
    throw error;
  }
  return {
    base: `http://127.0.0.1:${options.lbPort}`,
    pids: children.map((c) => c.pid ?? 0),
    async stop() {
      execFileSync(join(ROOT, 'scripts/cluster'), ['lb-stop'], { env: clusterEnv(options), stdio: 'ignore' });
      await stopChildren();
    },
  };
}

/** The machine's CPU counters (all cores, jiffies) and the given processes' own. */
export interface CpuSample {
  busy: number;
  total: number;
  processes: number;
  at: number;
}

const TICKS_PER_SECOND = 100;

export function cpuSample(pids: number[]): CpuSample {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  let processes = 0;
  for (const pid of pids) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime: fields 14 and 15, i.e. 11 and 12 after the state field
    processes += Number(after[11]) + Number(after[12]);
  }
  return { busy: total - idle, total, processes, at: performance.now() };
}

/** Between two samples: the machine's busy share of all its cores (%), and the processes' cores used. */
export function cpuBetween(a: CpuSample, b: CpuSample): { machinePercent: number; serverCores: number } {
  const seconds = (b.at - a.at) / 1000;
  return {
    machinePercent: (100 * (b.busy - a.busy)) / Math.max(1, b.total - a.total),
    serverCores: (b.processes - a.processes) / TICKS_PER_SECOND / seconds,
  };
}
