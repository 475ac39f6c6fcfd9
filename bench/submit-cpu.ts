/**
 * `npx tsx bench/submit-cpu.ts [sqlite|pg] [N] [PROFILE.cpuprofile]`: the server's own CPU time per
 * online submission, in process (Fastify's inject, 20 at a time, after 400 not counted), on a
 * scratch SQLite file or a scratch schema of TEST_DATABASE_URL. No sockets and no client in the same
 * process: the figure moves less with the machine's other work than `npm run bench:submit`'s (still
 * ±25% on a loaded shared machine; alternate the runs you compare). With a third argument the
 * measured part is written as a CPU profile (the inspector, sampled every 200 µs).
 */

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { openDb } from '../src/db/connection.ts';
import { submitApp } from './submit-app.ts';
import { scratchPostgres, scratchSqlite, submissionBody } from './submitters.ts';

const which = process.argv[2] ?? 'sqlite';
const n = Number(process.argv[3] ?? 3000);
const prof = process.argv[4];
const scratch =
  which === 'sqlite'
    ? await scratchSqlite()
    : await scratchPostgres(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const db = openDb(scratch.url, { searchPath: scratch.searchPath, synchronous: 'FULL', groupCommit: true });
const { app } = await submitApp(db, 'benchzone');
await app.ready();
const conc = 20;
let serial = 0;
async function batch(count: number) {
  for (let i = 0; i < count; i += conc) {
    const rs = await Promise.all(
      Array.from({ length: conc }, () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/agencies/benchzone/requests/online',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(submissionBody('m', ++serial)),
        }),
      ),
    );
    for (const r of rs) if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  }
}
await batch(400);
let session: Session | undefined;
if (prof) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
const c0 = process.cpuUsage();
const t0 = performance.now();
await batch(n);
const c = process.cpuUsage(c0);
const t = performance.now() - t0;
if (session) {
  const { profile } = await session.post('Profiler.stop');
  if (prof) writeFileSync(prof, JSON.stringify(profile));
}
console.log(
  `${which}: ${n} submissions, CPU ${((c.user + c.system) / 1000 / n).toFixed(3)} ms each (user ${(c.user / 1000 / n).toFixed(3)}), wall ${(t / n).toFixed(3)} ms each`,
);
await app.close();
await db.close();
await scratch.cleanup();
