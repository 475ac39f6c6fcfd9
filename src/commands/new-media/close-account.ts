import type { NewMediaAccount } from '../../db/queries/new-media.ts';
import type { CommandContext } from '../context.ts';
import { type AccountStepInput, changeAccountState } from './change-account-state.ts';

/** 关停: an operating account stops on a day, for a reason; its postings stay counted, the silence alarm stops. */
export function closeAccount(ctx: CommandContext, input: AccountStepInput): Promise<NewMediaAccount> {
  return changeAccountState(ctx, 'close', input);
}
