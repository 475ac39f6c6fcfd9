/**
 * 发布前自查 of an item (issue 15, docs/screening.md), shared by 送保密审查 (submit-for-review.ts) and
 * 保密审查通过 (approve-item.ts): the item's texts read before the step's transaction (attachments
 * through the server's reader: PDF, DOCX, XLSX), screened inside it against the built-in list and
 * the agency's 错敏词 (domain/items/screening.ts), and the result kept in `item_screenings` (0032)
 * beside the step's event.
 */

import type { Db } from '../../db/connection.ts';
import { appendEvent } from '../../db/events.ts';
import {
  BUILTIN_SCREENING_WORDS,
  type Finding,
  type ScreenedText,
  type ScreeningWord,
  screenTexts,
} from '../../domain/items/screening.ts';
import { AppError } from '../../errors.ts';
import type { AttachmentTextReader } from '../../files/attachment-text.ts';
import type { Reader, Trx } from '../context.ts';
import type { ItemRow } from './item-store.ts';

/** An attachment whose text was not screened, and why. */
export interface Unscreened {
  fileName: string;
  reason: string;
}

/** What will be screened: the item's texts at a version. */
export interface ItemTexts {
  version: number;
  texts: ScreenedText[];
  unscreened: Unscreened[];
}

/** The agency's entries then the built-in ones (the agency's correction wins for the same word). */
export async function screeningWordsOf(db: Reader, agencyId: number): Promise<ScreeningWord[]> {
  const rows = await db
    .selectFrom('screening_words')
    .select(['word', 'correction', 'note'])
    .where('agency_id', '=', agencyId)
    .orderBy('id')
    .execute();
  return [...rows, ...BUILTIN_SCREENING_WORDS];
}

/**
 * Reads an item's title, body and attachments' text (outside any transaction: a PDF takes a while).
 * Without a reader (the command line), attachments are listed as not screened.
 */
export async function readItemTexts(
  db: Db,
  reader: AttachmentTextReader | undefined,
  agencyId: number,
  itemId: number,
): Promise<ItemTexts> {
  const item = await db.kysely
    .selectFrom('items')
    .select(['version', 'title', 'body_text'])
    .where('id', '=', itemId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!item) throw new AppError('not_found', `未找到编号为 ${itemId} 的信息。`);
  const attachments = await db.kysely
    .selectFrom('attachments')
    .select(['file_name', 'media_type', 'storage_key'])
    .where('agency_id', '=', agencyId)
    .where('owner_type', '=', 'item')
    .where('owner_id', '=', itemId)
    .orderBy('id')
    .execute();
  const texts: ScreenedText[] = [
    { where: 'title', text: item.title },
    { where: 'body', text: item.body_text },
  ];
  const unscreened: Unscreened[] = [];
  for (const a of attachments) {
    const read = reader
      ? await reader({ fileName: a.file_name, mediaType: a.media_type, storageKey: a.storage_key })
      : { unread: '未读取附件文字（命令行操作），请人工核查' };
    if ('text' in read) texts.push({ where: 'attachment', attachment: a.file_name, text: read.text });
    else unscreened.push({ fileName: a.file_name, reason: read.unread });
  }
  return { version: item.version, texts, unscreened };
}

/** Screens the texts read, inside the step: the item must still be the version that was read. */
export async function screenInStep(trx: Trx, row: ItemRow, read: ItemTexts): Promise<Finding[]> {
  if (read.version !== row.version) throw new AppError('conflict', '该信息刚被其他人修改，请刷新后重试。');
  return screenTexts(read.texts, await screeningWordsOf(trx, row.agency_id));
}

export interface KeptScreening {
  agencyId: number;
  itemId: number;
  stage: 'submitted' | 'review';
  actor: string;
  at: Date;
  findings: Finding[];
  unscreened: Unscreened[];
  eventId: number;
  /** the reviewer's confirmation of the findings */
  confirmation?: { note: string };
}

/**
 * Keeps a screening with the step's event; a confirmation of findings is also an event of its own
 * (`items.screening_confirmed`: who confirmed what, and why).
 */
export async function keepScreening(trx: Trx, kept: KeptScreening): Promise<number> {
  const at = kept.at.toISOString();
  const inserted = await trx
    .insertInto('item_screenings')
    .values({
      agency_id: kept.agencyId,
      item_id: kept.itemId,
      stage: kept.stage,
      screened_at: at,
      screened_by: kept.actor,
      finding_count: kept.findings.length,
      findings: JSON.stringify(kept.findings),
      unscreened: JSON.stringify(kept.unscreened),
      confirmed_by: kept.confirmation ? kept.actor : null,
      confirmed_at: kept.confirmation ? at : null,
      confirm_note: kept.confirmation ? kept.confirmation.note : null,
      event_id: kept.eventId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (kept.confirmation)
    await appendEvent(trx, {
      name: 'items.screening_confirmed',
      subject: { type: 'item', id: kept.itemId },
      agency: kept.agencyId,
      actor: kept.actor,
      at: kept.at,
      data: {
        screeningId: inserted.id,
        findings: kept.findings.length,
        kinds: [...new Set(kept.findings.map((f) => f.kind))],
        note: kept.confirmation.note,
        approvedEventId: kept.eventId,
      },
    });
  return inserted.id;
}

/** The item screened now with the current lists (what the reviewer confirms); nothing is written. */
export async function screenItemNow(
  db: Db,
  reader: AttachmentTextReader | undefined,
  agencyId: number,
  itemId: number,
): Promise<{ findings: Finding[]; unscreened: Unscreened[] }> {
  const read = await readItemTexts(db, reader, agencyId, itemId);
  return {
    findings: screenTexts(read.texts, await screeningWordsOf(db.kysely, agencyId)),
    unscreened: read.unscreened,
  };
}
