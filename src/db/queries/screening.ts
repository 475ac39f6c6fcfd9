/**
 * Reads of 发布前自查 (docs/screening.md): an agency's 错敏词 list, and an item's screenings (newest
 * first) with their findings parsed.
 */
import type { Finding } from '../../domain/items/screening.ts';
import type { Db } from '../connection.ts';

export interface ScreeningWordRow {
  id: number;
  word: string;
  correction: string | null;
  note: string;
  createdBy: string;
  createdAt: string;
}

/** The agency's own entries, oldest first. */
export async function listScreeningWords(db: Db, agencyId: number): Promise<ScreeningWordRow[]> {
  const rows = await db.kysely
    .selectFrom('screening_words')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    word: r.word,
    correction: r.correction,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

export interface ItemScreeningRow {
  id: number;
  stage: string;
  screenedAt: string;
  screenedBy: string;
  findings: Finding[];
  unscreened: Array<{ fileName: string; reason: string }>;
  confirmedBy: string | null;
  confirmedAt: string | null;
  confirmNote: string | null;
  eventId: number | null;
}

/** An item's screenings, newest first (the item is the agency's: the caller has checked). */
export async function listItemScreenings(
  db: Db,
  agencyId: number,
  itemId: number,
): Promise<ItemScreeningRow[]> {
  const rows = await db.kysely
    .selectFrom('item_screenings')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('item_id', '=', itemId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    screenedAt: r.screened_at,
    screenedBy: r.screened_by,
    findings: JSON.parse(r.findings) as Finding[],
    unscreened: JSON.parse(r.unscreened) as Array<{ fileName: string; reason: string }>,
    confirmedBy: r.confirmed_by,
    confirmedAt: r.confirmed_at,
    confirmNote: r.confirm_note,
    eventId: r.event_id,
  }));
}
