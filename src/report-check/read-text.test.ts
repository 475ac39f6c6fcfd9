import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paragraphs, tableThree, valuesOf } from '../../test/fixtures/report-files.ts';
import type { Block } from '../domain/report/reading/document.ts';
import { readText } from './read-text.ts';

const seed = readFileSync(new URL('../../test/fixtures/lingang-2021-annual-report.txt', import.meta.url));

describe('readText: the seed text (a DOCX converted to text)', () => {
  const doc = readText(new Uint8Array(seed));

  it('reads every row of table 三 from 一、本年新收 on with seven values', () => {
    const rows = tableThree(doc)?.rows ?? [];
    const first = rows.findIndex((r) => r.some((c) => c.text.startsWith('一、本年新收')));
    const valueRows = rows.slice(first);
    expect(valueRows).toHaveLength(25);
    for (const row of valueRows) expect(row.slice(-7).every((c) => /^\d+$/.test(c.text))).toBe(true);
  });

  it.each<[string, string[]]>([
    ['一、本年新收政府信息公开申请数量', ['6', '0', '0', '0', '0', '0', '6']],
    ['（二）部分公开', ['2', '0', '0', '0', '0', '0', '2']],
    ['5.要求行政机关确认或重新', ['0', '0', '0', '0', '0', '0', '0']],
    ['（七）总计', ['6', '0', '0', '0', '0', '0', '6']],
  ])('table 三, row %s', (label, values) => {
    expect(valuesOf(doc, label)).toEqual(values);
  });

  it('keeps blank cells (a lone tab) in their places and joins a label wrapped onto the next line', () => {
    const rows = tableThree(doc)?.rows ?? [];
    expect(rows.find((r) => r.some((c) => c.text === '（七）总计'))?.map((c) => c.text)).toEqual([
      '',
      '（七）总计',
      '6',
      '0',
      '0',
      '0',
      '0',
      '0',
      '6',
    ]);
    expect(rows.flat().some((c) => c.text === '5.要求行政机关确认或重新\n出具已获取信息')).toBe(true);
    expect(rows[1].map((c) => c.text)).toEqual(['', '自\n然\n人', '法人或其他组织', '总计']);
  });

  it('strips the conversion’s bookmarks and keeps the headings as paragraphs', () => {
    const texts = paragraphs(doc);
    expect(texts.join('')).not.toContain('[bookmark');
    expect(texts).toContain('一、总体情况');
    expect(texts).toContain('五、存在的主要问题及改进情况');
    expect(texts[0]).toBe('威海临港经济技术开发区管理委员会');
  });

  it('reads the tab-separated chart data as one row each', () => {
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables.at(-1)).toEqual({
      kind: 'table',
      structured: true,
      rows: [['予以公开', '部分公开', '无法提供', '其他处理', '1', '2', '2', '1'].map((text) => ({ text }))],
    });
  });
});

describe('readText: Markdown and plain text', () => {
  it.each<[string, string, boolean, Block[]]>([
    [
      'a Markdown heading and a pipe table (alignment row skipped, blank cell kept)',
      '# 三、收到和处理政府信息公开申请情况\n\n| 项目 | 自然人 | 总计 |\n|:---|---:|---|\n| （七）总计 |  | 6 |\n',
      true,
      [
        { kind: 'paragraph', text: '三、收到和处理政府信息公开申请情况' },
        {
          kind: 'table',
          structured: true,
          rows: [
            [{ text: '项目' }, { text: '自然人' }, { text: '总计' }],
            [{ text: '（七）总计' }, { text: '' }, { text: '6' }],
          ],
        },
      ],
    ],
    [
      'an HTML table inside Markdown',
      '正文\n<table>\n<tr><td colspan="2">（七）总计</td><td>6</td></tr>\n</table>\n结尾',
      true,
      [
        { kind: 'paragraph', text: '正文' },
        { kind: 'table', structured: true, rows: [[{ text: '（七）总计', colSpan: 2 }, { text: '6' }]] },
        { kind: 'paragraph', text: '结尾' },
      ],
    ],
    [
      'tab-separated rows, full-width digits and spaces kept',
      '（七）总计\t６\t\t６\n四、结转\t0\t0\t0\n　　说明文字',
      false,
      [
        {
          kind: 'table',
          structured: true,
          rows: [
            [{ text: '（七）总计' }, { text: '６' }, { text: '' }, { text: '６' }],
            [{ text: '四、结转' }, { text: '0' }, { text: '0' }, { text: '0' }],
          ],
        },
        { kind: 'paragraph', text: '　　说明文字' },
      ],
    ],
    ['a # line in plain text stays as it is', '# 1号文件', false, [{ kind: 'paragraph', text: '# 1号文件' }]],
  ])('%s', (_name, text, markdown, blocks) => {
    expect(readText(text, { markdown }).blocks).toEqual(blocks);
  });

  it('decodes GB18030 text (not valid UTF-8)', () => {
    // “总计\t6” in GB18030
    const bytes = new Uint8Array([0xd7, 0xdc, 0xbc, 0xc6, 0x09, 0x36, 0x09, 0x30]);
    expect(readText(bytes).blocks).toEqual([
      { kind: 'table', structured: true, rows: [[{ text: '总计' }, { text: '6' }, { text: '0' }]] },
    ]);
  });
});
