/**
 * The cells of tables 二, 三 and 四 found in a published report, whatever shape the file gave them.
 * The table parts of the document become “printed rows”: the words since the last values (labels,
 * column heads, a label wrapped over lines) and the values that follow. The printed rows are then
 * aligned with the format's value rows (row-specs.ts) in order, by how much of each row's label
 * the printed words hold: a missing row is left unread (null, with why), a stray number (a page
 * number, a footnote) matches nothing. Pure.
 */
import type { ReportFormat } from '../format.ts';
import type { Block, SourceCell } from './document.ts';
import { type CellValue, cellValue, cleanText, labelKey, type MoneyUnit, shiftDecimal } from './normalize.ts';
import { type RowSpec, rowSpecs } from './row-specs.ts';

/** A value row as the file prints it. */
export interface PrintedRow {
  /** the words before its values since the previous values (labels, heads), as printed */
  words: string;
  values: CellValue[];
  /** whether the file gave the row's cells (a blank cell then keeps its place) */
  structured: boolean;
  page?: number;
}

/** A cell read: its value, or null with the reason it could not be read. */
export type ReadCell = number | string | null;

export interface TableReading {
  cells: Record<string, ReadCell>;
  /** why a cell is null, by code */
  unreadable: Record<string, string>;
  /** how sure the reading is, per table (0–1): the share of its cells read, lowered for fuzzy labels */
  confidence: Record<'t2' | 't3' | 't4', number>;
  /** printed rows no format row matched (kept for the report's notes) */
  unmatched: PrintedRow[];
}

const WORDS_KEPT = 160;

/** Rows of a table block: label cells, then the values after the last label. */
function rowsOfTable(
  rows: SourceCell[][],
  structured: boolean,
  page: number | undefined,
  out: PrintedRow[],
  pending: { words: string },
): void {
  for (const row of rows) {
    const texts = row
      .flatMap((cell) =>
        Array.from({ length: Math.max(1, cell.colSpan ?? 1) }, (_, i) => (i === 0 ? cell.text : null)),
      )
      .filter((t): t is string => t !== null);
    const parsed = texts.map(cellValue);
    // the label: the text cells before the first number (a word among the values is a value that is no number)
    const firstNumber = parsed.findIndex((v) => v.kind === 'number' || v.kind === 'decimal');
    let last = -1;
    parsed.forEach((v, i) => {
      if (v.kind === 'text' && (firstNumber < 0 || i < firstNumber)) last = i;
    });
    const label = texts
      .slice(0, last + 1)
      .map(cleanText)
      .filter(Boolean)
      .join(' ');
    const values = parsed.slice(last + 1);
    const hasNumber = values.some((v) => v.kind === 'number' || v.kind === 'decimal');
    if (values.length > 0 && (hasNumber || label !== '')) {
      out.push({ words: `${pending.words} ${label}`.trim().slice(-WORDS_KEPT), values, structured, page });
      // a row of blanks may be a row of column heads (“行政复议 | | | |”): its words stay for the next
      pending.words = hasNumber ? '' : `${pending.words} ${label}`.slice(-WORDS_KEPT);
    } else if (label) {
      pending.words = `${pending.words} ${label}`.slice(-WORDS_KEPT);
    }
  }
}

// A sentence of narrative, not a table line: its punctuation, or its length.
const SENTENCE = /[。；！？]/;

/**
 * The printed rows of the blocks given (the table part of a report): table blocks row by row;
 * short paragraphs as lines of a table laid out as text (“规章 0 0 0”, or one value per line,
 * consecutive values gathered into one row); narrative sentences are passed over.
 */
export function printedRows(blocks: readonly Block[]): PrintedRow[] {
  const out: PrintedRow[] = [];
  const pending = { words: '' };
  let loose: { values: CellValue[]; page?: number } | null = null;
  const flushLoose = () => {
    if (loose && loose.values.length > 0) {
      out.push({ words: pending.words.trim(), values: loose.values, structured: false, page: loose.page });
      pending.words = '';
    }
    loose = null;
  };
  for (const block of blocks) {
    if (block.kind === 'table') {
      flushLoose();
      rowsOfTable(block.rows, block.structured, block.page, out, pending);
    } else if (block.kind === 'paragraph') {
      const text = cleanText(block.text);
      if (text === '') continue;
      // a line of a table laid out as text: cells apart by spaces, tabs or pipes (“规章 | 0 | 0 | 0 |”)
      const parts = text.split(/[\s|｜]+/).filter(Boolean);
      if (parts.length === 0) continue;
      const values = parts.map(cellValue);
      const firstValue = values.findIndex((v) => v.kind === 'number' || v.kind === 'decimal');
      if (firstValue === 0 && values.every((v) => v.kind !== 'text')) {
        // values only: one value per line, or a line of values
        loose ??= { values: [], page: block.page };
        loose.values.push(...values.filter((v) => v.kind !== 'blank'));
        continue;
      }
      flushLoose();
      const trailing =
        values.length -
        values
          .slice()
          .reverse()
          .findIndex((v) => v.kind === 'text');
      const label = parts.slice(0, trailing).join('');
      if (firstValue > 0 && trailing < values.length && label.length <= 60 && !/[。；]/.test(label)) {
        // “行政许可 5416”: a line of a table laid out as text
        out.push({
          words: `${pending.words} ${label}`.trim().slice(-WORDS_KEPT),
          values: values.slice(trailing),
          structured: false,
          page: block.page,
        });
        pending.words = '';
      } else if (!SENTENCE.test(text) && text.length <= 80) {
        pending.words = `${pending.words} ${text}`.slice(-WORDS_KEPT);
      }
    }
  }
  flushLoose();
  return out;
}

