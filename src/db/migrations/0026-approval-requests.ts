import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * 提请审批 (issue 13; domain/requests/approvals.ts): the 经办人 puts a case action they may not take
 * alone — the extension, 条例 第三十三条第二款 “应当经政府信息公开工作机构负责人同意” — to the 审批负责人.
 * One row per request for approval: what (the action and its proposed fields), which case, why, who
 * asked and when; then who decided, when, and the reason when returned. At most one pending request
 * per case and action (a partial unique index: a concurrent duplicate loses).
 */
export function approvalRequestsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAgency(withId(db.schema.createTable('approval_requests'), dialect))
        .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
        // a case action (approvals.ts APPROVABLE_ACTIONS): `extend`
        .addColumn('action', 'varchar(40)', (c) => c.notNull())
        // JSON: the action's fields as proposed (the approval takes the action with them)
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
        // pending, approved, returned
        .addColumn('state', 'varchar(16)', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'varchar(32)')
        // why it was returned
        .addColumn('return_reason', 'text')
        // the case event the approval's action wrote
        .addColumn('event_id', 'integer')
        .execute();
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
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('approval_requests').execute();
    },
  };
}
