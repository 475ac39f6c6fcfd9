import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../connection.ts';
import { type Table, withId } from './columns.ts';

/**
 * One event log. The four logs — `case_events`, `item_events`, `events` (registry, reports,
 * catalogue settings, imports) and `user_events` — become one `events` table: who (`actor`), when
 * (`at`, the instant it was recorded), what (`name`, e.g. `requests.extended`), of what
 * (`subject_type`, `subject_id`, in an agency or, `agency_id` null, the installation), numbered per
 * subject (`seq`: a unique index makes a concurrent writer of the same number lose), and its
 * `data` (JSON). A case's events keep the day they count from (`occurred_on`) and, as items do,
 * the state before → after.
 *
 * Every old row is copied: case events with their ids (letters point at them), the others
 * numbered per subject in their old order. Names: a case's `extended` becomes `requests.extended`,
 * an item's `items.…`, a user's `users.…`; the old `events` keep theirs (`registry.issued`, …) and
 * the catalogue settings' (`column_added`, `index_prefix_set`, …) become `settings.…`.
 */
export function oneEventLogMigration(dialect: Dialect) {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('events_subject').execute();
      await db.schema.alterTable('events').renameTo('events_0011').execute();
      await createEvents(db, dialect);
      await copyOldRows(db, dialect);
      if (dialect === 'postgres') {
        await sql`alter table letters drop constraint letters_event_id_fkey`.execute(db);
        await sql`alter table letters add constraint letters_event_id_fkey foreign key (event_id) references events (id) on delete cascade`.execute(
          db,
        );
      } else await pointLettersAtEvents(db, blob);
      for (const table of ['case_events', 'item_events', 'user_events', 'events_0011'])
        await db.schema.dropTable(table).execute();
    },
  };
}

async function createEvents(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('events') as Table, dialect)
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id').onDelete('cascade'))
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('occurred_on', 'varchar(10)')
    .addColumn('state_before', 'varchar(32)')
    .addColumn('state_after', 'varchar(32)')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  // One writer wins: a second event with the same number for the same subject is refused. A
  // subject is an agency's (an annual report's year, a column's code) or the installation's.
  await sql`create unique index events_subject_seq on events (subject_type, subject_id, (coalesce(agency_id, 0)), seq)`.execute(
    db,
  );
  await db.schema.createIndex('events_agency_at').on('events').columns(['agency_id', 'at']).execute();
  await db.schema.createIndex('events_actor_at').on('events').columns(['actor', 'at']).execute();
}

async function copyOldRows(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const columns = sql.raw(
    'id, agency_id, name, subject_type, subject_id, seq, actor, at, occurred_on, state_before, state_after, data',
  );
  const noId = sql.raw(
    'agency_id, name, subject_type, subject_id, seq, actor, at, occurred_on, state_before, state_after, data',
  );
  await sql`insert into events (${columns})
    select id, agency_id, 'requests.' || type, 'request', cast(request_id as text), seq, actor,
      recorded_at, occurred_on, state_before, state_after, data
    from case_events order by id`.execute(db);
  // The case events came with their ids: the others are numbered after them.
  if (dialect === 'postgres')
    await sql`select setval(pg_get_serial_sequence('events', 'id'), coalesce((select max(id) from events), 0) + 1, false)`.execute(
      db,
    );
  await sql`insert into events (${noId})
    select agency_id, 'items.' || type, 'item', cast(item_id as text), seq, actor, at, null,
      state_before, state_after, data
    from item_events order by id`.execute(db);
  await sql`insert into events (${noId})
    select agency_id, case when type like '%.%' then type else 'settings.' || type end, subject_type,
      subject_id, row_number() over (partition by agency_id, subject_type, subject_id order by id),
      actor, at, null, null, null, data
    from events_0011 order by id`.execute(db);
  await sql`insert into events (${noId})
    select agency_id, 'users.' || type, 'user', cast(user_id as text),
      row_number() over (partition by agency_id, user_id order by id), actor, at, null, null, null, data
    from user_events order by id`.execute(db);
}

/** SQLite cannot change a foreign key: letters is rebuilt with `event_id` referencing `events`. */
async function pointLettersAtEvents(db: Kysely<unknown>, blob: string): Promise<void> {
  await withId(db.schema.createTable('letters_0012') as Table, 'sqlite')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('event_id', 'integer', (c) => c.references('events.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('docx', sql.raw(blob), (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sent_on', 'varchar(10)')
    .addColumn('sent_method', 'varchar(16)')
    .addColumn('sent_tracking_no', 'varchar(40)')
    .addColumn('sent_note', 'text')
    .addColumn('sent_by', 'text')
    .addColumn('sent_recorded_at', 'varchar(32)')
    .execute();
  const columns = sql.raw(
    'id, agency_id, request_id, event_id, kind, file_name, html, docx, created_at, sent_on, sent_method, sent_tracking_no, sent_note, sent_by, sent_recorded_at',
  );
  await sql`insert into letters_0012 (${columns}) select ${columns} from letters order by id`.execute(db);
  await db.schema.dropTable('letters').execute();
  await db.schema.alterTable('letters_0012').renameTo('letters').execute();
  await db.schema.createIndex('letters_request').on('letters').column('request_id').execute();
  await db.schema.createIndex('letters_event').on('letters').column('event_id').execute();
}
