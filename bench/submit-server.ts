/**
 * The server of `npm run bench:submit` and of the kill -9 tests, as a child process: what
 * `gongkai serve` does (migrate, build the server, listen) without the staff console build, on
 * DATABASE_URL (BENCH_SEARCH_PATH pins a PostgreSQL schema), with an agency to file with
 * (BENCH_AGENCY, created when missing). Prints one JSON line `{"port":N}` on stdout when listening.
 *
 * The server is bench/submit-app.ts's: the per-address and per-applicant limits lifted (every
 * simulated citizen comes from 127.0.0.1), attachments and the keyring in scratch places unless set.
 *
 * With BENCH_BASELINE=1 it also has `POST /bench/insert`, a route that only INSERTs a bare request
 * row through the same server and connection — the baseline the submissions are compared with.
 * `GET /bench/cpu` answers the server's CPU time so far. Those routes exist in this bench build
 * only, never in src/server.
 */
import { sql } from 'kysely';
import { openDb } from '../src/db/connection.ts';
import { submitApp } from './submit-app.ts';

const url = process.env.DATABASE_URL ?? '';
const code = process.env.BENCH_AGENCY ?? 'benchzone';
const synchronous = process.env.BENCH_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL';
const db = openDb(url, {
  searchPath: process.env.BENCH_SEARCH_PATH || undefined,
  synchronous,
  // as `gongkai serve` (src/cli/serve.ts); BENCH_GROUP_COMMIT=0 measures without
  groupCommit: process.env.BENCH_GROUP_COMMIT !== '0',
});
const { app, agencyId } = await submitApp(db, code);
if (process.env.BENCH_BASELINE === '1') {
  let n = 0;
  app.post('/bench/insert', async (_request, reply) => {
    n += 1;
    await sql`insert into requests (agency_id, applicant_type, channel, received_on, state, version,
      information) values (${agencyId}, 'natural_person', 'online', '2026-01-05', 'open', 1,
      ${`baseline ${process.pid} ${n}`})`.execute(db.kysely);
    return reply.code(201).send({ ok: true });
  });
}
if (process.env.BENCH_BASELINE === '1') {
  // the server's own CPU time (user + system, µs) so far: the bench takes it before and after each
  // phase — a cost per submission that the other work on a shared machine does not change
  app.get('/bench/cpu', async () => process.cpuUsage());
}
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ port: Number(new URL(address).port) })}\n`);
const stop = async () => {
  await app.close();
  await db.close();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
