/**
 * Tables a PDF prints without rules: runs of lines cut into pieces at wide gaps. The columns are
 * worked out from the numbers (the pieces that are only a number line up in their columns), the
 * text left of the first number column is the label column; every row has a cell per column, ""
 * where the line has nothing there, and a line of text alone in a column, tight under a row,
 * continues that row's cell (a label wrapped in its cell).
 */
import type { SourceCell } from '../domain/report/reading/document.ts';
import { chunks, joinItems, type PdfLine } from './pdf-layout.ts';
import type { PdfText } from './pdf-page.ts';

const NUMBER = /^[-−+]?[\d０-９][\d０-９,，.．]*%?$/;

interface Piece {
  x0: number;
  x1: number;
  text: string;
}

/**
 * A line's pieces: its chunks, each cut again where a number and text meet across any gap (a label
 * printed close to the first number column: “3.危及“三安全一稳定” 0”).
 */
function piecesOf(line: PdfLine): Piece[] {
  const pieces: Piece[] = [];
  for (const chunk of chunks(line)) {
    let group: PdfText[] = [];
    const flush = () => {
      if (group.length > 0)
        pieces.push({
          x0: Math.min(...group.map((i) => i.x0)),
          x1: Math.max(...group.map((i) => i.x1)),
          text: joinItems(group),
        });
      group = [];
    };
    for (const item of chunk) {
      const last = group[group.length - 1];
      if (
        last &&
        NUMBER.test(item.text.trim()) !== NUMBER.test(last.text.trim()) &&
        item.x0 - last.x1 > item.size * 0.25
      )
        flush();
      group.push(item);
    }
    flush();
  }
  return pieces;
}

const multi = (line: PdfLine) => chunks(line).length >= 2;

/** Whether `line` sits tight under `above` in the same type size (a wrapped line, not a heading). */
const tight = (above: PdfLine, line: PdfLine) =>
  Math.abs(above.size - line.size) < 0.6 && line.y - above.y < line.size * 1.9;

/** Where a gap table starting at `start` ends (exclusive), or `start` when none starts there. */
export function gapTableEnd(lines: PdfLine[], start: number): number {
  let end = start;
  let wide = false;
  while (end < lines.length) {
    const line = lines[end];
    const above = lines[end - 1];
    if (multi(line) && (end === start || tight(above, line) || multi(above))) {
      wide ||= chunks(line).length >= 3;
      end++;
    } else if (end > start && tight(above, line) && end + 1 < lines.length && tight(line, lines[end + 1]))
      end++;
    else break;
  }
  while (end > start && !multi(lines[end - 1])) end--;
  const rowsWithCells = lines.slice(start, end).filter(multi).length;
  return wide && rowsWithCells >= 2 ? end : start;
}

/** Column x ranges: the number pieces' ranges joined where they overlap; the labels' column before them. */
function columnsOf(pieces: Piece[][]): Array<{ x0: number; x1: number }> {
  const numbers = pieces.flat().filter((p) => NUMBER.test(p.text));
  const source = numbers.length >= 2 ? numbers : pieces.flat();
  const columns: Array<{ x0: number; x1: number }> = [];
  for (const p of [...source].sort((a, b) => a.x0 - b.x0)) {
    const last = columns[columns.length - 1];
    if (last && p.x0 <= last.x1 + 2) last.x1 = Math.max(last.x1, p.x1);
    else columns.push({ x0: p.x0, x1: p.x1 });
  }
  if (numbers.length < 2) return columns;
  // the labels: the text pieces ending left of the first number column, joined where they overlap
  const labels: Array<{ x0: number; x1: number }> = [];
  const first = columns[0].x0;
  for (const p of pieces
    .flat()
    .filter((q) => !NUMBER.test(q.text) && q.x1 <= first)
    .sort((a, b) => a.x0 - b.x0)) {
    const last = labels[labels.length - 1];
    if (last && p.x0 <= last.x1 + 2) last.x1 = Math.max(last.x1, p.x1);
    else labels.push({ x0: p.x0, x1: p.x1 });
  }
  return [...labels, ...columns];
}

/** Lines cut at wide gaps → column-aligned rows. */
export function gapTable(lines: PdfLine[]): SourceCell[][] {
  const pieces = lines.map(piecesOf);
  const columns = columnsOf(pieces);
  const columnOf = (p: Piece) => {
    const mid = (p.x0 + p.x1) / 2;
    let best = 0;
    let distance = Number.POSITIVE_INFINITY;
    columns.forEach((c, k) => {
      const d = mid < c.x0 ? c.x0 - mid : mid > c.x1 ? mid - c.x1 : 0;
      if (d < distance) {
        distance = d;
        best = k;
      }
    });
    return best;
  };
  const rows: string[][] = [];
  pieces.forEach((linePieces, index) => {
    const row = columns.map(() => '');
    for (const p of linePieces) {
      const k = columnOf(p);
      row[k] = row[k] === '' ? p.text : `${row[k]} ${p.text}`;
    }
    const filled = row.filter((t) => t !== '');
    const previous = rows[rows.length - 1];
    const k = row.findIndex((t) => t !== '');
    const continues =
      previous !== undefined &&
      filled.length === 1 &&
      !NUMBER.test(filled[0]) &&
      previous[k] !== '' &&
      tight(lines[index - 1], lines[index]);
    if (continues) previous[k] = `${previous[k]}\n${row[k]}`;
    else rows.push(row);
  });
  return rows.map((r) => r.map((text) => ({ text })));
}
