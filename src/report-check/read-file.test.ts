import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFile, valuesOf } from '../../test/fixtures/report-files.ts';
import type { SourceType } from '../domain/report/reading/document.ts';
import { closePdfBrowser } from '../render/pdf.ts';
import { readReportFile, UnreadableReportError } from './read-file.ts';
import type { UnreadableReason } from './unreadable.ts';

afterAll(() => closePdfBrowser());

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A page saved by Internet Explorer as “网页，单个文件”: GB2312, quoted-printable (总计 = D7 DC BC C6). */
const MHTML = [
  'From: <Saved by Windows Internet Explorer 8>',
  'Subject: report',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related;',
  '\ttype="text/html";',
  '\tboundary="----=_NextPart_000_0000_01D80000.00000000"',
  '',
  'This is a multi-part message in MIME format.',
  '',
  '------=_NextPart_000_0000_01D80000.00000000',
  'Content-Type: text/html;',
  '\tcharset="gb2312"',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '<html><body><table><tr><td>=D7=DC=BC=C6</td><td>6</td></tr></table><p>=',
  '=D7=DC=BC=C6</p></body></html>',
  '',
  '------=_NextPart_000_0000_01D80000.00000000--',
].join('\r\n');

describe('readReportFile: the type told by content', () => {
  // the demo files are made before the tests, which time only the reading
  beforeAll(
    () => Promise.all([reportFile('libreoffice.pdf'), reportFile('docx'), reportFile('html')]),
    180_000,
  );

  it.each<[string, () => Promise<Uint8Array>, string | undefined, SourceType]>([
    ['a PDF, whatever its name', async () => reportFile('libreoffice.pdf'), 'report.docx', 'pdf'],
    ['a DOCX', async () => reportFile('docx'), undefined, 'docx'],
    ['an HTML page', async () => reportFile('html'), 'report.txt', 'html'],
    [
      'an HTML fragment starting with a table',
      async () => utf8('<table><tr><td>（七）总计</td></tr></table>'),
      undefined,
      'html',
    ],
    ['Markdown by its name', async () => utf8('一、总体情况'), 'report.md', 'markdown'],
    [
      'Markdown by its pipe table',
      async () => utf8('| 项目 | 总计 |\n|---|---|\n| （七）总计 | 6 |'),
      undefined,
      'markdown',
    ],
    ['Markdown by its # heading', async () => utf8('# 一、总体情况\n正文'), undefined, 'markdown'],
    ['plain text', async () => utf8('一、总体情况\n正文'), 'report.txt', 'text'],
    ['a page saved as MHTML', async () => utf8(MHTML), 'report.mht', 'html'],
  ])(
    '%s',
    async (_name, bytes, fileName, source) => {
      expect((await readReportFile(await bytes(), fileName)).source).toBe(source);
    },
    60_000,
  );

  it('reads the HTML part of an MHTML page in its charset', async () => {
    const doc = await readReportFile(utf8(MHTML), 'report.mht');
    expect(doc.blocks).toEqual([
      { kind: 'table', structured: true, rows: [[{ text: '总计' }, { text: '6' }]] },
      { kind: 'paragraph', text: '总计' },
    ]);
  });

  it('reads the demo DOCX through to table 三', async () => {
    const doc = await readReportFile(await reportFile('docx'), 'report.docx');
    expect(valuesOf(doc, '（七）总计')).toEqual(['6', '0', '0', '0', '0', '0', '6']);
  });

  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(1024)]);
  const png = new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    0,
    0,
    0,
    13,
    0x49,
    0x48,
    0x44,
    0x52,
    ...new Uint8Array(32),
  ]);
  it.each<[string, Uint8Array, string | undefined, UnreadableReason, RegExp]>([
    ['an old Word .doc', ole, 'report.doc', 'legacy_word', /另存为” DOCX 或 PDF/],
    ['a WPS file', ole, 'report.wps', 'wps', /在 WPS 中“另存为” DOCX 或 PDF/],
    ['a picture', png, 'table.png', 'image', /请上传年度报告的 DOCX、PDF 或网页文件/],
    [
      'other binary bytes',
      new Uint8Array([1, 2, 0, 0, 5, 6]),
      undefined,
      'unsupported',
      /无法识别的文件类型/,
    ],
  ])('refuses %s, saying what to do', async (_name, bytes, fileName, reason, message) => {
    const error = await readReportFile(bytes, fileName).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableReportError);
    expect((error as UnreadableReportError).reason).toBe(reason);
    expect((error as UnreadableReportError).message).toMatch(message);
  });
});
