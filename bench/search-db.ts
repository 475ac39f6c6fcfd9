/** The databases of `npm run bench:search`: a temporary SQLite file, or a fresh PostgreSQL schema. */
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, type Dialect, openDb } from '../src/db/connection.ts';

export interface Target {
  db: Db;
  /** after a bulk write: VACUUM ANALYZE (PostgreSQL), a WAL checkpoint (SQLite) */
  analyze(): Promise<void>;
  size(): Promise<string>;
  /** the server's settings a search's speed depends on (PostgreSQL: its buffer cache), as one line */
  settings(): Promise<string>;
  close(): Promise<void>;
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** Opens a fresh database; `close()` removes it (unless `keep`: a PostgreSQL schema left for EXPLAIN). Ctrl-C removes it too. */
export async function openTarget(dialect: Dialect, pgUrl: string | null, keep = false): Promise<Target> {
  if (dialect === 'sqlite') {
    const file = join(tmpdir(), `gongkai-bench-search-${randomBytes(4).toString('hex')}.db`);
    const remove = () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    };
    process.once('SIGINT', () => {
      remove();
      process.exit(130);
    });
    const db = openDb(`sqlite:${file}`);
    return {
      db,
      // After a bulk write: statistics of the items (the LIKE scan's plan: a plain scan), and the
      // WAL folded into the file (what the next automatic checkpoint would do, so it is not
      // charged to the next thing timed). Not ANALYZE of the search tables: statistics taken of
      // an emptied FTS5 index mislead FTS5's own lookups as it grows (indexing fell to 1,000/s).
      analyze: async () => {
        await sql`analyze items`.execute(db.kysely);
        await sql`pragma wal_checkpoint(truncate)`.execute(db.kysely);
      },
      size: async () => mib(statSync(file).size),
      settings: async () => {
        const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db.kysely);
        return `SQLite cache_size ${rows[0]?.cache_size ?? '?'} (negative: KiB), the rest from the OS page cache`;
      },
      close: async () => {
        await db.close();
        remove();
      },
    };
  }
  const schema = `bench_search_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl ?? '' });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const drop = async () => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  };
  process.once('SIGINT', () => {
    void drop().finally(() => process.exit(130));
  });
  const db = openDb(pgUrl ?? '', { searchPath: schema });
  return {
    db: { ...db, describe: `${db.describe} (schema ${schema})` },
    analyze: async () => {
      for (const table of ['items', 'search_documents', 'search_texts']) {
        await sql`vacuum analyze ${sql.table(table)}`.execute(db.kysely);
      }
    },
    size: async () => {
      const { rows } = await sql<{ bytes: string }>`
        select sum(pg_total_relation_size(c.oid))::text as bytes from pg_class c
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = ${schema} and c.relkind = 'r'`.execute(
        db.kysely,
      );
      return mib(Number(rows[0]?.bytes ?? 0));
    },
    // A search reads ~1,000–1,500 pages of search_documents (docs/search.md); whether they are in
    // PostgreSQL's shared buffers or must be copied from the OS's page cache is most of its time.
    settings: async () => {
      const { rows } = await sql<{ name: string; setting: string }>`
        select name, current_setting(name) as setting from unnest(array['server_version',
          'shared_buffers', 'effective_cache_size', 'work_mem']) as name`.execute(db.kysely);
      return `PostgreSQL ${rows.map((r) => (r.name === 'server_version' ? r.setting : `${r.name} ${r.setting}`)).join(', ')}`;
    },
    close: async () => {
      await db.close();
      if (!keep) return drop();
      console.log(`  (--keep: schema ${schema} left in place)`);
      await admin.end();
    },
  };
}
