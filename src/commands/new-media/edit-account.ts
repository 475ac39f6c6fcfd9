import { type EditAccountInput, editAccountBody } from '../../contract/new-media.ts';
import { findAccount, type NewMediaAccount } from '../../db/queries/new-media.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { accountFieldProblems } from '../../domain/new-media/accounts.ts';
import { AppError } from '../../errors.ts';
import { type CommandContext, inTrx, type TrxContext } from '../context.ts';
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

/**
 * 修改: an account's fields (名称, 账号, 主办单位, 开设日期, 备案, 负责人, 备注) at the version the
 * editor saw, with an event keeping each changed field before → after. The platform and the
 * channel stay; a cancelled (注销) account is no longer edited.
 */
export async function editAccount(
  ctx: CommandContext,
  input: { agencyId: number; accountId: number; changes: EditAccountInput },
): Promise<NewMediaAccount> {
  requireManager(ctx.actor);
  const { expectedVersion, ...changes } = parseInput(editAccountBody, input.changes);
  const today = ctx.clock.today();
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const account = await loadAccount(trx, { ...input, expectedVersion });
      if (account.state === 'cancelled')
        throw new AppError('invalid_state', '该账号已注销，登记信息不再修改。');
      const merged = { ...account, ...changes };
      refuseProblems(accountFieldProblems(merged, today));
      if (account.closedOn !== null && merged.openedOn > account.closedOn)
        refuseProblems([
          { field: 'openedOn', message: `“开设日期”不能晚于账号的关停日期（${account.closedOn}）` },
        ]);
      const changed = Object.fromEntries(
        Object.entries(changes).flatMap(([key, after]) => {
          const before = account[key as keyof typeof account];
          return after === undefined || after === before ? [] : [[key, { before, after }]];
        }),
      );
      if (Object.keys(changed).length > 0) {
        await updateFields(inTrx(ctx, trx), account, merged);
        await appendAccountEvent(inTrx(ctx, trx), {
          agencyId: input.agencyId,
          accountId: account.id,
          name: 'new_media.edited',
          data: { changed },
        });
      }
      const found = await findAccount(withinTransaction(ctx.db, trx), input.agencyId, account.id, {
        today,
        year: Number(today.slice(0, 4)),
      });
      if (!found) throw new Error('edited account not found');
      return found;
    });
  } catch (error) {
    return conflictOr(error);
  }
}

/** The entered fields of the merged account, at the next version. */
async function updateFields(ctx: TrxContext, account: StoredAccount, merged: StoredAccount): Promise<void> {
  await updateAccount(ctx, account, {
    name: merged.name,
    account_id: merged.accountId,
    host_unit: merged.hostUnit,
    opened_on: merged.openedOn,
    filing_status: merged.filingStatus,
    filing_no: merged.filingNo,
    manager: merged.manager,
    manager_phone: merged.managerPhone,
    note: merged.note,
  });
}
