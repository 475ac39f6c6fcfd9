import { type WithheldReviewEntryView, withheldReviewBody } from '../../contract/withheld-reviews.ts';
import {
  itemStates,
  loadWithheldReviewRecords,
  loadWithheldSubjects,
} from '../../db/queries/withheld-reviews.ts';
import type { StatutoryCategory } from '../../domain/items/categories.ts';
import type { ItemFields } from '../../domain/items/fields.ts';
import { asSentence } from '../../domain/letters/punctuation.ts';
import { requestRefusal } from '../../domain/requests/policy.ts';
import {
  type WithheldReviewEntry,
  withheldReviewList,
  withheldReviewRefusal,
} from '../../domain/requests/withheld-review.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext, Trx } from '../context.ts';
import { insertDraft } from '../items/create-draft.ts';
import { lastEventDate, noteOnCase } from './case-store.ts';
import { checkReviewYear, entryView } from './read-withheld-review.ts';

/**
 * Records a year's decision on one piece of information withheld under 条例 第十六条 (条例 第十八条：
 * “……对本行政机关不予公开的政府信息进行定期评估审查，对因情势变化可以公开的政府信息应当公开。”):
 *
 * - 继续不予公开 (`kept`), with the reason it still may be withheld;
 * - 转为公开 (`disclosed`), with what changed: a DRAFT item (主动公开) is opened in the same
 *   transaction, titled with the information, so it goes through the 保密审查 (条例 第十七条) and
 *   publication of every item; the decision keeps its id.
 *
 * A decision is never changed: a correction is a new decision naming the one it corrects
 * (`replaces`), the earlier one kept in the history. The case gets an event
 * `requests.withheld_reviewed` (who, when, what); the case's state and clock do not move.
 */
export async function reviewWithheld(
  ctx: CommandContext,
  input: { agencyId: number; year: number; body: unknown },
): Promise<WithheldReviewEntryView> {
  const refusal = requestRefusal(ctx.actor, 'review_withheld');
  if (refusal) throw new AppError('forbidden', refusal);
  checkReviewYear(input.year);
  const parsed = withheldReviewBody.safeParse(input.body ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || 'body',
      message: i.message,
    }));
    throw new AppError('validation', `输入有误：${details.map((d) => d.message).join('；')}`, details);
  }
  // a staff text that ends a paragraph: one full stop (domain/letters/punctuation.ts)
  const body = { ...parsed.data, reason: asSentence(parsed.data.reason) };
  const { agencyId, year } = input;
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  return noteOnCase(ctx, { agencyId, requestId: body.requestId }, async (trx, row) => {
    const entry = await loadEntry(trx, agencyId, year, body);
    const openedItemId = entry?.current?.decision === 'disclosed' ? entry.current.itemId : null;
    const states = await itemStates(trx, agencyId, openedItemId ? [openedItemId] : []);
    const refused = withheldReviewRefusal({
      year,
      today,
      entry,
      request: body,
      openedItemState: openedItemId ? states.get(openedItemId) : undefined,
    });
    if (refused) throw new AppError(refused.code, refused.message);
    if (!entry) throw new AppError('not_found', '该信息不在审查清单中。');
    const itemId =
      body.decision === 'disclosed'
        ? (
            await insertDraft(trx, {
              agencyId,
              fields: await draftFields(trx, agencyId, entry, body.category, today),
              actor: ctx.actor.username,
              now,
              today,
              origin: { article: '条例第十八条', requestId: row.id, part: body.part, year },
            })
          ).itemId
        : null;
    const seq = (entry.history.at(-1)?.seq ?? 0) + 1;
    await trx
      .insertInto('withheld_reviews')
      .values({
        agency_id: agencyId,
        year,
        request_id: row.id,
        part: body.part,
        seq,
        decision: body.decision,
        reason: body.reason,
        item_id: itemId,
        actor: ctx.actor.username,
        recorded_at: now.toISOString(),
      })
      .execute();
    const after = await loadEntry(trx, agencyId, year, body);
    if (!after) throw new AppError('not_found', '该信息不在审查清单中。');
    const afterStates = await itemStates(trx, agencyId, itemId ? [itemId] : []);
    return {
      event: {
        eventType: 'withheld_reviewed',
        // dated the day of the review (as an attachment is): no clock reads it; the timeline stays in order
        occurredOn: [today, (await lastEventDate(trx, row.id)) || row.receivedOn].sort()[1],
        data: {
          year,
          part: body.part,
          description: entry.description,
          decision: body.decision,
          reason: body.reason,
          seq,
          replaces: body.replaces,
          before: entry.current ? { decision: entry.current.decision, reason: entry.current.reason } : null,
          itemId,
        },
      },
      result: entryView(after, afterStates),
    };
  });
}

async function loadEntry(
  trx: Trx,
  agencyId: number,
  year: number,
  body: { requestId: number; part: number },
): Promise<WithheldReviewEntry | undefined> {
  const subjects = await loadWithheldSubjects(trx, agencyId, {
    upTo: `${year}-12-31`,
    requestId: body.requestId,
  });
  const records = await loadWithheldReviewRecords(trx, agencyId, { requestId: body.requestId });
  return withheldReviewList(subjects, records, year).find((e) => e.part === body.part);
}

/**
 * The draft's fields: the information as its title, no body yet (the 经办人 adds the content before
 * sending it to 保密审查), the agency as issuer, and as 成文日期 the day of the decision — the day it
 * became disclosable, from which the items' 20 working days (条例 第二十六条, domain/items/timeliness.ts)
 * are counted; the case's own decision day would flag it late before anyone could publish it. The
 * 经办人 corrects the date in the draft when the document's own date should show.
 */
async function draftFields(
  trx: Trx,
  agencyId: number,
  entry: WithheldReviewEntry,
  category: StatutoryCategory,
  today: string,
): Promise<ItemFields> {
  const agency = await trx
    .selectFrom('agencies')
    .select('name')
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return {
    title: entry.description.slice(0, 500),
    bodyHtml: '',
    category,
    columnCode: null,
    issuer: agency.name,
    docNumber: null,
    formedOn: today,
    validity: 'valid',
    subject: '',
    isPolicyDocument: false,
    isInterpretation: false,
    isMeeting: false,
    isOnlineInterview: false,
  };
}
