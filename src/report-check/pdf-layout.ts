/**
 * One PDF page's content → blocks (pure): text items inside a ruled table go to its cells; the
 * rest is grouped into lines by height, runs of lines with several cells cut at wide gaps become
 * tables with column-aligned rows, other lines join into paragraphs; pictures become image blocks.
 */
import type { Block, SourceCell } from '../domain/report/reading/document.ts';
import { gapTable, gapTableEnd } from './pdf-gap-table.ts';
import type { PageContent, PdfBox, PdfText } from './pdf-page.ts';
import { type Grid, gridsFromRules, slot } from './pdf-rules.ts';

/** A block of a page; a ruled table keeps its grid's x lines and placed cells for joining its continuation. */
export type PdfBlock = Block & { columns?: number[]; cells?: PlacedCell[]; indented?: boolean };

export interface PdfLine {
  items: PdfText[];
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

/** A block placed on its page: its top, for reading order. */
interface Placed {
  top: number;
  block: Block | PdfLine;
}

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, 'g');

/** Items in x order joined into text: a space where Latin letters or digits meet across a gap. */
export function joinItems(items: PdfText[]): string {
  let text = '';
  let right = Number.NEGATIVE_INFINITY;
  for (const item of [...items].sort((a, b) => a.x0 - b.x0)) {
    const gap = item.x0 - right;
    if (text !== '' && gap > item.size * 0.2 && /[\w.,%]$/.test(text) && /^[\w(]/.test(item.text))
      text += ' ';
    text += item.text;
    right = Math.max(right, item.x1);
  }
  return text.replace(SPACE_BETWEEN_CJK, '').trim();
}

/** Items grouped into lines: the same middle height within half a glyph. */
export function groupLines(items: PdfText[]): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const item of [...items].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.min(l.size, item.size) * 0.5);
    if (line) {
      line.items.push(item);
      line.x0 = Math.min(line.x0, item.x0);
      line.x1 = Math.max(line.x1, item.x1);
      line.size = Math.max(line.size, item.size);
    } else lines.push({ items: [item], x0: item.x0, x1: item.x1, y: item.y, size: item.size, text: '' });
  }
  for (const line of lines) line.text = joinItems(line.items);
  return lines.filter((l) => l.text !== '').sort((a, b) => a.y - b.y);
}

/** A line cut into cells at gaps wider than one and a half glyphs. */
export function chunks(line: PdfLine): PdfText[][] {
  const out: PdfText[][] = [];
  let right = Number.NEGATIVE_INFINITY;
  for (const item of [...line.items].sort((a, b) => a.x0 - b.x0)) {
    if (out.length === 0 || item.x0 - right > line.size * 1.5) out.push([item]);
    else out[out.length - 1].push(item);
    right = Math.max(right, item.x1);
  }
  return out;
}

/** A table cell with its place: grid row and the x range it covers. */
interface PlacedCell {
  row: number;
  rowSpan: number;
  colSpan: number;
  x0: number;
  x1: number;
  text: string;
}

/**
 * A ruled table's cells: each grid region's text (its lines joined by "\n"). Rows left without
 * any text (a band the rules make below a table's last row) are dropped.
 */
function ruledCells(grid: Grid, items: PdfText[]): PlacedCell[] {
  const rowsCount = grid.ys.length - 1;
  const cover: string[][] = grid.ys.slice(1).map(() => grid.xs.slice(1).map(() => ''));
  for (const r of grid.regions)
    for (let i = 0; i < r.rowSpan; i++)
      for (let j = 0; j < r.colSpan; j++) cover[r.row + i][r.col + j] = `${r.row},${r.col}`;
  const byRegion = new Map<string, PdfText[]>();
  const byRow: PdfText[][] = grid.ys.slice(1).map(() => []);
  for (const item of items) {
    const row = slot(grid.ys, item.y);
    const col = slot(grid.xs, (item.x0 + item.x1) / 2);
    if (row < 0 || col < 0) continue;
    const key = cover[row][col];
    const list = byRegion.get(key);
    if (list) list.push(item);
    else byRegion.set(key, [item]);
    byRow[row].push(item);
  }
  const cells: PlacedCell[] = [];
  for (const r of grid.regions) {
    const own = byRegion.get(`${r.row},${r.col}`) ?? [];
    const lines = groupLines(own);
    const x0 = grid.xs[r.col];
    const x1 = grid.xs[r.col + r.colSpan];
    cells.push({
      row: r.row,
      rowSpan: r.rowSpan,
      colSpan: r.colSpan,
      x0,
      x1,
      text: lines.map((l) => l.text).join('\n'),
    });
  }
  // rows without text: dropped, the spans over them shortened
  for (let row = rowsCount - 1; row >= 0; row--) {
    const starting = cells.filter((c) => c.row === row);
    const spanning = cells.filter((c) => c.row < row && c.row + c.rowSpan > row);
    if (starting.some((c) => c.text !== '') || byRow[row].length > 0) continue;
    for (const c of spanning) c.rowSpan--;
    for (const c of starting) cells.splice(cells.indexOf(c), 1);
    for (const c of cells) if (c.row > row) c.row--;
  }
  return cells.sort((a, b) => a.row - b.row || a.x0 - b.x0);
}

