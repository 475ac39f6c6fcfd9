import type { NewMediaAccount } from '../../db/queries/new-media.ts';
import type { CommandContext } from '../context.ts';
import { type AccountStepInput, changeAccountState } from './change-account-state.ts';

/** 恢复运营: a closed account operates again from a day; its closing day is cleared (the event keeps it). */
export function reopenAccount(ctx: CommandContext, input: AccountStepInput): Promise<NewMediaAccount> {
  return changeAccountState(ctx, 'reopen', input);
}
