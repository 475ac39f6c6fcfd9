import { indexTexts } from './segment-pool.ts';
import type { IndexableItem } from './types.ts';

/**
 * The index texts of items, and their segmentation started ahead: a bulk writer that knows its
 * next batch (a reindex reading by id) hands it to `segmentAhead` before writing the current one,
 * so the worker threads segment batch n + 1 while the database writes batch n — a database has
 * one writer, and segmentation would otherwise wait for it or it for segmentation.
 */

/** Bodies longer than this are indexed by their beginning (PostgreSQL caps positions at 16383). */
export const MAX_INDEXED_BODY = 100_000;

/** Items per worker job when segmenting ahead. */
const AHEAD_JOB = 500;

const titleSource = (item: IndexableItem): string =>
  item.docNumber ? `${item.title} ${item.docNumber}` : item.title;
const bodySource = (item: IndexableItem): string => item.bodyText.slice(0, MAX_INDEXED_BODY);

/** An item's index texts: the terms of its title and 文号, and of its body, each space-joined. */
export type ItemTexts = readonly [titleText: string, bodyText: string];

interface Ahead {
  /** the texts segmented: a result is used only while the item still holds them */
  title: string;
  docNumber: string | null;
  bodyText: string;
  texts: Promise<ItemTexts>;
}

const started = new WeakMap<IndexableItem, Ahead>();

const sourcesOf = (items: readonly IndexableItem[]): string[] =>
  items.flatMap((item) => [titleSource(item), bodySource(item)]);

/**
 * Starts segmenting `items` in the worker threads; `itemTexts` of the same item objects, unchanged,
 * then waits for that work instead of doing it again. Nothing is written.
 */
export function segmentAhead(items: readonly IndexableItem[]): void {
  for (let from = 0; from < items.length; from += AHEAD_JOB) {
    const job = items.slice(from, from + AHEAD_JOB);
    const terms = indexTexts(sourcesOf(job), true);
    job.forEach((item, k) => {
      const texts = terms.then((t): ItemTexts => [t[2 * k], t[2 * k + 1]]);
      started.set(item, { title: item.title, docNumber: item.docNumber, bodyText: item.bodyText, texts });
    });
  }
}

/** The segmentation of `item` started ahead, if it is still what the item holds. */
function takeAhead(item: IndexableItem): Promise<ItemTexts> | undefined {
  const ahead = started.get(item);
  if (!ahead) return undefined;
  started.delete(item);
  const same =
    ahead.title === item.title && ahead.docNumber === item.docNumber && ahead.bodyText === item.bodyText;
  return same ? ahead.texts : undefined;
}

/**
 * The index texts of each item, in order: from `segmentAhead` when it was called for all of them,
 * else segmented now (in the worker threads when `bulk`, or when there are many).
 */
export async function itemTexts(items: readonly IndexableItem[], bulk: boolean): Promise<ItemTexts[]> {
  const ahead = items.map(takeAhead);
  if (ahead.every((texts) => texts !== undefined)) return Promise.all(ahead);
  const terms = await indexTexts(sourcesOf(items), bulk);
  return items.map((_, k): ItemTexts => [terms[2 * k], terms[2 * k + 1]]);
}
