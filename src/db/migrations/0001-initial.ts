import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/** The foundation: agencies and the records the annual report is computed from. */
export function initialMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('agencies'), dialect)
        .addColumn('code', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('postcode', 'varchar(16)', (c) => c.notNull().defaultTo(''))
        .addColumn('phone', 'varchar(64)', (c) => c.notNull().defaultTo(''))
        .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('website_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('office', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('agencies_parent').on('agencies').column('parent_id').execute();

      await withAgency(db.schema.createTable('agency_channels'))
        .addColumn('code', 'varchar(32)', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('agency_channels_pk', ['agency_id', 'code'])
        .execute();

      await withAgency(withId(db.schema.createTable('publications'), dialect))
        .addColumn('ref', 'varchar(128)')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('category', 'varchar(16)', (c) => c.notNull())
        .addColumn('channel', 'varchar(32)', (c) => c.notNull())
        .addColumn('formed_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('is_policy_document', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_interpretation', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('interprets_id', 'integer', (c) => c.references('publications.id'))
        .addColumn('is_meeting', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_online_interview', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // Covering index: the yearly report counts publications by channel and flag without the table.
      await db.schema
        .createIndex('publications_agency_published')
        .on('publications')
        .columns([
          'agency_id',
          'published_on',
          'channel',
          'is_meeting',
          'is_policy_document',
          'is_interpretation',
          'is_online_interview',
        ])
        .execute();
      // Foreign keys are checked on delete: index the referencing side.
      await db.schema
        .createIndex('publications_interprets')
        .on('publications')
        .column('interprets_id')
        .execute();
      await db.schema
        .createIndex('publications_agency_ref')
        .on('publications')
        .columns(['agency_id', 'ref'])
        .unique()
        .execute();

      await withAgency(withId(db.schema.createTable('normative_documents'), dialect))
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('doc_number', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('issued_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('repealed_on', 'varchar(10)')
        .execute();
      await db.schema
        .createIndex('normative_agency')
        .on('normative_documents')
        .columns(['agency_id', 'kind'])
        .execute();

      await withAgency(db.schema.createTable('admin_figures'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('license_decisions', 'integer', (c) => c.notNull())
        .addColumn('penalty_decisions', 'integer', (c) => c.notNull())
        .addColumn('enforcement_decisions', 'integer', (c) => c.notNull())
        .addColumn('fees_yuan', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('admin_figures_pk', ['agency_id', 'year'])
        .execute();

      await withAgency(withId(db.schema.createTable('requests'), dialect))
        .addColumn('ref', 'varchar(128)')
        .addColumn('applicant_type', 'varchar(32)', (c) => c.notNull())
        .addColumn('channel', 'varchar(16)', (c) => c.notNull())
        .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('decided_on', 'varchar(10)')
        .addColumn('outcome', 'varchar(40)')
        .addColumn('fee_yuan', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('mixed_items', 'integer', (c) => c.notNull().defaultTo(0))
        .addCheckConstraint('requests_decided_has_outcome', sql`(decided_on is null) = (outcome is null)`)
        .addCheckConstraint(
          'requests_decided_after_received',
          sql`decided_on is null or decided_on >= received_on`,
        )
        .execute();
      await db.schema
        .createIndex('requests_agency_received')
        .on('requests')
        .columns(['agency_id', 'received_on'])
        .execute();
      await db.schema
        .createIndex('requests_agency_decided')
        .on('requests')
        .columns(['agency_id', 'decided_on'])
        .execute();
      await db.schema
        .createIndex('requests_agency_ref')
        .on('requests')
        .columns(['agency_id', 'ref'])
        .unique()
        .execute();

      await withAgency(withId(db.schema.createTable('request_items'), dialect))
        .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('request_items_request')
        .on('request_items')
        .columns(['request_id'])
        .execute();

      await withAgency(withId(db.schema.createTable('review_cases'), dialect))
        .addColumn('grp', 'varchar(32)', (c) => c.notNull())
        .addColumn('request_id', 'integer', (c) => c.references('requests.id'))
        .addColumn('filed_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('decided_on', 'varchar(10)')
        .addColumn('result', 'varchar(16)')
        .execute();
      await db.schema.createIndex('review_cases_request').on('review_cases').column('request_id').execute();
      await db.schema
        .createIndex('review_cases_agency_filed')
        .on('review_cases')
        .columns(['agency_id', 'filed_on'])
        .execute();

      await withAgency(db.schema.createTable('annual_reports'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('narrative', 'text')
        .addColumn('published_on', 'varchar(10)')
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('annual_reports_pk', ['agency_id', 'year'])
        .execute();

      await withAgency(withId(db.schema.createTable('events'), dialect))
        .addColumn('subject_type', 'varchar(32)', (c) => c.notNull())
        .addColumn('subject_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('type', 'varchar(64)', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('events_subject')
        .on('events')
        .columns(['agency_id', 'subject_type', 'subject_id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'events',
        'annual_reports',
        'review_cases',
        'request_items',
        'requests',
        'admin_figures',
        'normative_documents',
        'publications',
        'agency_channels',
        'agencies',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
