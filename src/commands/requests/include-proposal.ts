/**
 * 纳入主动公开 (条例 第四十四条): opens a DRAFT item for a proposal, prefilled (title from the first
 * request's information sought, the agency as issuer, today as 成文日期, the category staff chose),
 * linked to the proposal's requests (item_requests), with an event on the item and on each request,
 * all in one transaction. The draft then goes the way of every item: edit, 保密审查, publish.
 *
 * // 条例 第四十四条：“多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，
 * // 行政机关可以纳入主动公开的范围。”
 * // 条例 第四十四条：“行政机关经审核认为属于主动公开范围的，应当及时主动公开。”
 */
import { rethrowConflict } from '../../db/conflict.ts';
import { inTransaction, withinTransaction } from '../../db/transaction.ts';
import type { StatutoryCategory } from '../../domain/items/categories.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import { draftTitle } from '../../domain/requests/proposals/proposals.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { createDraft } from '../items/create-draft.ts';
import { linkItemToRequests } from '../items/link-requests.ts';
import { noteOnEachCase, openProposal } from './decide-proposal-common.ts';

export interface IncludeProposalInput {
  agencyId: number;
  /** the year the requests were received (the proposals' period) */
  year: number;
  requestIds: readonly number[];
  category: StatutoryCategory;
  /** the draft's title; default: the first request's information sought */
  title?: string;
}

export async function includeProposal(
  ctx: CommandContext,
  input: IncludeProposalInput,
): Promise<{ itemId: number; proposalId: number }> {
  const refusal = requestRefusal(ctx.actor, 'include_proposal');
  if (refusal) throw new AppError('forbidden', refusal);
  return inTransaction(ctx.db, async (trx) => {
    const { key, proposal } = await openProposal(trx, input.agencyId, input.year, input.requestIds);
    const agency = await trx
      .selectFrom('agencies')
      .select('name')
      .where('id', '=', input.agencyId)
      .executeTakeFirstOrThrow();
    const first = await trx
      .selectFrom('requests')
      .select('information')
      .where('id', '=', proposal.requestIds[0])
      .executeTakeFirstOrThrow();
    const inner = { ...ctx, db: withinTransaction(ctx.db, trx) };
    const title = input.title?.trim() || draftTitle(first.information ?? proposal.commonTerms.join(''));
    const draft = await createDraft(inner, {
      agencyId: input.agencyId,
      fields: {
        title,
        bodyHtml: '',
        category: input.category,
        columnCode: null,
        issuer: agency.name,
        docNumber: null,
        formedOn: ctx.clock.today(),
        validity: 'valid',
        subject: '',
        isPolicyDocument: false,
        isInterpretation: false,
        isMeeting: false,
        isOnlineInterview: false,
      },
    });
    const at = ctx.clock.now();
    const inserted = await trx
      .insertInto('publication_proposals')
      .values({
        agency_id: input.agencyId,
        request_key: key,
        kind: proposal.kind,
        result: 'included',
        reason: '',
        item_id: draft.itemId,
        actor: ctx.actor.username,
        decided_at: at.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const data = { proposalId: inserted.id, kind: proposal.kind, requestIds: proposal.requestIds };
    await linkItemToRequests(trx, {
      ...data,
      agencyId: input.agencyId,
      itemId: draft.itemId,
      actor: ctx.actor.username,
      at,
    });
    await noteOnEachCase(inner, input.agencyId, proposal.requestIds, 'publication_included', {
      ...data,
      itemId: draft.itemId,
      title,
    });
    return { itemId: draft.itemId, proposalId: inserted.id };
  }).catch((error: unknown) => rethrowConflict(error, '该建议正由他人同时处理，请刷新后查看。'));
}
