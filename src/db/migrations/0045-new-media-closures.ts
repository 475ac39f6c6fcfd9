import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Dialect } from '../connection.ts';
import { withAgency, withId } from './columns.ts';

/**
 * 政务新媒体: each 关停 of an account kept as a row of `new_media_closures` — its closing day and,
 * once it reopens (恢复运营), the reopening day (domain/new-media/periods.ts). Before this a reopening
 * cleared `new_media_accounts.closed_on`, so the closed spell was only in the event log: a past
 * year's 本年关停, an inspection run again for a day inside the spell and a posting dated inside it
 * read the account as operating. A 注销 of an operating account stops it that day: a closure that
 * never reopens.
 *
 * The rows of accounts already stepped are rebuilt from their events (`new_media.closed`,
 * `new_media.reopened`, `new_media.cancelled` with the day each carries, in the log's order); an
 * account whose closing day has no event (written before the log, or by a generator) gets its open
 * closure from `closed_on`.
 */
const stepEvent = z.object({ on: z.string(), stateBefore: z.string().optional() });

export function newMediaClosuresMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAgency(withId(db.schema.createTable('new_media_closures'), dialect))
        .addColumn('account_id', 'integer', (c) =>
          c.notNull().references('new_media_accounts.id').onDelete('cascade'),
        )
        .addColumn('closed_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('reopened_on', 'varchar(10)')
        .execute();
      await db.schema
        .createIndex('new_media_closures_account')
        .on('new_media_closures')
        .columns(['account_id', 'closed_on'])
        .execute();

      const { rows: events } = await sql<{ subject_id: string; name: string; data: string }>`
        select subject_id, name, data from events
        where subject_type = 'new_media_account'
          and name in ('new_media.closed', 'new_media.reopened', 'new_media.cancelled')
        order by id`.execute(db);
      const spells = new Map<number, Array<{ closedOn: string; reopenedOn: string | null }>>();
      for (const event of events) {
        const step = stepEvent.safeParse(JSON.parse(event.data));
        if (!step.success) continue;
        const id = Number(event.subject_id);
        const list = spells.get(id) ?? [];
        spells.set(id, list);
        const open = list.find((s) => s.reopenedOn === null);
        if (event.name === 'new_media.reopened') {
          if (open) open.reopenedOn = step.data.on;
        } else if (!open && (event.name === 'new_media.closed' || step.data.stateBefore === 'operating')) {
          list.push({ closedOn: step.data.on, reopenedOn: null });
        }
      }
      const { rows: accounts } = await sql<{ id: number; agency_id: number; closed_on: string | null }>`
        select id, agency_id, closed_on from new_media_accounts`.execute(db);
      for (const account of accounts) {
        const list = spells.get(Number(account.id)) ?? [];
        if (account.closed_on !== null && !list.some((s) => s.reopenedOn === null))
          list.push({ closedOn: account.closed_on, reopenedOn: null });
        for (const spell of list)
          await sql`insert into new_media_closures (agency_id, account_id, closed_on, reopened_on)
            values (${account.agency_id}, ${account.id}, ${spell.closedOn}, ${spell.reopenedOn})`.execute(db);
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('new_media_closures').execute();
    },
  };
}
