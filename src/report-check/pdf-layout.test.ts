import { describe, expect, it } from 'vitest';
import { gapTable } from './pdf-gap-table.ts';
import { groupLines, type PdfLine } from './pdf-layout.ts';
import type { PdfText } from './pdf-page.ts';
import { gridsFromRules } from './pdf-rules.ts';
import { normaliseRadicals } from './radicals.ts';

/** A line of text items: [text, x] pairs at height y, 10.5 pt. */
function line(y: number, ...items: Array<[string, number]>): PdfLine {
  const texts: PdfText[] = items.map(([text, x]) => ({
    text,
    x0: x,
    x1: x + text.length * 10.5,
    y,
    size: 10.5,
  }));
  return groupLines(texts)[0];
}

describe('gapTable: lines cut at wide gaps into column-aligned rows', () => {
  it.each<[string, PdfLine[], string[][]]>([
    [
      'a blank cell keeps its column',
      [
        line(100, ['（七）总计', 80], ['6', 260], ['0', 300], ['6', 380]),
        line(120, ['四、结转', 80], ['0', 260], ['0', 340], ['0', 380]),
      ],
      [
        ['（七）总计', '6', '0', '', '6'],
        ['四、结转', '0', '', '0', '0'],
      ],
    ],
    [
      'a label wrapped in its cell joins its row',
      [
        line(100, ['5.要求行政机关确认或重新', 80], ['0', 360], ['0', 400]),
        line(114, ['出具已获取信息', 80]),
        line(130, ['（六）其他处理', 80], ['1', 360], ['1', 400]),
      ],
      [
        ['5.要求行政机关确认或重新\n出具已获取信息', '0', '0'],
        ['（六）其他处理', '1', '1'],
      ],
    ],
  ])('%s', (_name, lines, rows) => {
    expect(gapTable(lines).map((r) => r.map((c) => c.text))).toEqual(rows);
  });
});

describe('gridsFromRules: a table drawn with rules', () => {
  const h = (at: number, from: number, to: number) => ({ at, from, to });
  it('finds the grid, with a cell merged over two columns where a rule is missing', () => {
    // two rows, three columns; the first row's first two cells merged (no rule at x=50 there)
    const horizontal = [h(0, 0, 150), h(20, 0, 150), h(40, 0, 150)];
    const vertical = [h(0, 0, 40), h(50, 20, 40), h(100, 0, 40), h(150, 0, 40)];
    const [grid] = gridsFromRules(horizontal, vertical);
    expect(grid.xs).toEqual([0, 50, 100, 150]);
    expect(grid.ys).toEqual([0, 20, 40]);
    expect(grid.regions).toEqual([
      { row: 0, col: 0, rowSpan: 1, colSpan: 2 },
      { row: 0, col: 2, rowSpan: 1, colSpan: 1 },
      { row: 1, col: 0, rowSpan: 1, colSpan: 1 },
      { row: 1, col: 1, rowSpan: 1, colSpan: 1 },
      { row: 1, col: 2, rowSpan: 1, colSpan: 1 },
    ]);
  });

  it('adds the top rule a table continued from the page before lacks', () => {
    const horizontal = [h(20, 0, 100), h(40, 0, 100)];
    const vertical = [h(0, 0, 40), h(50, 0, 40), h(100, 0, 40)];
    expect(gridsFromRules(horizontal, vertical)[0].ys).toEqual([0, 20, 40]);
  });
});

describe('normaliseRadicals', () => {
  it.each([
    ['⼈⺠', '人民'],
    ['⽤⼾', '用户'],
    ['⻔⼾⽹站', '门户网站'],
    ['全角６和　空格', '全角６和　空格'],
  ])('%s → %s', (text, expected) => {
    expect(normaliseRadicals(text)).toBe(expected);
  });
});
