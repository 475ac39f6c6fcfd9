/**
 * Shared by the item commands: load an item of an agency, its fields, the next event, the search
 * index entry and the publication rows that follow the item (a step's conflicts: subject-step.ts).
 */

import type { Selectable } from 'kysely';
import { appendEvent } from '../../db/events.ts';
import type { ItemTable } from '../../db/schema.ts';
import type { ItemValidity, StatutoryCategory } from '../../domain/items/categories.ts';
import type { ItemFields } from '../../domain/items/fields.ts';
import type { ItemState } from '../../domain/items/state-machine.ts';
import { AppError } from '../../errors.ts';
import type { IndexableItem } from '../../search/types.ts';
import type { Trx } from '../context.ts';

export type ItemRow = Selectable<ItemTable>;

/** The channel of the agency's website: publication creates a row on it. */
export const WEBSITE_CHANNEL = 'website';

/** An item of an agency, or not_found (an item of another agency is not found either). */
export async function loadItem(trx: Trx, agencyId: number, itemId: number): Promise<ItemRow> {
  const row = await trx
    .selectFrom('items')
    .selectAll()
    .where('id', '=', itemId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `未找到编号为 ${itemId} 的信息。`);
  return row;
}

/** The descriptive fields of a stored item. */
export function fieldsOf(row: ItemRow): ItemFields {
  return {
    title: row.title,
    bodyHtml: row.body_html,
    category: row.category as StatutoryCategory,
    columnCode: row.column_code,
    issuer: row.issuer,
    docNumber: row.doc_number,
    formedOn: row.formed_on,
    validity: row.validity as ItemValidity,
    subject: row.subject,
    isPolicyDocument: row.is_policy_document === 1,
    isInterpretation: row.is_interpretation === 1,
    isMeeting: row.is_meeting === 1,
    isOnlineInterview: row.is_online_interview === 1,
  };
}

/** A new item's review (保密审查) and withdrawal columns: none yet, whether drafted or imported. */
export const NOT_REVIEWED_OR_WITHDRAWN = {
  reviewer: null,
  reviewed_on: null,
  review_result: null,
  review_opinion: null,
  withdrawn_on: null,
  withdrawn_reason: null,
} as const;

/** The stored columns of the fields (the body already sanitized, its text derived). */
export function fieldColumns(fields: ItemFields, bodyText: string) {
  return {
    title: fields.title.trim(),
    body_html: fields.bodyHtml,
    body_text: bodyText,
    category: fields.category,
    column_code: fields.columnCode,
    issuer: fields.issuer.trim(),
    doc_number: fields.docNumber?.trim() || null,
    formed_on: fields.formedOn,
    validity: fields.validity,
    subject: fields.subject.trim(),
    is_policy_document: Number(fields.isPolicyDocument),
    is_interpretation: Number(fields.isInterpretation),
    is_meeting: Number(fields.isMeeting),
    is_online_interview: Number(fields.isOnlineInterview),
  };
}

/** A column of the agency's catalogue must exist and belong to the item's category. */
export async function checkColumn(
  trx: Trx,
  agencyId: number,
  columnCode: string | null,
  category: string,
): Promise<void> {
  if (columnCode === null) return;
  const column = await trx
    .selectFrom('agency_columns')
    .select(['name', 'category'])
    .where('agency_id', '=', agencyId)
    .where('code', '=', columnCode)
    .executeTakeFirst();
  const problem = !column
    ? `本机关的公开目录中没有栏目“${columnCode}”，请先在目录设置中添加。`
    : column.category !== category
      ? `栏目“${column.name}”属于法定类别 ${column.category}，与所选类别 ${category} 不一致。`
      : null;
  if (problem) throw new AppError('validation', problem, [{ field: 'columnCode', message: problem }]);
}

export interface NewItemEvent {
  agencyId: number;
  itemId: number;
  type: string;
  actor: string;
  at: Date;
  stateBefore: ItemState | null;
  stateAfter: ItemState;
  /** what changed: before → after, the action's input */
  data: Record<string, unknown>;
}

/** Appends an item's event (`items.<type>`) to the event log with the item's next number. */
export async function appendItemEvent(trx: Trx, event: NewItemEvent): Promise<number> {
  return appendEvent(trx, {
    name: `items.${event.type}`,
    subject: { type: 'item', id: event.itemId },
    agency: event.agencyId,
    actor: event.actor,
    at: event.at,
    state: { before: event.stateBefore, after: event.stateAfter },
    data: event.data,
  });
}

/** What the search index keeps of a published item. */
export function indexableOf(row: ItemRow): IndexableItem {
  return {
    id: row.id,
    agencyId: row.agency_id,
    title: row.title,
    bodyText: row.body_text,
    docNumber: row.doc_number,
    category: row.category,
    publishedOn: row.published_on ?? row.formed_on,
    validity: row.validity,
    documentType: row.is_policy_document ? 'policy' : row.is_interpretation ? 'interpretation' : 'other',
  };
}

/** What a publication row takes from its item (the report's flags) and where it stands: agency, item. */
export function publicationColumnsOf(row: ItemRow) {
  return {
    agency_id: row.agency_id,
    item_id: row.id,
    title: row.title,
    category: row.category,
    formed_on: row.formed_on,
    is_policy_document: row.is_policy_document,
    is_interpretation: row.is_interpretation,
    is_meeting: row.is_meeting,
    is_online_interview: row.is_online_interview,
  };
}

/** The id of the website row of the policy an interpretation interprets (null: none). */
async function policyRowId(trx: Trx, row: ItemRow): Promise<number | null> {
  if (!row.interprets_item_id) return null;
  const policyRow = await trx
    .selectFrom('publications')
    .select('id')
    .where('item_id', '=', row.interprets_item_id)
    .where('channel', '=', WEBSITE_CHANNEL)
    .executeTakeFirst();
  return policyRow?.id ?? null;
}

/** A publication row of an item on one of the agency's channels (the website, 微信, …); its id. */
export async function insertPublication(
  trx: Trx,
  row: ItemRow,
  on: { channel: string; publishedOn: string; link: string | null },
): Promise<number> {
  const inserted = await trx
    .insertInto('publications')
    .values({
      ...publicationColumnsOf(row),
      interprets_id: await policyRowId(trx, row),
      ref: null,
      channel: on.channel,
      published_on: on.publishedOn,
      link: on.link,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * The publication rows of an item (the website row and postings elsewhere) follow its title,
 * category, formed date and report flags; an interpretation's rows point at its policy's website row.
 */
export async function syncPublications(trx: Trx, row: ItemRow): Promise<void> {
  await trx
    .updateTable('publications')
    .set({ ...publicationColumnsOf(row), interprets_id: await policyRowId(trx, row) })
    .where('item_id', '=', row.id)
    .execute();
}
