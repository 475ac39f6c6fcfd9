/**
 * A DOCX report → SourceDocument: word/document.xml's body in order (paragraphs, tables with their
 * merges, pictures, text boxes, page breaks) and docProps/core.xml's title and creation date.
 */
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import JSZip from 'jszip';
import type { Block, SourceCell, SourceDocument } from '../domain/report/reading/document.ts';
import { UnreadableReportError } from './unreadable.ts';

const isElement = (node: ChildNode): node is Element => node.type === 'tag';
const kids = (el: Element): Element[] => el.children.filter(isElement);
const attr = (el: Element, name: string): string | undefined => el.attribs[name];

/** Reads a DOCX file. Throws UnreadableReportError when it is not a readable Word document. */
export async function readDocx(bytes: Uint8Array): Promise<SourceDocument> {
  const zip = await JSZip.loadAsync(bytes).catch(() => {
    throw new UnreadableReportError('damaged', '不是有效的 DOCX 压缩包');
  });
  const main = zip.file('word/document.xml');
  if (!main) throw new UnreadableReportError('damaged', 'DOCX 中缺少 word/document.xml');
  const xml = parseDocument(await main.async('string'), { xmlMode: true });
  const body = findFirst(xml.children, 'w:body');
  const blocks: Block[] = [];
  if (body) bodyBlocks(body, blocks);
  const core = zip.file('docProps/core.xml');
  const document: SourceDocument = { source: 'docx', blocks };
  if (core) {
    const props = parseDocument(await core.async('string'), { xmlMode: true });
    const title = textOf(findFirst(props.children, 'dc:title')).trim();
    const created = textOf(findFirst(props.children, 'dcterms:created')).trim();
    if (title) document.title = title;
    if (/^\d{4}-\d{2}-\d{2}/.test(created)) document.createdOn = created.slice(0, 10);
  }
  let page = 0;
  for (const block of blocks) if (block.kind === 'page_break') block.page = ++page;
  return document;
}

function findFirst(nodes: ChildNode[], name: string): Element | undefined {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === name) return node;
    const found = findFirst(node.children, name);
    if (found) return found;
  }
  return undefined;
}

function textOf(el: Element | undefined): string {
  if (!el) return '';
  return el.children.map((c) => (c.type === 'text' ? c.data : isElement(c) ? textOf(c) : '')).join('');
}

/** The blocks of a container (the body, a table cell, a text box) in order. */
function bodyBlocks(container: Element, out: Block[]): void {
  for (const el of kids(container)) {
    if (el.name === 'w:p') paragraphBlocks(el, out);
    else if (el.name === 'w:tbl') tableBlocks(el, out);
    else if (el.name === 'w:sdt') {
      const content = kids(el).find((k) => k.name === 'w:sdtContent');
      if (content) bodyBlocks(content, out);
    } else if (el.name === 'w:customXml' || el.name === 'w:ins') bodyBlocks(el, out);
  }
}

interface ParagraphParts {
  text: string;
  /** blocks found inside the paragraph's runs: pictures, text boxes, page breaks, in order */
  after: Block[];
  /** a page break ends the paragraph's text so far */
  pieces: Array<string | Block>;
}

function paragraphBlocks(p: Element, out: Block[]): void {
  const pPr = kids(p).find((k) => k.name === 'w:pPr');
  if (pPr && kids(pPr).some((k) => k.name === 'w:pageBreakBefore' && attr(k, 'w:val') !== '0'))
    out.push({ kind: 'page_break', page: 0 });
  const parts: ParagraphParts = { text: '', after: [], pieces: [] };
  runs(p, parts);
  const flush = () => {
    const text = parts.text.replace(/\s+$/u, '');
    if (text.trim() !== '') out.push({ kind: 'paragraph', text });
    parts.text = '';
  };
  for (const piece of parts.pieces) {
    if (typeof piece === 'string') {
      parts.text += piece;
      continue;
    }
    if (piece.kind === 'page_break') flush();
    out.push(piece);
  }
  flush();
  out.push(...parts.after);
}

