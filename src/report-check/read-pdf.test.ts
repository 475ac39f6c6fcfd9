import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  paragraphs,
  reportFile,
  SECTION_HEADINGS,
  TABLE_THREE_ROWS,
  tableThree,
  valuesOf,
} from '../../test/fixtures/report-files.ts';
import type { SourceDocument } from '../domain/report/reading/document.ts';
import { closePdfBrowser } from '../render/pdf.ts';
import { isPageNumber, pdfDate, readPdf } from './read-pdf.ts';
import { UnreadableReportError } from './unreadable.ts';

afterAll(() => closePdfBrowser());

describe.each([
  ['printed by Chromium', 'chromium.pdf', 8],
  ['converted from DOCX by LibreOffice', 'libreoffice.pdf', 7],
] as const)('readPdf: the demo report %s', (_name, kind, pages) => {
  let doc: SourceDocument;
  let ms = 0;
  beforeAll(async () => {
    const bytes = await reportFile(kind);
    const started = performance.now();
    doc = await readPdf(bytes);
    ms = performance.now() - started;
  }, 180_000);

  it('reads it in under 10 s', () => {
    expect(ms).toBeLessThan(10_000);
    expect(doc.pages).toBe(pages);
  });

  it.each(TABLE_THREE_ROWS)('table 三, row %s: its seven values in their columns', (label, values) => {
    expect(valuesOf(doc, label)).toEqual(values);
  });

  it('table 三 is one table: every row from 一、本年新收 on ends in seven values', () => {
    const table = tableThree(doc);
    expect(table?.structured).toBe(true);
    const rows = table?.rows ?? [];
    const first = rows.findIndex((r) => r.some((c) => c.text.startsWith('一、本年新收')));
    expect(first).toBeGreaterThan(0);
    const valueRows = rows.slice(first);
    expect(valueRows).toHaveLength(25);
    for (const row of valueRows) expect(row.slice(-7).every((c) => /^\d*$/.test(c.text))).toBe(true);
  });

  it('keeps the six section headings as paragraphs, and the CJK text as printed', () => {
    const texts = paragraphs(doc);
    for (const heading of SECTION_HEADINGS) expect(texts).toContain(heading);
    expect(texts.join('')).toContain('中华人民共和国政府信息公开条例');
    expect(texts.join('')).not.toMatch(/[\u2e80-\u2fdf]/);
  });

  it('leaves out page numbers, and joins a sentence carried over to the next page', () => {
    const texts = paragraphs(doc);
    // the renderers print “— 3 —” at the foot of each page
    expect(texts.filter((t) => /—\s*\d+\s*—/.test(t))).toEqual([]);
    expect(doc.blocks.filter((b) => b.kind === 'page_break')).toHaveLength(pages - 1);
    expect(texts.some((t) => t.startsWith('1.主动公开') && t.endsWith('公开管委文件25件。'))).toBe(true);
  });

  it('states the title and creation date of the file', () => {
    expect(doc.title).toBe('威海临港经济技术开发区管理委员会2021年政府信息公开工作年度报告');
    expect(doc.createdOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('readPdf: the demo report printed without table rules', () => {
  let doc: SourceDocument;
  beforeAll(async () => {
    const bytes = await reportFile('unruled.pdf');
    doc = await readPdf(bytes);
  }, 180_000);

  /** The row (in any table) whose first cell starts with `label`: its last seven cells. */
  const values = (label: string) =>
    doc.blocks
      .flatMap((b) => (b.kind === 'table' ? b.rows : []))
      .find((row) => row[0]?.text.startsWith(label))
      ?.slice(-7)
      .map((c) => c.text);

  it.each(
    TABLE_THREE_ROWS.filter(
      ([label]) =>
        /^(一、|二、|（七）|四、|6\.|7\.|8\.|1\.信访|2\.重复)/.test(label) || label === '1.属于国家秘密',
    ),
  )('table 三, row %s: the values in their columns, worked out from the numbers', (label, expected) => {
    expect(values(label)).toEqual(expected);
  });

  it('cuts a label printed close to the first number off it', () => {
    expect(values('3.危及“三安全一稳定”')).toEqual(['0', '0', '0', '0', '0', '0', '0']);
  });
});

describe('readPdf: a PDF without a text layer', () => {
  // the pictures are made (a screenshot, a print) before the tests, which time only the reading
  beforeAll(() => Promise.all([reportFile('image.pdf'), reportFile('picture-table.pdf')]), 180_000);

  it('refuses a PDF that is only a picture of the table, never reads numbers from it', async () => {
    const bytes = await reportFile('image.pdf');
    const error = await readPdf(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableReportError);
    expect((error as UnreadableReportError).reason).toBe('no_text_layer');
    expect((error as UnreadableReportError).message).toMatch(/^该 PDF 文件没有文字层.*请上传/);
  }, 10_000);

  it('reads a table published as a picture as an image block, never as numbers', async () => {
    const doc = await readPdf(await reportFile('picture-table.pdf'));
    expect(paragraphs(doc)).toEqual([
      '三、收到和处理政府信息公开申请情况',
      '本年度收到和处理政府信息公开申请情况见下表。',
    ]);
    // the picture is taller than what is left of page 1: Chromium prints it on the next pages
    expect(doc.blocks.filter((b) => b.kind === 'image').length).toBeGreaterThan(0);
    expect(doc.blocks.some((b) => b.kind === 'table')).toBe(false);
  }, 10_000);

  it('refuses bytes that are not a PDF as damaged', async () => {
    const error = await readPdf(new TextEncoder().encode('%PDF-1.4\nnot really')).catch((e: unknown) => e);
    expect((error as UnreadableReportError).reason).toBe('damaged');
  });
});

describe('isPageNumber', () => {
  it.each([
    ['- 3 -', true],
    ['— 3 —', true],
    ['－ 12 －', true],
    ['第3页', true],
    ['第 3 页 共 8 页', true],
    ['第3页，共8页', true],
    ['共8页 第3页', true],
    ['3/8', true],
    ['3', true],
    ['Page 3 of 8', true],
    ['（七）总计', false],
    ['2021年', false],
    ['一、总体情况', false],
  ])('%s → %s', (text, expected) => {
    expect(isPageNumber(text)).toBe(expected);
  });
});

describe('pdfDate', () => {
  it.each([
    ["D:20220128020000+08'00'", '2022-01-28'],
    ['D:20220120', '2022-01-20'],
    ['20211231235959Z', '2021-12-31'],
    ['D:2022', undefined],
    ['D:20221399', undefined],
  ])('%s → %s', (value, expected) => {
    expect(pdfDate(value)).toBe(expected);
  });
});
