/**
 * A PDF report → SourceDocument through its text layer (pdfjs-dist, legacy build for Node, no
 * worker, fonts and CMaps from its own package; nothing downloaded). Per page: ruled tables read
 * cell by cell from their drawn rules (pdf-rules.ts), unruled ones from lines cut at wide gaps,
 * other lines joined into paragraphs; page headers, footers and page numbers left out; pictures as
 * image blocks. A table continued on the next page (the same columns) is merged into one, its
 * repeated header rows dropped; the page_break falls after the merged table.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Block, SourceDocument } from '../domain/report/reading/document.ts';
import { groupLines, layoutPage, type PdfBlock, type PdfLine, rowsOf } from './pdf-layout.ts';
import { type PageContent, pageContent } from './pdf-page.ts';
import { loadPdfjs } from './pdfjs-load.mjs';
import { UnreadableReportError } from './unreadable.ts';

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** The share of the page's height at its top and at its bottom where headers, footers and page numbers sit. */
const MARGIN = 0.12;

const PAGE_NUMBER = [
  /^[-—–－―~〜·•\s]*\d{1,4}[-—–－―~〜·•\s]*$/,
  /^第\s*\d{1,4}\s*页\s*([,，、/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(page\s*)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
  /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/,
];

/** Whether a line's text is a page number as reports print them (“- 3 -”, “— 3 —”, “第3页 共8页”, “3/8”, “3”). */
export function isPageNumber(text: string): boolean {
  const compact = text.trim();
  return PAGE_NUMBER.some((p) => p.test(compact));
}

type WithStreams = { DecompressionStream?: unknown };
let hidingStreams = 0;
let savedStream: unknown;

/**
 * pdfjs inflates each compressed stream through the platform's DecompressionStream when there is
 * one: on Node that is zlib on the thread pool, awaited per stream — thousands of tiny waits for a
 * PDF whose fonts are Type 3 (each glyph its own stream; Chromium prints CJK text so). Without it,
 * pdfjs inflates in its own synchronous code: the demo report printed by Chromium reads in 330 ms
 * instead of 665 (the LibreOffice one is unchanged). Hidden while PDFs are being read (counted, so
 * overlapping reads share it), put back after.
 */
async function withoutDecompressionStream<T>(run: () => Promise<T>): Promise<T> {
  const global = globalThis as WithStreams;
  if (hidingStreams++ === 0) {
    savedStream = global.DecompressionStream;
    global.DecompressionStream = undefined;
  }
  try {
    return await run();
  } finally {
    if (--hidingStreams === 0) global.DecompressionStream = savedStream;
  }
}

/** Reads a PDF's text layer. Throws UnreadableReportError when it is encrypted, damaged or has no text. */
export function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  return withoutDecompressionStream(() => readPdfPages(bytes));
}

async function readPdfPages(bytes: Uint8Array): Promise<SourceDocument> {
  // the worker's code runs in this thread (no worker in Node): loaded once, beside the library
  const lib = await loadPdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(pdfjsDir, 'cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsDir, 'standard_fonts/'),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  });
  const doc = await task.promise.catch((error: unknown) => {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new UnreadableReportError('encrypted');
    throw new UnreadableReportError('damaged', '不是有效的 PDF 文件');
  });
  try {
    const contents: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      contents.push(await pageContent(page, lib.OPS));
      page.cleanup();
    }
    const characters = contents.reduce(
      (sum, c) => sum + c.texts.reduce((s, t) => s + t.text.trim().length, 0),
      0,
    );
    if (characters < 20) throw new UnreadableReportError('no_text_layer');
    const blocks = pageBlocks(contents);
    const document: SourceDocument = { source: 'pdf', blocks, pages: doc.numPages };
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as {
      info: Record<string, unknown>;
    };
    const title = typeof info.Title === 'string' ? info.Title.trim() : '';
    if (title) document.title = title;
    const created = typeof info.CreationDate === 'string' ? pdfDate(info.CreationDate) : undefined;
    if (created) document.createdOn = created;
    return document;
  } finally {
    await doc.destroy();
  }
}

/** A PDF date (`D:20220128…`) as an ISO date. */
export function pdfDate(value: string): string | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const furnitureKey = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');
const inMargin = (line: PdfLine, content: PageContent) =>
  line.y < content.height * MARGIN || line.y > content.height * (1 - MARGIN);

function pageBlocks(contents: PageContent[]): Block[] {
  // a line in the top or bottom margin repeated on at least half the pages (two at least) is a header or footer
  const seen = new Map<string, number>();
  for (const content of contents) {
    const keys = new Set(
      groupLines(content.texts)
        .filter((l) => inMargin(l, content))
        .map((l) => furnitureKey(l.text)),
    );
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeated = Math.max(2, Math.ceil(contents.length / 2));
  const blocks: PdfBlock[] = [];
  contents.forEach((content, index) => {
    const page = index + 1;
    const isFurniture = (line: PdfLine) =>
      inMargin(line, content) &&
      (isPageNumber(line.text) || (seen.get(furnitureKey(line.text)) ?? 0) >= repeated);
    const own = layoutPage(content, page, isFurniture);
    const pageBreak = blocks[blocks.length - 1];
    const before = blocks[blocks.length - 2];
    const first = own[0];
    if (pageBreak?.kind === 'page_break' && before && first) {
      // a table or a sentence carried over to this page: one block, the page break after it
      if (before.kind === 'table' && first.kind === 'table' && sameEdges(before.columns, first.columns)) {
        before.rows.push(
          ...withoutRepeatedHeader(before.rows, rowsOf(first.cells ?? [], before.columns ?? [])),
        );
        own.shift();
      } else if (
        before.kind === 'paragraph' &&
        first.kind === 'paragraph' &&
        !first.indented &&
        !/[。！？：；]$/.test(before.text)
      ) {
        before.text += first.text;
        own.shift();
      }
    }
    blocks.push(...own);
    if (page < contents.length) blocks.push({ kind: 'page_break', page });
  });
  return blocks.map(({ columns: _c, cells: _p, indented: _i, ...block }) => block as Block);
}

/** Two parts of a table: the same left and right edges. */
function sameEdges(a: number[] | undefined, b: number[] | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    Math.abs(a[0] - b[0]) <= 3 &&
    Math.abs(a[a.length - 1] - b[b.length - 1]) <= 3
  );
}

type Rows = Extract<Block, { kind: 'table' }>['rows'];

/** The continuation's rows without the header rows it repeats (Chromium repeats <thead> on each page). */
function withoutRepeatedHeader(first: Rows, next: Rows): Rows {
  const same = (a: Rows[number], b: Rows[number]) =>
    a.length === b.length && a.every((c, i) => c.text === b[i].text);
  let k = 0;
  while (k < next.length && k < first.length && same(first[k], next[k])) k++;
  return next.slice(k);
}
