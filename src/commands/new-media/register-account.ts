import { type RegisterAccountInput, registerAccountBody } from '../../contract/new-media.ts';
import { findAccount, type NewMediaAccount } from '../../db/queries/new-media.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import { accountFieldProblems, PLATFORM_LABELS } from '../../domain/new-media/accounts.ts';
import { channelForAccount } from '../../domain/new-media/channel-code.ts';
import { type CommandContext, inTrx } from '../context.ts';
import {
  appendAccountEvent,
  conflictOr,
  parseInput,
  refuseProblems,
  requireManager,
} from './account-store.ts';

/**
 * 登记: a new 政务新媒体 account of the agency, operating from its opening day, with an event. Its
 * channel is linked (the agency's channel of the platform, no other account holding it, with the
 * postings already recorded there) or created (`wechat-2`, named after the account), so items can
 * be posted to it and its postings are counted from publications rows (docs/new-media.md).
 */
export async function registerAccount(
  ctx: CommandContext,
  input: { agencyId: number; account: RegisterAccountInput },
): Promise<NewMediaAccount> {
  requireManager(ctx.actor);
  const body = parseInput(registerAccountBody, input.account);
  const today = ctx.clock.today();
  refuseProblems(accountFieldProblems(body, today));
  const { agencyId } = input;
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const channels = await trx
        .selectFrom('agency_channels')
        .select(['code', 'sort'])
        .where('agency_id', '=', agencyId)
        .execute();
      const held = await trx
        .selectFrom('new_media_accounts')
        .select('channel_code')
        .where('agency_id', '=', agencyId)
        .execute();
      const channel = channelForAccount(
        body.platform,
        new Set(channels.map((c) => c.code)),
        new Set(held.map((h) => h.channel_code)),
      );
      if (channel.create)
        await trx
          .insertInto('agency_channels')
          .values({
            agency_id: agencyId,
            code: channel.code,
            name: `${PLATFORM_LABELS[body.platform]}“${body.name}”`,
            sort: Math.max(0, ...channels.map((c) => c.sort)) + 1,
          })
          .execute();
      const at = ctx.clock.now().toISOString();
      const inserted = await trx
        .insertInto('new_media_accounts')
        .values({
          agency_id: agencyId,
          channel_code: channel.code,
          platform: body.platform,
          name: body.name,
          account_id: body.accountId,
          host_unit: body.hostUnit,
          opened_on: body.openedOn,
          closed_on: null,
          cancelled_on: null,
          state: 'operating',
          filing_status: body.filingStatus,
          filing_no: body.filingNo,
          manager: body.manager,
          manager_phone: body.managerPhone,
          note: body.note,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAccountEvent(inTrx(ctx, trx), {
        agencyId,
        accountId: inserted.id,
        name: 'new_media.registered',
        data: { stateAfter: 'operating', channel: channel.code, channelCreated: channel.create, input: body },
      });
      const account = await findAccount(withinTransaction(ctx.db, trx), agencyId, inserted.id, {
        today,
        year: Number(today.slice(0, 4)),
      });
      if (!account) throw new Error('registered account not found');
      return account;
    });
  } catch (error) {
    return conflictOr(error);
  }
}
