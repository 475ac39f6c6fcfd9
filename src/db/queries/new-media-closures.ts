/**
 * The closed spells of 政务新媒体 accounts (`new_media_closures`, migration 0045;
 * domain/new-media/periods.ts): read per account, oldest first.
 */
import type { Kysely } from 'kysely';
import type { Closure } from '../../domain/new-media/periods.ts';
import type { Database } from '../schema.ts';

/** Each account's closures, oldest first (an account never closed: an empty list). */
export async function closuresOf(
  db: Kysely<Database>,
  accountIds: readonly number[],
): Promise<Map<number, Closure[]>> {
  const byAccount = new Map<number, Closure[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return byAccount;
  const rows = await db
    .selectFrom('new_media_closures')
    .select(['account_id', 'closed_on', 'reopened_on'])
    .where('account_id', 'in', [...accountIds])
    .orderBy('account_id')
    .orderBy('closed_on')
    .orderBy('id')
    .execute();
  for (const row of rows)
    byAccount.get(Number(row.account_id))?.push({ closedOn: row.closed_on, reopenedOn: row.reopened_on });
  return byAccount;
}

/** One account's closures, oldest first. */
export async function closuresOfAccount(db: Kysely<Database>, accountId: number): Promise<Closure[]> {
  return (await closuresOf(db, [accountId])).get(accountId) ?? [];
}
