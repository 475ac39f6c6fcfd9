/**
 * The steps that move an account's state — 关停, 注销, 恢复运营 — in one transaction each: the
 * version the caller saw, the transition (domain/new-media/accounts.ts), the day (not before the
 * opening or the closing, not after today), the reason, the dates, the event.
 */

import type { Updateable } from 'kysely';
import { type AccountActionInput, accountActionBody } from '../../contract/new-media.ts';
import { findAccount, type NewMediaAccount } from '../../db/queries/new-media.ts';
import type { NewMediaAccountTable } from '../../db/schema.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import {
  ACCOUNT_ACTION_LABELS,
  type AccountAction,
  stepDayProblem,
  transition,
} from '../../domain/new-media/accounts.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, inTrx, type Trx } from '../context.ts';
import {
  appendAccountEvent,
  conflictOr,
  loadAccount,
  parseInput,
  refuseProblems,
  requireManager,
  type StoredAccount,
  updateAccount,
} from './account-store.ts';

export interface AccountStepInput {
  agencyId: number;
  accountId: number;
  step: AccountActionInput;
}

/** The columns a step sets, from the account and the day. */
const COLUMNS: Record<AccountAction, (a: StoredAccount, on: string) => Updateable<NewMediaAccountTable>> = {
  close: (_a, on) => ({ state: 'closed', closed_on: on }),
  // an operating account cancelled stops that day too; a closed one keeps its closing day
  cancel: (a, on) => ({ state: 'cancelled', cancelled_on: on, closed_on: a.closedOn ?? on }),
  reopen: () => ({ state: 'operating', closed_on: null }),
};

/** Runs one step on an account (the commands close-account, cancel-account, reopen-account). */
export async function changeAccountState(
  ctx: CommandContext,
  action: AccountAction,
  input: AccountStepInput,
): Promise<NewMediaAccount> {
  requireManager(ctx.actor);
  const { expectedVersion, on, reason } = parseInput(accountActionBody, input.step);
  const label = ACCOUNT_ACTION_LABELS[action];
  if (action !== 'reopen' && reason === '')
    refuseProblems([{ field: 'reason', message: `请填写${label}的原因` }]);
  const today = ctx.clock.today();
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const account = await loadAccount(trx, { ...input, expectedVersion });
      const moved = transition(account.state, action);
      if ('refusal' in moved) throw new AppError('invalid_state', moved.refusal);
      const problem = stepDayProblem(action, on, account, today);
      if (problem) refuseProblems([problem]);
      const trxCtx = inTrx(ctx, trx);
      await updateAccount(trxCtx, account, COLUMNS[action](account, on));
      await recordClosure(trx, account, action, on);
      await appendAccountEvent(trxCtx, {
        agencyId: input.agencyId,
        accountId: account.id,
        name: EVENT_OF[action],
        data: { stateBefore: account.state, stateAfter: moved.to, on, reason },
      });
      const found = await findAccount(withinTransaction(ctx.db, trx), input.agencyId, account.id, {
        today,
        year: Number(today.slice(0, 4)),
      });
      if (!found) throw new Error('changed account not found');
      return found;
    });
  } catch (error) {
    return conflictOr(error);
  }
}

/**
 * The closed spells (new_media_closures, domain/new-media/periods.ts): a 关停 opens one, a 恢复运营
 * ends the open one on its day, a 注销 of an operating account opens one that never ends (a closed
 * account cancelled keeps its spell, still open).
 */
async function recordClosure(trx: Trx, account: StoredAccount, action: AccountAction, on: string) {
  if (action === 'reopen') {
    await trx
      .updateTable('new_media_closures')
      .set({ reopened_on: on })
      .where('account_id', '=', account.id)
      .where('reopened_on', 'is', null)
      .execute();
    return;
  }
  if (account.state !== 'operating') return;
  await trx
    .insertInto('new_media_closures')
    .values({ agency_id: account.agencyId, account_id: account.id, closed_on: on, reopened_on: null })
    .execute();
}

/** action → its event's name. */
const EVENT_OF: Record<AccountAction, string> = {
  close: 'new_media.closed',
  cancel: 'new_media.cancelled',
  reopen: 'new_media.reopened',
};
