/**
 * Links a draft item to the requests it was opened for (条例 第四十四条: 纳入主动公开), in the caller's
 * transaction: an item_requests row per request and the item's `requests_linked` event.
 */
import type { Trx } from '../context.ts';
import { appendItemEvent } from './item-store.ts';

export interface LinkRequestsInput {
  agencyId: number;
  itemId: number;
  proposalId: number;
  kind: string;
  requestIds: readonly number[];
  actor: string;
  at: Date;
}

export async function linkItemToRequests(trx: Trx, input: LinkRequestsInput): Promise<void> {
  await trx
    .insertInto('item_requests')
    .values(
      input.requestIds.map((requestId) => ({
        agency_id: input.agencyId,
        item_id: input.itemId,
        request_id: requestId,
        proposal_id: input.proposalId,
      })),
    )
    .execute();
  await appendItemEvent(trx, {
    agencyId: input.agencyId,
    itemId: input.itemId,
    type: 'requests_linked',
    actor: input.actor,
    at: input.at,
    stateBefore: 'draft',
    stateAfter: 'draft',
    data: { proposalId: input.proposalId, kind: input.kind, requestIds: [...input.requestIds] },
  });
}
