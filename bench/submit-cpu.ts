/**
 * `npx tsx bench/submit-cpu.ts [sqlite|pg] [N] [PROFILE.cpuprofile]`: the server's own CPU time per
 * online submission, in process (Fastify's inject, 20 at a time, after 400 not counted), on a
 * scratch SQLite file or a scratch schema of TEST_DATABASE_URL. No sockets and no client in the same
 * process: the figure moves less with the machine's other work than `npm run bench:submit`'s (still
 * ±25% on a loaded shared machine; alternate the runs you compare). With a third argument the
 * measured part is written as a CPU profile (the inspector, sampled every 200 µs).
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createTestAgency } from '../src/commands/items/testing.ts';
import { openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildServer } from '../src/server/app.ts';
import { submissionBody } from './submitters.ts';

process.env.GONGKAI_FILES_DIR ||= join(tmpdir(), 'gongkai-bench-files');
process.env.GONGKAI_ID_KEY_FILE ||= join(tmpdir(), 'gongkai-bench-keys.json');
const which = process.argv[2] ?? 'sqlite';
const n = Number(process.argv[3] ?? 3000);
const prof = process.argv[4];
let url: string;
let scratchDir: string | undefined;
let searchPath: string | undefined;
let admin: ReturnType<typeof openDb> | undefined;
if (which === 'sqlite') {
  scratchDir = mkdtempSync(join(tmpdir(), 'gongkai-submit-cpu-'));
  url = `sqlite:${join(scratchDir, 'scratch.db')}`;
} else {
  url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  searchPath = `gk_submit_cpu_${process.pid}`;
  admin = openDb(url);
  await sql`create schema ${sql.id(searchPath)}`.execute(admin.kysely);
}
const db = openDb(url, { searchPath, synchronous: 'FULL', groupCommit: true });
await migrateToLatest(db);
const agencyId = await createTestAgency(db, 'benchzone');
await db.kysely
  .updateTable('agencies')
  .set({ review_body: '威海市人民政府', court: '威海市环翠区人民法院' })
  .where('id', '=', agencyId)
  .execute();
const unlimited = 1e9;
const app = await buildServer({
  db,
  submissionLimits: {
    perAddressPerMinute: unlimited,
    perApplicantPerMinute: unlimited,
    postsPerAddressPerMinute: unlimited,
  },
});
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
if (admin && searchPath) {
  await sql`drop schema ${sql.id(searchPath)} cascade`.execute(admin.kysely);
  await admin.close();
}
if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
