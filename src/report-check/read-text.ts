/**
 * A plain-text or Markdown report → SourceDocument. Tables: Markdown pipe tables (the alignment row
 * skipped), HTML tables inside Markdown (read by read-html), lines of tab-separated cells (a row
 * each), and the layout of a DOCX converted to text (each cell on its own line after a tab, a
 * cell's wrapped text on the lines after it, rows ended by an empty line, a blank cell a lone tab).
 * Every other line is a paragraph (a Markdown heading without its #s). Text is kept as it is:
 * full-width digits and spaces included; only conversion markers (`[bookmark: …]`) are removed.
 */
import type { Block, SourceCell, SourceDocument } from '../domain/report/reading/document.ts';
import { decodeText } from './decode.ts';
import { readHtml } from './read-html.ts';

const BOOKMARK = /\[bookmark: [^\]]*\]/g;
const ALIGNMENT_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const HTML_TABLE_START = /<table[\s>]/i;

/** Reads a text or Markdown report (bytes in UTF-8, UTF-16 with a BOM, or GB18030; or a string). */
export function readText(input: Uint8Array | string, options: { markdown?: boolean } = {}): SourceDocument {
  const text = typeof input === 'string' ? input : decodeText(input);
  const lines = text.replace(/\r\n?/g, '\n').replace(BOOKMARK, '').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (options.markdown !== false && HTML_TABLE_START.test(line)) {
      i = htmlTable(lines, i, blocks);
    } else if (PIPE_ROW.test(line)) {
      i = pipeTable(lines, i, blocks);
    } else if (/^\t[^\t]*$/.test(line)) {
      i = cellLayoutTable(lines, i, blocks);
    } else if (isTabRow(line)) {
      i = tabTable(lines, i, blocks);
    } else {
      const paragraph = paragraphText(line, options.markdown === true);
      if (paragraph !== '') blocks.push({ kind: 'paragraph', text: paragraph });
      i++;
    }
  }
  return { source: options.markdown ? 'markdown' : 'text', blocks };
}

function paragraphText(line: string, markdown: boolean): string {
  const trimmed = line.replace(/^[ \t]+|[ \t]+$/g, '');
  if (!markdown) return trimmed;
  return trimmed.replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, '');
}

/** Several cells on one line, cut at tabs (a row). */
function isTabRow(line: string): boolean {
  return line.split('\t').filter((c) => c.trim() !== '').length >= 2;
}

function tabCells(line: string): SourceCell[] {
  const cells = line.split('\t').map((c) => c.replace(/^ +| +$/g, ''));
  if (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return cells.map((text) => ({ text }));
}

function tabTable(lines: string[], start: number, blocks: Block[]): number {
  const rows: SourceCell[][] = [];
  let i = start;
  while (i < lines.length && isTabRow(lines[i])) rows.push(tabCells(lines[i++]));
  blocks.push({ kind: 'table', rows, structured: true });
  return i;
}

function pipeTable(lines: string[], start: number, blocks: Block[]): number {
  const rows: SourceCell[][] = [];
  let i = start;
  for (; i < lines.length && PIPE_ROW.test(lines[i]); i++) {
    if (ALIGNMENT_ROW.test(lines[i])) continue;
    const inner = lines[i].trim().slice(1, -1);
    rows.push(
      inner.split(/(?<!\\)\|/).map((c) => ({
        text: c
          .trim()
          .replace(/\\\|/g, '|')
          .replace(/<br\s*\/?>/gi, '\n'),
      })),
    );
  }
  blocks.push({ kind: 'table', rows, structured: true });
  return i;
}

/** An HTML table written into Markdown, up to its closing tag (nested tables counted). */
function htmlTable(lines: string[], start: number, blocks: Block[]): number {
  let depth = 0;
  let i = start;
  const html: string[] = [];
  for (; i < lines.length; i++) {
    html.push(lines[i]);
    depth += (lines[i].match(/<table[\s>]/gi) ?? []).length - (lines[i].match(/<\/table>/gi) ?? []).length;
    if (depth <= 0) break;
  }
  blocks.push(...readHtml(html.join('\n')).blocks);
  return i + 1;
}

/**
 * The text layout of a converted DOCX table: a cell per line after a tab, its wrapped text on the
 * lines that follow without a tab, a row ended by an empty line; the table ends at a line without a
 * tab after an empty line.
 */
function cellLayoutTable(lines: string[], start: number, blocks: Block[]): number {
  const rows: SourceCell[][] = [];
  let row: SourceCell[] = [];
  let i = start;
  let afterCell = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (/^\t[^\t]*$/.test(line)) {
      row.push({ text: line.slice(1).replace(/^ +| +$/g, '') });
      afterCell = true;
    } else if (line.trim() === '') {
      if (row.length > 0) rows.push(row);
      row = [];
      afterCell = false;
    } else if (afterCell && !line.includes('\t')) {
      const last = row[row.length - 1];
      last.text = last.text === '' ? line.trim() : `${last.text}\n${line.trim()}`;
    } else break;
  }
  if (row.length > 0) rows.push(row);
  blocks.push({ kind: 'table', rows, structured: true });
  return i;
}
