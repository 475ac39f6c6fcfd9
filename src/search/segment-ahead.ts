import { indexTexts } from './segment-pool.ts';
import { type IndexForm, indexForms } from './tsvector.ts';
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
  form: IndexForm;
  /** the texts segmented: a result is used only while the item still holds them */
  title: string;
  docNumber: string | null;
  bodyText: string;
  /**
   * the results of the item's job (`terms`: each item's title and body index texts; `tsvector`:
   * each item's positional lexemes), one promise per job, not per item: a bulk writer hands
   * tens of thousands of items to segmentAhead
   */
  job: Promise<readonly string[]>;
  /** the item's place in its job */
  at: number;
}

const started = new WeakMap<IndexableItem, Ahead>();

const sourcesOf = (items: readonly IndexableItem[]): string[] =>
  items.flatMap((item) => [titleSource(item), bodySource(item)]);

/**
 * Starts segmenting `items` in the worker threads, into `form` (tsvector.ts: PostgreSQL's index
 * takes `tsvector`); `itemTexts` / `itemTsvectors` of the same item objects, unchanged, then wait
 * for that work instead of doing it again. Nothing is written. `inPlace`: segmented now, on this
 * thread — for a writer that knows the worker threads cost it more than they give (the items
 * import on a machine of two cores, import-items/write-items.ts).
 */
export function segmentAhead(
  items: readonly IndexableItem[],
  form: IndexForm = 'terms',
  inPlace = false,
): void {
  const width = form === 'terms' ? 2 : 1;
  for (let from = 0; from < items.length; from += AHEAD_JOB) {
    const job = items.slice(from, from + AHEAD_JOB);
    const sources = sourcesOf(job);
    const results = inPlace ? inTurn(() => indexForms(sources, form)) : indexTexts(sources, true, form);
    job.forEach((item, k) => {
      started.set(item, {
        form,
        title: item.title,
        docNumber: item.docNumber,
        bodyText: item.bodyText,
        job: results,
        at: width * k,
      });
    });
  }
}

/** Work queued by `inTurn`, run one job per turn of the event loop. */
const queue: Array<() => void> = [];

function runQueued(): void {
  queue.shift()?.();
  if (queue.length > 0) setImmediate(runQueued);
}

/**
 * Runs `work` on this thread after the work queued before it, one job per turn of the event loop:
 * between two jobs (~500 items, tens of milliseconds) the writer's I/O goes on — a COPY keeps
 * streaming, a statement's answer is read and the next sent — so the database is not left idle
 * while a whole batch is segmented.
 */
function inTurn<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    queue.push(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    });
    if (queue.length === 1) setImmediate(runQueued);
  });
}

/** The segmentation of `item` started ahead, if it is still what the item holds, in `form`. */
function takeAhead(item: IndexableItem, form: IndexForm): Ahead | undefined {
  const ahead = started.get(item);
  if (!ahead) return undefined;
  started.delete(item);
  const same =
    ahead.form === form &&
    ahead.title === item.title &&
    ahead.docNumber === item.docNumber &&
    ahead.bodyText === item.bodyText;
  return same ? ahead : undefined;
}

/** Each item's results in `form`, from segmentAhead when it was called for all of them, else now. */
async function itemForms(
  items: readonly IndexableItem[],
  bulk: boolean,
  form: IndexForm,
): Promise<string[][]> {
  const width = form === 'terms' ? 2 : 1;
  const ahead = items.map((item) => takeAhead(item, form));
  if (ahead.every((a) => a !== undefined)) {
    // each job awaited once; the items' results read from their jobs' arrays
    const jobs = new Map<Promise<readonly string[]>, readonly string[]>();
    for (const { job } of ahead) if (!jobs.has(job)) jobs.set(job, await job);
    return ahead.map(({ job, at }) => jobs.get(job)?.slice(at, at + width) ?? []);
  }
  const results = await indexTexts(sourcesOf(items), bulk, form);
  return items.map((_, k) => results.slice(width * k, width * (k + 1)));
}

/**
 * The index texts of each item, in order: from `segmentAhead` when it was called for all of them,
 * else segmented now (in the worker threads when `bulk`, or when there are many).
 */
export async function itemTexts(items: readonly IndexableItem[], bulk: boolean): Promise<ItemTexts[]> {
  return (await itemForms(items, bulk, 'terms')).map(([title = '', body = '']): ItemTexts => [title, body]);
}

/**
 * The positional lexemes of each item's tsvector (tsvector.ts), escaped as an element of an array
 * literal, in order: built with the segmentation, in the worker threads when `bulk` or many.
 */
export async function itemTsvectors(items: readonly IndexableItem[], bulk: boolean): Promise<string[]> {
  return (await itemForms(items, bulk, 'tsvector')).map(([positional = '']) => positional);
}