/** Placed cells as rows, each cell's colSpan counted on `columns` (a table's x lines). */
export function rowsOf(cells: PlacedCell[], columns: number[]): SourceCell[][] {
  const rows: SourceCell[][] = [];
  for (const c of cells) {
    while (rows.length <= c.row) rows.push([]);
    const span = columns.slice(0, -1).filter((x, i) => {
      const mid = (x + columns[i + 1]) / 2;
      return mid > c.x0 && mid < c.x1;
    }).length;
    const cell: SourceCell = { text: c.text };
    if (span > 1) cell.colSpan = span;
    if (c.rowSpan > 1) cell.rowSpan = c.rowSpan;
    rows[c.row].push(cell);
  }
  return rows;
}

const inside = (grid: Grid, item: PdfText) =>
  item.y >= grid.ys[0] - 1 &&
  item.y <= grid.ys[grid.ys.length - 1] + 1 &&
  (item.x0 + item.x1) / 2 >= grid.xs[0] - 1 &&
  (item.x0 + item.x1) / 2 <= grid.xs[grid.xs.length - 1] + 1;

/**
 * The page's blocks in reading order. `isFurniture` tells a header, footer or page number line
 * (dropped). A ruled table's `columns` (its grid's x lines) are kept for joining it with its
 * continuation on the next page.
 */
export function layoutPage(
  content: PageContent,
  page: number,
  isFurniture: (line: PdfLine) => boolean,
): Array<PdfBlock> {
  const grids = gridsFromRules(content.horizontal, content.vertical);
  const placed: Placed[] = [];
  let free = content.texts;
  for (const grid of grids) {
    const mine = free.filter((t) => inside(grid, t));
    if (mine.length === 0) continue;
    free = free.filter((t) => !inside(grid, t));
    const cells = ruledCells(grid, mine);
    const block = {
      kind: 'table' as const,
      rows: rowsOf(cells, grid.xs),
      structured: true,
      page,
      columns: grid.xs,
      cells,
    };
    placed.push({ top: grid.ys[0], block });
  }
  for (const image of content.images) {
    if (image.x1 - image.x0 < 40 || image.bottom - image.top < 20) continue;
    placed.push({ top: image.top, block: { kind: 'image', page } });
  }
  for (const line of groupLines(free))
    if (!isFurniture(line)) placed.push({ top: line.y - line.size / 2, block: line });
  placed.sort((a, b) => a.top - b.top);
  return assemble(placed, page);
}

const isLine = (b: Block | PdfLine): b is PdfLine => 'items' in b;

/** Lines into paragraphs and gap tables, among the tables and pictures. */
function assemble(placed: Placed[], page: number): Array<PdfBlock> {
  const out: Array<PdfBlock> = [];
  const lines = placed.map((p) => p.block).filter(isLine);
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  let run: PdfLine[] = [];
  const flushRun = () => {
    out.push(...linesToBlocks(run, page, left, right));
    run = [];
  };
  for (const { block } of placed) {
    if (isLine(block)) run.push(block);
    else {
      flushRun();
      out.push(block);
    }
  }
  flushRun();
  return out;
}

/** Consecutive lines: gap tables where several lines have several cells, paragraphs otherwise. */
function linesToBlocks(lines: PdfLine[], page: number, left: number, right: number): PdfBlock[] {
  const out: PdfBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const end = gapTableEnd(lines, i);
    if (end > i) {
      out.push({ kind: 'table', rows: gapTable(lines.slice(i, end)), structured: true, page });
      i = end;
      continue;
    }
    const line = lines[i];
    const last = out[out.length - 1];
    const previous = lines[i - 1];
    const continues =
      last?.kind === 'paragraph' &&
      previous !== undefined &&
      Math.abs(previous.size - line.size) < 0.6 &&
      line.y - previous.y < line.size * 2.1 &&
      line.x0 <= left + line.size * 0.6 &&
      previous.x1 >= right - line.size * 1.6;
    if (continues)
      last.text += (/[A-Za-z0-9]$/.test(last.text) && /^[A-Za-z0-9]/.test(line.text) ? ' ' : '') + line.text;
    else out.push({ kind: 'paragraph', text: line.text, page, indented: line.x0 > left + line.size * 0.6 });
    i++;
  }
  return out;
}

export type { PdfBox };
