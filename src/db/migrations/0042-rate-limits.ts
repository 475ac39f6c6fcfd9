import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.ts';

/**
 * `rate_limits` (issue 16, docs/deploy.md "Several servers"): the counts of the brute-force and
 * submission limits (src/server/rate-counters.ts), one row per key — `signin-pair:…`,
 * `signin-user:…`, `signin-usual:…`, `submit-ip:…`, `submit-applicant:…`, `track:…` — so several
 * app servers on one database count together. Times are milliseconds since the epoch; a row whose
 * window has ended counts as absent and is deleted from time to time.
 * On PostgreSQL the table is UNLOGGED: its writes skip the write-ahead log, so adding one to a count
 * does not wait for a disk flush (bench:rate-limits); after a crash the counts start again from
 * zero, as the in-process ones did at every restart, and standbys do not carry them.
 */
export function rateLimitsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const create = db.schema.createTable('rate_limits');
      await (dialect === 'postgres' ? create.modifyFront(sql`unlogged`) : create)
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('window_ends', 'bigint', (c) => c.notNull())
        .addColumn('locked_until', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('rate_limits_window_ends')
        .on('rate_limits')
        .column('window_ends')
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('rate_limits').execute();
    },
  };
}