/**
 * How much of a label the printed words hold, in order (0–1): the longest common subsequence of
 * the two keys over the label's length, so heads and wrapped lines before the label do not hurt.
 */
export function labelSimilarity(labelKeyText: string, words: string): number {
  const a = labelKeyText;
  const b = words;
  if (a.length === 0) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] =
        a.charCodeAt(i - 1) === b.charCodeAt(j - 1)
          ? (prev[j - 1] ?? 0) + 1
          : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    [prev, cur] = [cur, prev];
  }
  return (prev[b.length] ?? 0) / a.length;
}

/**
 * The values a printed row gives a spec: as many as it has cells. A wide row is narrowed only in
 * ways a file makes them: leading or trailing blanks (label columns, a value spanning the rest),
 * or each value followed by the blanks of its merged cell (a Markdown or text conversion repeats a
 * cell spanning two columns as the value and an empty cell).
 */
function valuesFitting(row: PrintedRow, spec: RowSpec): CellValue[] | null {
  const n = spec.codes.length;
  let values = row.values;
  for (let k = 2; k <= 4; k++) {
    if (values.length !== n * k) continue;
    const groups = Array.from({ length: n }, (_, i) => values.slice(i * k, i * k + k));
    if (groups.every((g) => g[0]?.kind !== 'blank' && g.slice(1).every((v) => v.kind === 'blank')))
      return groups.map((g) => g[0] as CellValue);
  }
  while (values.length > n && values[0]?.kind === 'blank') values = values.slice(1);
  while (values.length > n && values[values.length - 1]?.kind === 'blank') values = values.slice(0, -1);
  return values.length === n ? values : null;
}

const THRESHOLD = 0.55;
const MIN_SIMILARITY = 0.7;

function matchScore(row: PrintedRow, rowKey: string, spec: RowSpec): number {
  const similarity = Math.max(...spec.keys.map((k) => labelSimilarity(k, rowKey)));
  // most of the label must be there (a typo or two, a wrapped line): “行政确认” is not “行政处罚”
  if (similarity < MIN_SIMILARITY) return -1;
  const fits = valuesFitting(row, spec) !== null;
  // table 四's one row has no label of its own: its heads and its fifteen values identify it
  // a row printed in the other format's shape is taken only where the format's own rows do not fit
  const score = similarity + (fits ? 0.35 : -0.3) - THRESHOLD - (spec.replaces ? 0.15 : 0);
  if (spec.label === '' && !fits) return -1;
  return score;
}

/**
 * The format's cells from the printed rows: an order-keeping alignment (each printed row to at
 * most one format row, each format row at most once, in order) maximising the label matches.
 */
export function readTables(format: ReportFormat, rows: readonly PrintedRow[]): TableReading {
  const specs = rowSpecs(format);
  const n = rows.length;
  const m = specs.length;
  const keys = rows.map((r) => labelKey(r.words));
  const score: number[][] = rows.map((row, i) => specs.map((spec) => matchScore(row, keys[i] ?? '', spec)));
  // best[i][j]: the best total using printed rows from i and specs from j
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const choice: Uint8Array[] = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const bi = best[i] as Float64Array;
    const bn = best[i + 1] as Float64Array;
    const ci = choice[i] as Uint8Array;
    for (let j = m - 1; j >= 0; j--) {
      const skipRow = bn[j] ?? 0;
      const skipSpec = bi[j + 1] ?? 0;
      const s = (score[i] as number[])[j] ?? -1;
      const take = s > 0 ? s + (bn[j + 1] ?? 0) : Number.NEGATIVE_INFINITY;
      if (take >= skipRow && take >= skipSpec) {
        bi[j] = take;
        ci[j] = 2;
      } else if (skipRow >= skipSpec) {
        bi[j] = skipRow;
        ci[j] = 0;
      } else {
        bi[j] = skipSpec;
        ci[j] = 1;
      }
    }
  }
  const matched = new Map<number, number>();
  const used = new Set<number>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    const c = (choice[i] as Uint8Array)[j];
    if (c === 2) {
      matched.set(j, i);
      used.add(i);
      i++;
      j++;
    } else if (c === 0) i++;
    else j++;
  }
  return cellsFromMatches(format, specs, rows, matched, used);
}

