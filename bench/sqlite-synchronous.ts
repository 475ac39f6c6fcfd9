/**
 * `npx tsx bench/sqlite-synchronous.ts [N]`: what synchronous = FULL costs against NORMAL on this
 * disk, for the write the platform acknowledges (one small transaction: a request row and its
 * event), N (2000) in a row on a WAL database — the commit's fsync is the difference. Alternates
 * the two modes in rounds so a busy machine weighs on both alike. docs/sqlite-writes.md has the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

const n = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'gongkai-sync-'));
const times: Record<'FULL' | 'NORMAL', number[]> = { FULL: [], NORMAL: [] };
try {
  for (let round = 0; round < 4; round++) {
    for (const mode of ['FULL', 'NORMAL'] as const) {
      const file = join(dir, `${mode}-${round}.db`);
      const db = new SQLite(file);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${mode}`);
      db.exec('create table requests (id integer primary key autoincrement, information text, at text)');
      db.exec('create table events (id integer primary key autoincrement, request_id integer, data text)');
      const request = db.prepare('insert into requests (information, at) values (?, ?)');
      const event = db.prepare('insert into events (request_id, data) values (?, ?)');
      const started = performance.now();
      for (let i = 0; i < n / 4; i++) {
        db.exec('begin immediate');
        const { lastInsertRowid } = request.run(`申请 ${i}`, new Date().toISOString());
        event.run(lastInsertRowid, JSON.stringify({ i }));
        db.exec('commit');
      }
      times[mode].push((performance.now() - started) / (n / 4));
      db.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
for (const mode of ['FULL', 'NORMAL'] as const) {
  const mean = times[mode].reduce((a, b) => a + b, 0) / times[mode].length;
  console.log(
    `synchronous ${mode.padEnd(6)} ${mean.toFixed(3)} ms a commit (rounds: ${times[mode].map((t) => t.toFixed(3)).join(', ')})`,
  );
}
