import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * Accounts (the web issue): users get a password hash (scrypt), a disabled flag, the
 * installation-level platform-administrator flag (until now a `platform_admin` row in any agency's
 * user_roles: such rows become the flag) and when the password last changed; sign-in sessions
 * (only the SHA-256 of the token is stored); user events (every user and role change); and the
 * log of every view of a full applicant ID number.
 */
export function accountsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('password_hash', 'text').execute();
      await db.schema
        .alterTable('users')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('users')
        .addColumn('platform_admin', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('users').addColumn('password_changed_at', 'varchar(32)').execute();
      await sql`update users set platform_admin = 1
        where id in (select user_id from user_roles where role = 'platform_admin')`.execute(db);
      await sql`delete from user_roles where role = 'platform_admin'`.execute(db);

      await withId(db.schema.createTable('sessions'), dialect)
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await withId(db.schema.createTable('user_events'), dialect)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('agency_id', 'integer', (c) => c.references('agencies.id').onDelete('cascade'))
        .addColumn('type', 'varchar(40)', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('user_events_user').on('user_events').column('user_id').execute();

      await withAgency(withId(db.schema.createTable('sensitive_views'), dialect))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'varchar(32)', (c) => c.notNull())
        .addColumn('subject_id', 'integer', (c) => c.notNull())
        .addColumn('field', 'varchar(64)', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sensitive_views_subject')
        .on('sensitive_views')
        .columns(['agency_id', 'subject_type', 'subject_id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['sensitive_views', 'user_events', 'sessions'])
        await db.schema.dropTable(table).ifExists().execute();
      for (const column of ['password_changed_at', 'platform_admin', 'disabled', 'password_hash'])
        await db.schema.alterTable('users').dropColumn(column).execute();
    },
  };
}
