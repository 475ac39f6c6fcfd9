/**
 * autocannon in a child process (the server stays alone in the bench process): N connections for
 * D seconds against one URL, its JSON result reduced to requests/s, p99 latency and failures.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export interface LoadResult {
  /** mean requests per second over the run */
  requestsPerSecond: number;
  /** 99th-percentile latency, ms */
  p99Ms: number;
  /** responses that were not 2xx, plus errors and timeouts */
  failures: number;
}

interface AutocannonJson {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** Runs autocannon against `url` and resolves with its figures; rejects when it exits non-zero. */
export function loadTest(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const args = [AUTOCANNON, '--json', '-c', String(connections), '-d', String(seconds), url];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.slice(-500)}`));
      const json = JSON.parse(out) as AutocannonJson;
      resolve({
        requestsPerSecond: json.requests.average,
        p99Ms: json.latency.p99,
        failures: json.non2xx + json.errors + json.timeouts,
      });
    });
  });
}

/**
 * Waits until a server has worked off the requests still in flight when autocannon stopped (a slow
 * page leaves a backlog that would otherwise be charged to the next run): its health check answers
 * in under 20 ms, or 30 s have passed.
 */
export async function drained(base: string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const start = performance.now();
    await fetch(`${base}/healthz`);
    if (performance.now() - start < 20) return;
  }
}