/** The unit a money cell is kept in, by its code (`…amount_yuan`: 元, `…amount_wan`: 万元). */
function unitOfCode(code: string): MoneyUnit | undefined {
  if (code.endsWith('_yuan')) return '元';
  if (code.endsWith('_wan')) return '万元';
  return undefined;
}

/**
 * A value as its cell keeps it: an amount printed in the other unit converted exactly (“1646.5万元”
 * in a 元 cell is 16465000); a decimal cell as its text, a whole number as a number.
 */
function amountIn(
  code: string,
  v: Extract<CellValue, { kind: 'number' | 'decimal' }>,
  decimal: boolean,
): ReadCell {
  let text = v.kind === 'number' ? String(v.value) : v.text;
  const unit = unitOfCode(code);
  if (unit && v.unit && v.unit !== unit) text = shiftDecimal(text, v.unit === '万元' ? 4 : -4);
  if (decimal) return text;
  const n = Number(text);
  return Number.isSafeInteger(n) && !text.includes('.') ? n : text;
}

function cellsFromMatches(
  format: ReportFormat,
  specs: RowSpec[],
  rows: readonly PrintedRow[],
  matched: Map<number, number>,
  used: Set<number>,
): TableReading {
  const cells: Record<string, ReadCell> = {};
  const unreadable: Record<string, string> = {};
  const fuzzy: Record<string, number> = { t2: 0, t3: 0, t4: 0 };
  for (const code of format.cellCodes) cells[code] = null;
  const replaced = new Set<string>();
  specs.forEach((spec, j) => {
    const i = matched.get(j);
    if (spec.replaces) {
      if (i === undefined) return;
      for (const code of spec.replaces) replaced.add(code);
    }
    const where = spec.label ? `“${spec.label}”行` : '数据行';
    if (i === undefined) {
      for (const code of spec.codes) unreadable[code] = `未找到${where}`;
      return;
    }
    const row = rows[i] as PrintedRow;
    const values = valuesFitting(row, spec);
    const similarity = Math.max(...spec.keys.map((k) => labelSimilarity(k, labelKey(row.words))));
    if (similarity < 0.9) fuzzy[spec.table] = (fuzzy[spec.table] ?? 0) + 1;
    spec.codes.forEach((code, k) => {
      if (!values) {
        cells[code] = null;
        unreadable[code] =
          `${where}的数值个数（${row.values.length}）与表格列数（${spec.codes.length}）不符，无法确定各列`;
        return;
      }
      const v = values[k] as CellValue;
      if (v.kind === 'number' || v.kind === 'decimal')
        cells[code] = amountIn(code, v, format.decimalCells.includes(code));
      else {
        cells[code] = null;
        unreadable[code] = v.kind === 'blank' ? '表中此格为空' : `表中此格为“${v.text}”，不是数字`;
      }
      if (cells[code] !== null) delete unreadable[code];
    });
  });
  for (const code of replaced) {
    cells[code] = null;
    unreadable[code] = '报告将“（六）其他处理”印为另一种行式，此格不单列';
  }
  // cells of the other format's (六) rows that were not printed are not this format's cells
  for (const spec of specs) {
    if (!spec.replaces) continue;
    for (const code of spec.codes) {
      if (cells[code] === null && !format.cellCodes.includes(code)) {
        delete cells[code];
        delete unreadable[code];
      }
    }
  }
  const confidence = { t2: 0, t3: 0, t4: 0 };
  for (const table of ['t2', 't3', 't4'] as const) {
    const codes = format.cellCodes.filter((c) => c.startsWith(`${table}.`) && !replaced.has(c));
    const read = codes.filter((c) => cells[c] !== null || unreadable[c] === '表中此格为空').length;
    const rowsOfTable = specs.filter((s) => s.table === table && !s.replaces).length;
    const share = codes.length === 0 ? 1 : read / codes.length;
    const penalty = rowsOfTable === 0 ? 0 : 0.2 * ((fuzzy[table] ?? 0) / rowsOfTable);
    confidence[table] = Math.round(Math.max(0, share - penalty) * 1000) / 1000;
  }
  return { cells, unreadable, confidence, unmatched: rows.filter((_, i) => !used.has(i)) };
}
