import type { NewMediaAccount } from '../../db/queries/new-media.ts';
import type { CommandContext } from '../context.ts';
import { type AccountStepInput, changeAccountState } from './change-account-state.ts';

/** 注销: an operating or closed account is cancelled on its platform (final: a new account is registered instead); an operating one stops that day too. */
export function cancelAccount(ctx: CommandContext, input: AccountStepInput): Promise<NewMediaAccount> {
  return changeAccountState(ctx, 'cancel', input);
}
