/**
 * The steps of an item (staff): send to 保密审查, approve or send back (a reviewer other than the
 * drafter), publish, withdraw, record a posting on another channel, link an interpretation to its
 * policy document. Each is one command: version check, role, state machine, one event.
 */

import type { z } from 'zod';
import type { CommandContext } from '../../../commands/context.ts';
import { addPosting } from '../../../commands/items/add-posting.ts';
import { approveItem } from '../../../commands/items/approve-item.ts';
import { linkInterpretation } from '../../../commands/items/link-interpretation.ts';
import { publishItem } from '../../../commands/items/publish-item.ts';
import { rejectItem } from '../../../commands/items/reject-item.ts';
import { submitForReview } from '../../../commands/items/submit-for-review.ts';
import { withdrawItem } from '../../../commands/items/withdraw-item.ts';
import { itemActionBodies } from '../../../contract/item-inputs.ts';
import type { ItemAction } from '../../../domain/items/state-machine.ts';
import { attachmentTextReader } from '../../../files/attachment-text.ts';
import { agencyOf } from '../../actor.ts';
import { commandContext } from '../../command-context.ts';
import { writeErrors } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { actionResultSchema, type expectedVersion, itemParams, publishedSchema } from './items-schemas.ts';

export const itemActionRoutes: RouteModule = async (app, { db, files, calendars, clock }) => {
  /** 发布前自查 reads the attachments' text from the store (submit and approve) */
  const attachmentTexts = attachmentTextReader(files);
  /** Registers `POST …/items/:id/{name}`: the body schema, then the command with the target. */
  function action<B extends z.ZodObject<{ expectedVersion: typeof expectedVersion }>>(
    name: string,
    verb: ItemAction,
    summary: string,
    body: B,
    run: (
      ctx: CommandContext,
      target: { agencyId: number; itemId: number; body: z.infer<B> },
    ) => Promise<z.infer<typeof actionResultSchema>>,
    response: z.ZodType = actionResultSchema,
  ) {
    app.post(
      `/api/v1/agencies/:code/items/:id/${name}`,
      {
        config: { policy: `items/${verb}` },
        schema: {
          tags: ['items'],
          summary,
          params: itemParams,
          body,
          response: { 200: response, ...writeErrors },
        },
      },
      async (request) => {
        const ctx = commandContext(request, { db, calendars, clock });
        const agencyId = agencyOf(request).id;
        return run(ctx, { agencyId, itemId: request.params.id, body: request.body as z.infer<B> });
      },
    );
  }

  action('submit', 'submit', 'Send a draft to 保密审查 (operator)', itemActionBodies.submit, (ctx, t) =>
    submitForReview(ctx, { ...t, expectedVersion: t.body.expectedVersion, attachmentTexts }),
  );

  action(
    'approve',
    'approve',
    '保密审查 passed (reviewer, not the drafter): reviewer, date and opinion recorded; 发布前自查 findings must be confirmed (screeningConfirmed)',
    itemActionBodies.approve,
    (ctx, t) => approveItem(ctx, { ...t, ...t.body, attachmentTexts }),
  );

  action(
    'reject',
    'reject',
    '保密审查 not passed (reviewer, not the drafter): back to draft with the reason',
    itemActionBodies.reject,
    (ctx, t) => rejectItem(ctx, { ...t, ...t.body }),
  );

  action(
    'publish',
    'publish',
    'Publish an approved item (operator): 索引号, website row for the report, search index',
    itemActionBodies.publish,
    (ctx, t) => publishItem(ctx, { ...t, ...t.body }),
    publishedSchema,
  );

  action(
    'withdraw',
    'withdraw',
    'Withdraw a published item (operator) with the reason; its year still counts it',
    itemActionBodies.withdraw,
    (ctx, t) => withdrawItem(ctx, { ...t, ...t.body }),
  );

  action(
    'postings',
    'post',
    "Record a posting on another of the agency's channels (微信, 微博, 抖音, …) with date and link",
    itemActionBodies.postings,
    (ctx, t) => addPosting(ctx, { ...t, ...t.body }),
  );

  action(
    'policy',
    'link',
    'Link an interpretation (解读材料) to its policy document (政策文件), or unlink with null',
    itemActionBodies.policy,
    (ctx, t) => linkInterpretation(ctx, { ...t, ...t.body }),
  );
};
