import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * 提请审批 of an item (issue 13): 发布 is the 审批负责人's (签发), so the 经办人 asks for it. A request
 * for approval (0026) now points at a case (`request_id`) or at an item (`item_id`): exactly one of
 * them (`approval_requests_one_subject`); at most one pending request per item and action, as per
 * case and action. PostgreSQL alters the table in place; SQLite cannot drop a NOT NULL or add a
 * check, so the table is rebuilt with its rows (ids and the AUTOINCREMENT counter kept).
 */
export function itemApprovalsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'postgres') {
        await db.schema
          .alterTable('approval_requests')
          .alterColumn('request_id', (c) => c.dropNotNull())
          .execute();
        await db.schema
          .alterTable('approval_requests')
          .addColumn('item_id', 'integer', (c) => c.references('items.id').onDelete('cascade'))
          .execute();
        await db.schema
          .alterTable('approval_requests')
          .addCheckConstraint('approval_requests_one_subject', oneSubject)
          .execute();
      } else {
        const counter = await sql<{ seq: number }>`
          select seq from sqlite_sequence where name = 'approval_requests'`.execute(db);
        await createTable(db, 'approval_requests_0028', dialect);
        await sql`insert into approval_requests_0028 (${columns}) select ${columns} from approval_requests order by id`.execute(
          db,
        );
        await db.schema.dropTable('approval_requests').execute();
        await db.schema.alterTable('approval_requests_0028').renameTo('approval_requests').execute();
        const seq = counter.rows[0]?.seq;
        if (seq !== undefined)
          await sql`update sqlite_sequence set seq = max(seq, ${seq}) where name = 'approval_requests'`.execute(
            db,
          );
        await db.schema
          .createIndex('approval_requests_one_pending')
          .on('approval_requests')
          .columns(['request_id', 'action'])
          .unique()
          .where(sql.ref('state'), '=', 'pending')
          .execute();
        await db.schema
          .createIndex('approval_requests_agency_state')
          .on('approval_requests')
          .columns(['agency_id', 'state'])
          .execute();
      }
      await db.schema
        .createIndex('approval_requests_one_pending_item')
        .on('approval_requests')
        .columns(['item_id', 'action'])
        .unique()
        .where(sql.ref('state'), '=', 'pending')
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('approval_requests_one_pending_item').execute();
      await sql`delete from approval_requests where item_id is not null`.execute(db);
      if (dialect === 'postgres') {
        await db.schema
          .alterTable('approval_requests')
          .dropConstraint('approval_requests_one_subject')
          .execute();
        await db.schema.alterTable('approval_requests').dropColumn('item_id').execute();
        await db.schema
          .alterTable('approval_requests')
          .alterColumn('request_id', (c) => c.setNotNull())
          .execute();
      }
      // SQLite keeps the rebuilt table: its item_id column stays, empty, and request_id nullable
    },
  };
}

const oneSubject = sql`(request_id is null) <> (item_id is null)`;

/** The columns 0026 created, copied as they are. */
const columns = sql.join(
  [
    'id',
    'agency_id',
    'request_id',
    'action',
    'payload',
    'reason',
    'requested_by',
    'requested_at',
    'state',
    'decided_by',
    'decided_at',
    'return_reason',
    'event_id',
  ].map((c) => sql.ref(c)),
);

async function createTable(db: Kysely<unknown>, name: string, dialect: Dialect): Promise<void> {
  await withAgency(withId(db.schema.createTable(name), dialect))
    .addColumn('request_id', 'integer', (c) => c.references('requests.id').onDelete('cascade'))
    // an item (0028): 发布 put to the 审批负责人
    .addColumn('item_id', 'integer', (c) => c.references('items.id').onDelete('cascade'))
    // a case action (`extend`) or an item action (`publish`): domain/requests/approvals.ts
    .addColumn('action', 'varchar(40)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('return_reason', 'text')
    .addColumn('event_id', 'integer')
    .addCheckConstraint('approval_requests_one_subject', oneSubject)
    .execute();
}