/** Walks a paragraph's runs (through hyperlinks, fields, insertions, smart tags) collecting text. */
function runs(el: Element, parts: ParagraphParts): void {
  for (const k of kids(el)) {
    switch (k.name) {
      case 'w:pPr':
      case 'w:rPr':
      case 'w:del':
      case 'w:delText':
      case 'w:instrText':
        break;
      case 'w:t':
        parts.pieces.push(textOf(k));
        break;
      case 'w:tab':
        parts.pieces.push('\t');
        break;
      case 'w:cr':
        parts.pieces.push('\n');
        break;
      case 'w:br':
        if (attr(k, 'w:type') === 'page') parts.pieces.push({ kind: 'page_break', page: 0 });
        else parts.pieces.push('\n');
        break;
      case 'mc:AlternateContent': {
        // Word writes a drawing twice (DrawingML and VML): read the first choice only
        const choice = kids(k)[0];
        if (choice) runs(choice, parts);
        break;
      }
      case 'w:drawing':
      case 'w:pict':
      case 'w:object':
        drawing(k, parts);
        break;
      default:
        runs(k, parts);
    }
  }
}

/** A drawing: its text boxes as paragraphs, else a picture (a photo, a chart, a scanned table). */
function drawing(el: Element, parts: ParagraphParts): void {
  const boxes: Element[] = [];
  collect(el, 'w:txbxContent', boxes);
  if (boxes.length > 0) {
    for (const box of boxes) bodyBlocks(box, parts.after);
    return;
  }
  const described = findFirst([el], 'wp:docPr') ?? findFirst([el], 'v:shape');
  const alt = described
    ? (attr(described, 'descr') ?? attr(described, 'title') ?? attr(described, 'alt'))
    : undefined;
  parts.after.push(alt ? { kind: 'image', alt } : { kind: 'image' });
}

function collect(el: Element, name: string, out: Element[]): void {
  for (const k of kids(el)) {
    if (k.name === name) out.push(k);
    else collect(k, name, out);
  }
}

/** A table's rows and cells; a table holding tables is a layout frame: its contents are read in order. */
function tableBlocks(tbl: Element, out: Block[]): void {
  const rows = kids(tbl).filter((k) => k.name === 'w:tr');
  const cellsOf = (tr: Element) => kids(tr).filter((k) => k.name === 'w:tc');
  if (rows.some((tr) => cellsOf(tr).some((tc) => findFirst(tc.children, 'w:tbl')))) {
    for (const tr of rows) for (const tc of cellsOf(tr)) bodyBlocks(tc, out);
    return;
  }
  const table: SourceCell[][] = [];
  /** the cell a vertical merge started, by grid column */
  const merging = new Map<number, SourceCell>();
  for (const tr of rows) {
    const row: SourceCell[] = [];
    const trPr = kids(tr).find((k) => k.name === 'w:trPr');
    const before = trPr && kids(trPr).find((k) => k.name === 'w:gridBefore');
    let column = before ? Number(attr(before, 'w:val') ?? 0) : 0;
    for (const tc of cellsOf(tr)) {
      const tcPr = kids(tc).find((k) => k.name === 'w:tcPr');
      const span = tcPr && kids(tcPr).find((k) => k.name === 'w:gridSpan');
      const colSpan = Math.max(1, Number(span ? attr(span, 'w:val') : 1) || 1);
      const vMerge = tcPr && kids(tcPr).find((k) => k.name === 'w:vMerge');
      const started = merging.get(column);
      if (vMerge && attr(vMerge, 'w:val') !== 'restart' && started) {
        started.rowSpan = (started.rowSpan ?? 1) + 1;
      } else {
        const cell: SourceCell = { text: cellText(tc) };
        if (colSpan > 1) cell.colSpan = colSpan;
        row.push(cell);
        if (vMerge) merging.set(column, cell);
        else merging.delete(column);
      }
      column += colSpan;
    }
    table.push(row);
  }
  out.push({ kind: 'table', rows: table, structured: true });
}

function cellText(tc: Element): string {
  const blocks: Block[] = [];
  bodyBlocks(tc, blocks);
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : ''))
    .filter((t) => t !== '')
    .join('\n');
}
