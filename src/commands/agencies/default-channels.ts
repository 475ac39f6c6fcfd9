/** A new agency's publication channels (网站, 微信, 微博, …: DEFAULT_PUBLICATION_CHANNELS), as `gongkai import` gives one. */
import { DEFAULT_PUBLICATION_CHANNELS } from '../../domain/report/vocabulary.ts';
import type { Trx } from '../context.ts';

export async function insertDefaultChannels(trx: Trx, agencyId: number): Promise<void> {
  await trx
    .insertInto('agency_channels')
    .values(
      DEFAULT_PUBLICATION_CHANNELS.map((c, sort) => ({
        agency_id: agencyId,
        code: c.code,
        name: c.name,
        sort,
      })),
    )
    .execute();
}
