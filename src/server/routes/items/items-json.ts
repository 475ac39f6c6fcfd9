/** Items as the API shows them: a list row, the public page, the staff page (with its timeline). */
import type { ActorNames } from '../../../db/queries/actor-names.ts';
import type { FoundItem, ItemSummaryRow } from '../../../db/queries/items.ts';
import type { WorkCalendar } from '../../../domain/calendar/types.ts';
import {
  ITEM_VALIDITY_LABELS,
  type ItemValidity,
  STATUTORY_CATEGORY_LABELS,
  type StatutoryCategory,
} from '../../../domain/items/categories.ts';
import { allowedActions, ITEM_STATE_LABELS, type ItemState } from '../../../domain/items/state-machine.ts';
import { publicationTimeliness } from '../../../domain/items/timeliness.ts';
import { parseJson } from '../../presenters/json.ts';

/** Every user an item's page names: its author, reviewer, the actors of its timeline. */
export function itemUsernames(found: FoundItem): Array<string | null> {
  return [found.row.created_by, found.row.reviewer, ...found.events.map((e) => e.actor)];
}

/** One row of a list. */
export function itemSummaryJson(r: ItemSummaryRow) {
  return {
    id: r.id,
    indexNo: r.index_no,
    title: r.title,
    category: r.category,
    categoryLabel: STATUTORY_CATEGORY_LABELS[r.category as StatutoryCategory] ?? r.category,
    columnCode: r.column_code,
    issuer: r.issuer,
    docNumber: r.doc_number,
    formedOn: r.formed_on,
    publishedOn: r.published_on,
    validity: r.validity,
    validityLabel: ITEM_VALIDITY_LABELS[r.validity as ItemValidity] ?? r.validity,
    subject: r.subject,
    status: r.status,
    statusLabel: ITEM_STATE_LABELS[r.status as ItemState] ?? r.status,
    isPolicyDocument: r.is_policy_document === 1,
    isInterpretation: r.is_interpretation === 1,
    version: r.version,
  };
}

type Related = FoundItem['interpretations'][number];
const relatedJson = (r: Related) => ({
  id: r.id,
  indexNo: r.index_no,
  title: r.title,
  docNumber: r.doc_number,
  publishedOn: r.published_on,
  status: r.status,
});

/** The public page of a published item; `attachmentUrl` gives each file's download address. */
export function publicItemJson(found: FoundItem, attachmentUrl: (id: number) => string) {
  const { status: _s, statusLabel: _l, version: _v, ...summary } = itemSummaryJson(found.row);
  return {
    ...summary,
    bodyHtml: found.row.body_html,
    policy: found.policy ? relatedJson(found.policy) : null,
    interpretations: found.interpretations.map(relatedJson),
    attachments: found.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mediaType: a.media_type,
      size: Number(a.size),
      sha256: a.sha256,
      url: attachmentUrl(a.id),
    })),
  };
}

/** The staff page: everything, with the timeline, the actions the state allows and the timeliness. */
export function itemDetailJson(
  found: FoundItem,
  calendar: WorkCalendar,
  today: string,
  attachmentUrl: (id: number) => string,
  names: ActorNames,
) {
  const { row } = found;
  const state = row.status as ItemState;
  return {
    ...publicItemJson(found, attachmentUrl),
    status: row.status,
    statusLabel: ITEM_STATE_LABELS[state] ?? row.status,
    version: row.version,
    isMeeting: row.is_meeting === 1,
    isOnlineInterview: row.is_online_interview === 1,
    allowedActions: allowedActions(state),
    review: row.reviewer
      ? {
          reviewer: row.reviewer,
          reviewerName: names(row.reviewer),
          reviewedOn: row.reviewed_on,
          result: row.review_result,
          opinion: row.review_opinion,
        }
      : null,
    withdrawn: row.withdrawn_on ? { on: row.withdrawn_on, reason: row.withdrawn_reason } : null,
    timeliness: publicationTimeliness(row.formed_on, row.published_on ?? today, calendar),
    postings: found.postings.map((p) => ({
      channel: p.channel,
      channelName: p.channel_name ?? p.channel,
      publishedOn: p.published_on,
      link: p.link,
    })),
    events: found.events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at,
      actor: e.actor,
      actorName: names(e.actor),
      stateBefore: e.state_before,
      stateAfter: e.state_after,
      data: parseJson(e.data),
    })),
    createdBy: row.created_by,
    createdByName: names(row.created_by),
    fromRequests: found.fromRequests.map((r) => ({
      id: r.id,
      registrationNo: r.registration_no,
      information: r.information ?? '',
    })),
  };
}
