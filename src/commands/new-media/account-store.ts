/** What the 政务新媒体 commands share: the manager check, input parsing, loading, the versioned update, the event. */
import type { Updateable } from 'kysely';
import { rethrowConflict } from '../../db/conflict.ts';
import { appendEvent } from '../../db/events.ts';
import { closuresOfAccount } from '../../db/queries/new-media-closures.ts';
import type { NewMediaAccountTable } from '../../db/schema.ts';
import { can, roleRefusal, rolesNeeded } from '../../domain/accounts/policy-table.ts';
import type { AccountState, FieldProblem } from '../../domain/new-media/accounts.ts';
import type { Closure } from '../../domain/new-media/periods.ts';
import { NEW_MEDIA_POLICY } from '../../domain/new-media/policy.ts';
import { AppError } from '../../errors.ts';
import type { Actor, Trx, TrxContext } from '../context.ts';

export { parseInput } from '../registry/inputs.ts';

/** Only the agency's administrator keeps the registry. */
export function requireManager(actor: Actor): void {
  if (!can(NEW_MEDIA_POLICY, actor, 'manage'))
    throw new AppError(
      'forbidden',
      roleRefusal('变更政务新媒体登记', rolesNeeded(NEW_MEDIA_POLICY, 'manage')),
    );
}

/** Refuses with every problem, each on its field; nothing is written. */
export function refuseProblems(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  const summary = problems.map((p) => p.message).join('；');
  throw new AppError('validation', `输入有误（${summary}），请修改后重试。`, [...problems]);
}

/** An account as the commands change it. */
export interface StoredAccount {
  id: number;
  agencyId: number;
  platform: string;
  name: string;
  accountId: string;
  hostUnit: string;
  openedOn: string;
  closedOn: string | null;
  cancelledOn: string | null;
  /** every 关停, oldest first (domain/new-media/periods.ts) */
  closures: Closure[];
  state: AccountState;
  filingStatus: string;
  filingNo: string;
  manager: string;
  managerPhone: string;
  note: string;
  version: number;
}

/** One of the agency's accounts at the version the caller saw: not_found, or 409 when changed since. */
export async function loadAccount(
  trx: Trx,
  target: { agencyId: number; accountId: number; expectedVersion: number },
): Promise<StoredAccount> {
  const row = await trx
    .selectFrom('new_media_accounts')
    .selectAll()
    .where('id', '=', target.accountId)
    .where('agency_id', '=', target.agencyId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `未找到编号为 ${target.accountId} 的政务新媒体账号。`);
  if (row.version !== target.expectedVersion)
    throw new AppError('conflict', '该账号刚被其他人修改，请刷新后重试。');
  return {
    id: row.id,
    agencyId: row.agency_id,
    platform: row.platform,
    name: row.name,
    accountId: row.account_id,
    hostUnit: row.host_unit,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    cancelledOn: row.cancelled_on,
    closures: await closuresOfAccount(trx, row.id),
    state: row.state as AccountState,
    filingStatus: row.filing_status,
    filingNo: row.filing_no,
    manager: row.manager,
    managerPhone: row.manager_phone,
    note: row.note,
    version: row.version,
  };
}

/** Writes the change at the next version; 409 when someone else changed the account first. */
export async function updateAccount(
  ctx: TrxContext,
  account: StoredAccount,
  set: Updateable<NewMediaAccountTable>,
): Promise<void> {
  const updated = await ctx.trx
    .updateTable('new_media_accounts')
    .set({ ...set, version: account.version + 1, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', account.id)
    .where('version', '=', account.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', '该账号刚被其他人修改，请刷新后重试。');
}

/** Appends the event of a change to an account (who, when, what) to the event log. */
export async function appendAccountEvent(
  ctx: TrxContext,
  event: { agencyId: number; accountId: number; name: string; data: Record<string, unknown> },
): Promise<number> {
  return appendEvent(ctx.trx, {
    name: event.name,
    subject: { type: 'new_media_account', id: event.accountId },
    agency: event.agencyId,
    actor: ctx.actor.username,
    at: ctx.clock.now(),
    data: event.data,
  });
}

/** Maps a write conflict (unique index, deadlock, serialization failure) to this store's 409; rethrows anything else. */
export function conflictOr(error: unknown): never {
  return rethrowConflict(error, '该账号或其发布渠道刚被其他人变更，请刷新后重试。');
}
