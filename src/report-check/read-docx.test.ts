import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  paragraphs,
  reportFile,
  SECTION_HEADINGS,
  TABLE_THREE_ROWS,
  tableThree,
  valuesOf,
} from '../../test/fixtures/report-files.ts';
import type { Block, SourceDocument } from '../domain/report/reading/document.ts';
import { readDocx } from './read-docx.ts';
import { UnreadableReportError } from './unreadable.ts';

describe('readDocx: the demo report as our renderer writes it', () => {
  let doc: SourceDocument;
  beforeAll(async () => {
    doc = await readDocx(await reportFile('docx'));
  }, 60_000);

  it.each(TABLE_THREE_ROWS)('table 三, row %s: its seven values in their columns', (label, values) => {
    expect(valuesOf(doc, label)).toEqual(values);
  });

  it('keeps the merges: 三、本年度办理结果 spans its 22 rows, （七）总计 two columns', () => {
    const rows = tableThree(doc)?.rows ?? [];
    const outcomes = rows.flat().find((c) => c.text === '三、本年度办理结果');
    expect(outcomes?.rowSpan).toBe(22);
    const total = rows.find((r) => r[0]?.text === '（七）总计');
    expect(total?.[0]).toEqual({ text: '（七）总计', colSpan: 2 });
    expect(total).toHaveLength(8);
  });

  it('reads the paragraphs with the six headings, and the charts as pictures', () => {
    const texts = paragraphs(doc);
    for (const heading of SECTION_HEADINGS) expect(texts).toContain(heading);
    const images = doc.blocks.filter((b) => b.kind === 'image');
    expect(images).toHaveLength(2);
    expect(images[0]).toEqual({
      kind: 'image',
      alt: '2021年公开信息情况：网站4325，微信3330，微博1352，抖音175',
    });
  });

  it('states the title and dcterms:created', () => {
    expect(doc.title).toBe('威海临港经济技术开发区管理委员会2021年政府信息公开工作年度报告');
    expect(doc.createdOn).toBe('2022-01-28');
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (content: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`;

describe('readDocx: what Word and WPS write', () => {
  it.each<[string, string, Block[]]>([
    [
      'tabs and line breaks in a paragraph',
      '<w:p><w:r><w:t>申请</w:t><w:tab/><w:t>6件</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>',
      [{ kind: 'paragraph', text: '申请\t6件\n下一行' }],
    ],
    [
      'a page break between two paragraphs',
      `${p('一')}<w:p><w:r><w:br w:type="page"/></w:r></w:p>${p('二')}`,
      [
        { kind: 'paragraph', text: '一' },
        { kind: 'page_break', page: 1 },
        { kind: 'paragraph', text: '二' },
      ],
    ],
    [
      'a text box as paragraphs after its paragraph',
      `<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:drawing><wp:inline xmlns:wp="x"><w:txbxContent>${p('框内文字')}</w:txbxContent></wp:inline></w:drawing></w:r></w:p>`,
      [
        { kind: 'paragraph', text: '正文' },
        { kind: 'paragraph', text: '框内文字' },
      ],
    ],
    [
      'a picture with its description',
      '<w:p><w:r><w:drawing><wp:inline xmlns:wp="x"><wp:docPr id="1" name="图" descr="表三截图"/></wp:inline></w:drawing></w:r></w:p>',
      [{ kind: 'image', alt: '表三截图' }],
    ],
    [
      'a vertical merge and a blank cell keeping its place',
      `<w:tbl><w:tr>${tc(p('（三）不予公开'), '<w:vMerge w:val="restart"/>')}${tc(p('1.属于国家秘密'))}${tc(p('0'))}${tc('<w:p/>')}</w:tr>` +
        `<w:tr>${tc('<w:p/>', '<w:vMerge/>')}${tc(p('2.其他法律行政法规禁止公开'))}${tc(p('1'))}${tc(p('1'))}</w:tr></w:tbl>`,
      [
        {
          kind: 'table',
          structured: true,
          rows: [
            [{ text: '（三）不予公开', rowSpan: 2 }, { text: '1.属于国家秘密' }, { text: '0' }, { text: '' }],
            [{ text: '2.其他法律行政法规禁止公开' }, { text: '1' }, { text: '1' }],
          ],
        },
      ],
    ],
    [
      'a gridSpan and a cell of two paragraphs',
      `<w:tbl><w:tr>${tc(p('（七）总计'), '<w:gridSpan w:val="2"/>')}${tc(`${p('6')}${p('件')}`)}</w:tr></w:tbl>`,
      [{ kind: 'table', structured: true, rows: [[{ text: '（七）总计', colSpan: 2 }, { text: '6\n件' }]] }],
    ],
    [
      'a layout table holding the real one: read as its contents',
      `<w:tbl><w:tr>${tc(`${p('标题')}<w:tbl><w:tr>${tc(p('总计'))}${tc(p('6'))}</w:tr></w:tbl>`)}</w:tr></w:tbl>`,
      [
        { kind: 'paragraph', text: '标题' },
        { kind: 'table', structured: true, rows: [[{ text: '总计' }, { text: '6' }]] },
      ],
    ],
  ])('%s', async (_name, body, blocks) => {
    expect((await readDocx(await docx(body))).blocks).toEqual(blocks);
  });

  it('refuses a file that is not a DOCX, saying what to do', async () => {
    const error = await readDocx(new TextEncoder().encode('not a zip')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableReportError);
    expect((error as UnreadableReportError).message).toMatch(/请重新导出/);
  });
});
