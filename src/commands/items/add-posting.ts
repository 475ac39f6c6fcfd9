import { closuresOfAccount } from '../../db/queries/new-media-closures.ts';
import { type AccountState, postingRefusal } from '../../domain/new-media/accounts.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { checkDay } from './check-day.ts';
import { insertPublication, WEBSITE_CHANNEL } from './item-store.ts';
import { type ItemActionResult, type ItemTarget, runItemAction } from './run-item-action.ts';

export interface AddPostingInput extends ItemTarget {
  /** one of the agency's channels (微信, 微博, 抖音, …), not the website */
  channel: string;
  postedOn: string;
  /** where the posting can be seen */
  link: string;
}

const fail = (field: string, message: string): never => {
  throw new AppError('validation', message, [{ field, message }]);
};

/**
 * Records that a published item was also posted on another of the agency's channels, with the day
 * and the link: a publication row on that channel, which the annual report counts per channel.
 */
export async function addPosting(ctx: CommandContext, input: AddPostingInput): Promise<ItemActionResult> {
  if (!/^https?:\/\/\S+$/.test(input.link) || input.link.length > 2000) {
    fail('link', '请填写以 http:// 或 https:// 开头的链接。');
  }
  return runItemAction(ctx, input, 'post', async ({ trx, row, today }) => {
    if (input.channel === WEBSITE_CHANNEL) fail('channel', '网站发布在发布信息时已自动登记，无需再登记。');
    const channel = await trx
      .selectFrom('agency_channels')
      .select('name')
      .where('agency_id', '=', row.agency_id)
      .where('code', '=', input.channel)
      .executeTakeFirst();
    if (!channel) fail('channel', `本机关没有发布渠道“${input.channel}”，请先在渠道设置中添加。`);
    const postedOn = checkDay('postedOn', '发布日期', input.postedOn, {
      today,
      notBefore: { day: row.formed_on, label: '成文日期' },
    });
    const already = await trx
      .selectFrom('publications')
      .select('id')
      .where('item_id', '=', row.id)
      .where('channel', '=', input.channel)
      .executeTakeFirst();
    if (already) fail('channel', `该信息已登记在“${channel?.name}”发布。`);
    // 政务新媒体 (docs/new-media.md): an account posts nothing while closed, nor from its 注销 on
    const account = await trx
      .selectFrom('new_media_accounts')
      .select(['id', 'name', 'state'])
      .where('agency_id', '=', row.agency_id)
      .where('channel_code', '=', input.channel)
      .executeTakeFirst();
    const closures = account ? await closuresOfAccount(trx, account.id) : [];
    const refused =
      account &&
      postingRefusal({ name: account.name, state: account.state as AccountState, closures }, postedOn);
    if (refused) fail('postedOn', refused);
    return {
      eventType: 'posted',
      data: { channel: input.channel, postedOn, link: input.link },
      afterWrite: async (trx2, stored) => {
        await insertPublication(trx2, stored, {
          channel: input.channel,
          publishedOn: postedOn,
          link: input.link,
        });
      },
    };
  });
}
