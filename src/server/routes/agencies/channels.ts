/**
 * `GET /api/v1/agencies/:code/channels`: the agency's publication channels (网站, 微信, 微博, …),
 * per-agency data the console offers when a posting on another channel is recorded.
 */
import { z } from 'zod';
import { WEBSITE_CHANNEL } from '../../../commands/items/item-store.ts';
import { channelListSchema } from '../../../contract/agencies.ts';
import { listChannels } from '../../../db/queries/channels.ts';
import { agencyOf } from '../../actor.ts';
import { agencyCode, readErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';

export const channelRoutes: RouteModule = async (app, { db }) => {
  app.get(
    '/api/v1/agencies/:code/channels',
    {
      config: { policy: 'staff' },
      schema: {
        tags: ['items'],
        summary: "The agency's publication channels (网站, 微信, 微博, …), in the agency's order (staff)",
        params: z.object({ code: agencyCode }),
        response: { 200: channelListSchema, ...readErrors },
      },
    },
    async (request) => {
      // the gate admitted only staff of this agency
      const channels = await listChannels(db, agencyOf(request).id);
      return { channels: channels.map((c) => ({ ...c, website: c.code === WEBSITE_CHANNEL })) };
    },
  );
};
