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
import { readHtml } from './read-html.ts';

describe('readHtml: the demo report as our renderer writes it', () => {
  let doc: SourceDocument;
  beforeAll(async () => {
    doc = readHtml(new Uint8Array(await reportFile('html')));
  });

  it.each(TABLE_THREE_ROWS)('table 三, row %s: its seven values in their columns', (label, values) => {
    expect(valuesOf(doc, label)).toEqual(values);
  });

  it('keeps rowspan and colspan', () => {
    const rows = tableThree(doc)?.rows ?? [];
    expect(rows.flat().find((c) => c.text === '三、本年度办理结果')?.rowSpan).toBe(22);
    expect(rows.find((r) => r[0]?.text === '（七）总计')).toHaveLength(8);
  });

  it('reads the title, the headings and the charts (SVG with role="img") as pictures', () => {
    expect(doc.title).toBe('威海临港经济技术开发区管理委员会2021年政府信息公开工作年度报告');
    for (const heading of SECTION_HEADINGS) expect(paragraphs(doc)).toContain(heading);
    expect(doc.blocks.filter((b) => b.kind === 'image')).toHaveLength(2);
  });
});

const page = (head: string, body: string) =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('readHtml: pages as saved from government sites', () => {
  it.each<[string, string, Block[]]>([
    [
      'the site chrome (script, navigation, menu, footer) left out, the article kept',
      page(
        '<script>var a = 1;</script>',
        '<div class="nav"><a>首页</a><a>政务公开</a></div><ul class="menu"><li>机构</li></ul>' +
          '<div class="TRS_Editor"><p>一、总体情况</p><p>第一行<br>第二行</p></div>' +
          '<div id="footer">主办单位：某某市人民政府</div><noscript>请开启脚本</noscript>',
      ),
      [
        { kind: 'paragraph', text: '一、总体情况' },
        { kind: 'paragraph', text: '第一行\n第二行' },
      ],
    ],
    [
      'a layout table round the article, a nested table read as a table',
      page(
        '',
        '<table><tr><td><h1>年度报告</h1><table><tr><th colspan="2">（七）总计</th><td>6</td><td></td></tr></table><img src="a.png" alt="附图"></td></tr></table>',
      ),
      [
        { kind: 'paragraph', text: '年度报告' },
        {
          kind: 'table',
          structured: true,
          rows: [[{ text: '（七）总计', colSpan: 2 }, { text: '6' }, { text: '' }]],
        },
        { kind: 'image', alt: '附图' },
      ],
    ],
    [
      'a cell of two paragraphs, a rowspan, an icon left out',
      page(
        '',
        '<table><tr><td rowspan="2"><p>（三）</p><p>不予公开</p></td><td>1.属于国家秘密</td></tr><tr><td>2.其他</td></tr></table><img src="i.gif" width="16">',
      ),
      [
        {
          kind: 'table',
          structured: true,
          rows: [
            [{ text: '（三）\n不予公开', rowSpan: 2 }, { text: '1.属于国家秘密' }],
            [{ text: '2.其他' }],
          ],
        },
      ],
    ],
  ])('%s', (_name, html, blocks) => {
    expect(readHtml(html).blocks).toEqual(blocks);
  });

  it.each<[string, string, string | undefined, string | undefined]>([
    [
      'meta ArticleTitle and PubDate',
      page(
        '<meta name="ArticleTitle" content="某区2021年报告"><meta name="PubDate" content="2022-01-20 10:30">',
        '<p>x</p>',
      ),
      '某区2021年报告',
      '2022-01-20',
    ],
    [
      'meta firstpublishedtime',
      page('<title>报告</title><meta name="firstpublishedtime" content="2022-01-25-09:00:00">', '<p>x</p>'),
      '报告',
      '2022-01-25',
    ],
    [
      '发布时间 in the text',
      page(
        '<title>某县2021年政府信息公开工作年度报告_某县人民政府</title>',
        '<div>发布时间：2022-01-20 10:30</div>',
      ),
      '某县2021年政府信息公开工作年度报告',
      '2022-01-20',
    ],
    [
      '发布日期 in Chinese',
      page('', '<h1>年度报告</h1><span>发布日期：2022年1月9日</span>'),
      '年度报告',
      '2022-01-09',
    ],
    ['日期 with a time', page('', '<span>日期：2022/01/20 10:30</span>'), undefined, '2022-01-20'],
    ['no date stated', page('', '<p>本报告</p>'), undefined, undefined],
  ])('title and publication date: %s', (_name, html, title, publishedOn) => {
    const doc = readHtml(html);
    expect(doc.title).toBe(title);
    expect(doc.publishedOn).toBe(publishedOn);
  });

  it('decodes a GB2312 page by its meta charset (as GB18030)', () => {
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>总计</p></body></html>';
    // 总计 in GB18030: D7 DC BC C6
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(html.split('总计')[0]),
      0xd7,
      0xdc,
      0xbc,
      0xc6,
      ...new TextEncoder().encode(html.split('总计')[1]),
    ]);
    expect(readHtml(bytes).blocks).toEqual([{ kind: 'paragraph', text: '总计' }]);
  });
});
