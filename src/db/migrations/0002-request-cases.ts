import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * Requests become full cases (依申请公开): applicant, tracking code and registration number,
 * state and version, the stored clock reading (so overdue and due-soon lists are plain queries),
 * their events, letters and letter templates; the working-day calendar's overrides and notices;
 * users with roles per agency.
 */
export function requestCasesMigration(dialect: Dialect) {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('agencies')
        .addColumn('request_prefix', 'text', (c) => c.notNull().defaultTo(''))
        .execute();

      const columns: Array<[string, string]> = [
        ['tracking_code', 'varchar(64)'],
        ['registration_no', 'text'],
        ['registration_year', 'integer'],
        ['registration_seq', 'integer'],
        ['submitted_at', 'varchar(32)'],
        ['applicant', 'text'],
        ['information', 'text'],
        ['doc_number', 'text'],
        ['form', 'varchar(32)'],
        ['delivery', 'varchar(32)'],
        ['due_on', 'varchar(10)'],
        ['waiting_until', 'varchar(10)'],
        ['clock_state', 'varchar(32)'],
        ['legal_basis', 'text'],
      ];
      for (const [name, type] of columns) {
        await db.schema.alterTable('requests').addColumn(name, sql.raw(type)).execute();
      }
      await db.schema
        .alterTable('requests')
        .addColumn('state', 'varchar(32)', (c) => c.notNull().defaultTo('open'))
        .execute();
      await db.schema
        .alterTable('requests')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('requests')
        .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`update requests set state = 'decided' where decided_on is not null`.execute(db);
      await db.schema
        .createIndex('requests_tracking_code')
        .on('requests')
        .column('tracking_code')
        .unique()
        .execute();
      await db.schema
        .createIndex('requests_registration')
        .on('requests')
        .columns(['agency_id', 'registration_year', 'registration_seq'])
        .unique()
        .execute();
      await db.schema
        .createIndex('requests_agency_state_due')
        .on('requests')
        .columns(['agency_id', 'state', 'due_on'])
        .execute();

      await db.schema
        .createTable('registration_counters')
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('registration_counters_pk', ['agency_id', 'year'])
        .execute();

      await withAgency(withId(db.schema.createTable('case_events'), dialect))
        .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'varchar(40)', (c) => c.notNull())
        .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('state_before', 'varchar(32)')
        .addColumn('state_after', 'varchar(32)', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      // One writer wins: a second event with the same number for the same case is refused.
      await db.schema
        .createIndex('case_events_request_seq')
        .on('case_events')
        .columns(['request_id', 'seq'])
        .unique()
        .execute();

      await withAgency(withId(db.schema.createTable('letters'), dialect))
        .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('event_id', 'integer', (c) => c.references('case_events.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('html', 'text', (c) => c.notNull())
        .addColumn('docx', sql.raw(blob), (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('letters_request').on('letters').column('request_id').execute();
      await db.schema.createIndex('letters_event').on('letters').column('event_id').execute();

      await withAgency(db.schema.createTable('letter_templates'))
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('letter_templates_pk', ['agency_id', 'kind'])
        .execute();

      // The calendar is the installation's (national), not an agency's.
      await withId(db.schema.createTable('calendar_overrides'), dialect)
        .addColumn('date', 'varchar(10)', (c) => c.notNull().unique())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('calendar_notices')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('holidays', 'text', (c) => c.notNull())
        .addColumn('workdays', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('users'), dialect)
        .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await withAgency(db.schema.createTable('user_roles'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'agency_id', 'role'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'user_roles',
        'users',
        'calendar_notices',
        'calendar_overrides',
        'letter_templates',
        'letters',
        'case_events',
        'registration_counters',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
