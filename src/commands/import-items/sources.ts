/**
 * An item file as rows keyed by column: CSV (UTF-8 or GBK), XLSX (first worksheet) or JSON Lines,
 * streamed, with the bytes read so far (for the progress bar). A CSV or XLSX file's first row is
 * its header; blank rows are skipped; a row's number is the one a spreadsheet or editor shows.
 */
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { type Readable, Transform } from 'node:stream';
import { type ColumnKey, type KeyedRow, keyedCells, keyedObject, readHeader } from './columns.ts';
import { csvRecords } from './csv.ts';
import { decodeText } from './decode.ts';
import { isBlank } from './values.ts';
import { xlsxRows } from './xlsx.ts';

export const ITEM_FILE_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type ItemFileFormat = (typeof ITEM_FILE_FORMATS)[number];

/** A row of the file: keyed, or its problems (a bad header is reported on its row, and ends the file). */
export interface SourceRow {
  row: number;
  keyed: KeyedRow | null;
  problems: string[];
}

export interface ItemSource {
  format: ItemFileFormat;
  /** how messages name a column: 列 in a table, 字段 in JSON Lines */
  noun: '列' | '字段';
  rows: AsyncIterable<SourceRow>;
  bytesRead(): number;
  /** the file's size in bytes; 0 when unknown (standard input) */
  size: number;
}

/** The format of a file name: .csv, .xlsx, .jsonl/.ndjson/.json; null when unknown. */
export function formatOf(path: string): ItemFileFormat | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  return null;
}

/** Opens a file (its size known, for the progress bar). */
export function openItemFile(path: string, format: ItemFileFormat): ItemSource {
  return itemSource(createReadStream(path), format, statSync(path).size);
}

/** Reads items from any byte stream (a file, standard input, a test's buffer). */
export function itemSource(input: Readable, format: ItemFileFormat, size = 0): ItemSource {
  let bytes = 0;
  const counted = input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
  );
  input.on('error', (error) => counted.destroy(error));
  const rows =
    format === 'jsonl'
      ? jsonlRows(counted)
      : format === 'csv'
        ? tableRows(csvSheet(counted))
        : tableRows(xlsxRows(counted));
  return { format, noun: format === 'jsonl' ? '字段' : '列', rows, bytesRead: () => bytes, size };
}

async function* csvSheet(input: Readable): AsyncGenerator<{ row: number; cells: unknown[] }> {
  let row = 0;
  for await (const cells of csvRecords(decodeText(input))) yield { row: ++row, cells };
}

async function* tableRows(
  sheet: AsyncIterable<{ row: number; cells: unknown[] }>,
): AsyncGenerator<SourceRow> {
  let header: { names: string[]; keys: Array<ColumnKey | null> } | null = null;
  for await (const { row, cells } of sheet) {
    if (!header) {
      const names = cells.map((c) => (isBlank(c) ? '' : String(c)));
      const read = readHeader(names);
      if (read.problems.length > 0) {
        yield { row, keyed: null, problems: read.problems.map((p) => `表头：${p}`) };
        return;
      }
      header = { names, keys: read.keys };
      continue;
    }
    if (cells.every(isBlank)) continue;
    const { keys, names } = header;
    const extra = cells.findIndex((c, i) => i >= keys.length && !isBlank(c));
    if (extra >= 0) {
      yield { row, keyed: null, problems: [`第 ${extra + 1} 列有内容，但表头没有这一列的列名`] };
      continue;
    }
    yield { row, keyed: keyedCells(keys, names, cells), problems: [] };
  }
}

async function* jsonlRows(input: Readable): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let row = 0;
  for await (const text of lines) {
    const line = ++row === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      yield { row, keyed: null, problems: ['不是有效的 JSON，请每行写一个 JSON 对象'] };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { row, keyed: null, problems: ['应为一个 JSON 对象'] };
      continue;
    }
    const keyed = keyedObject(value as Record<string, unknown>);
    yield { row, keyed: keyed.problems.length ? null : keyed.row, problems: keyed.problems };
  }
}

/** Items already in memory as JSON Lines objects (the demo's, a caller's), numbered from 1. */
export function objectSource(objects: Iterable<Record<string, unknown>>): ItemSource {
  async function* rows(): AsyncGenerator<SourceRow> {
    let row = 0;
    for (const object of objects) {
      const keyed = keyedObject(object);
      yield { row: ++row, keyed: keyed.problems.length ? null : keyed.row, problems: keyed.problems };
    }
  }
  return { format: 'jsonl', noun: '字段', rows: rows(), bytesRead: () => 0, size: 0 };
}
