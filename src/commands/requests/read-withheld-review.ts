import type { WithheldReviewEntryView, WithheldReviewList } from '../../contract/withheld-reviews.ts';
import {
  itemStates,
  loadWithheldReviewRecords,
  loadWithheldSubjects,
} from '../../db/queries/withheld-reviews.ts';
import { ITEM_STATE_LABELS, type ItemState } from '../../domain/items/state-machine.ts';
import {
  WITHHELD_REVIEW_STATUS_LABELS,
  type WithheldReviewEntry,
  withheldReviewList,
  withheldReviewSummary,
} from '../../domain/requests/withheld-review.ts';
import { AppError } from '../../errors.ts';
import type { Reader } from '../context.ts';

/** A review year as the API takes it: four digits, 1990–2999 (else 400 in Chinese). */
export function checkReviewYear(year: number): void {
  if (!Number.isInteger(year) || year < 1990 || year > 2999)
    throw new AppError('validation', '审查年度应为四位年份，如 2025。', [
      { field: 'year', message: '审查年度应为四位年份' },
    ]);
}

/**
 * 条例 第十八条's list for a year: every piece of information the agency withheld under 第十六条 by
 * the year's end and has not turned public in an earlier year, with the year's decisions and the
 * summary (how many reviewed, kept, turned public).
 */
export async function readWithheldReview(
  db: Reader,
  agencyId: number,
  year: number,
): Promise<WithheldReviewList> {
  checkReviewYear(year);
  const subjects = await loadWithheldSubjects(db, agencyId, { upTo: `${year}-12-31` });
  const records = await loadWithheldReviewRecords(db, agencyId);
  const entries = withheldReviewList(subjects, records, year);
  const states = await itemStates(db, agencyId, openedItemIds(entries));
  return {
    year,
    entries: entries.map((e) => entryView(e, states)),
    summary: withheldReviewSummary(entries),
  };
}

/** The items this year's 转为公开 decisions opened. */
export function openedItemIds(entries: readonly WithheldReviewEntry[]): number[] {
  return entries.flatMap((e) =>
    e.current?.decision === 'disclosed' && e.current.itemId ? [e.current.itemId] : [],
  );
}

/** An entry as the API shows it: its status in words and the item a 转为公开 opened. */
export function entryView(
  entry: WithheldReviewEntry,
  states: ReadonlyMap<number, string>,
): WithheldReviewEntryView {
  const itemId = entry.current?.decision === 'disclosed' ? entry.current.itemId : null;
  const status = itemId === null ? undefined : states.get(itemId);
  return {
    ...entry,
    statusLabel: WITHHELD_REVIEW_STATUS_LABELS[entry.status],
    openedItem:
      itemId !== null && status
        ? { id: itemId, status, statusLabel: ITEM_STATE_LABELS[status as ItemState] ?? status }
        : null,
  };
}
