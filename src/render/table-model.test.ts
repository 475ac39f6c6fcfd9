import { describe, expect, it } from 'vitest';
import { formatById } from '../domain/report/formats/registry.ts';
import type { Cells } from '../domain/report/types.ts';
import { expandGrid } from './grid.ts';
import { buildTables } from './table-model.ts';

const {
  cellCodes: CELL_CODES,
  decimalCells: [DECIMAL_CELL],
} = formatById('2021');

const cells: Cells = Object.fromEntries(
  CELL_CODES.map((code, i) => [code, code === DECIMAL_CELL ? '0.35' : i]),
);
const tables = buildTables(cells, formatById('2021'));

describe('buildTables', () => {
  it('builds tables 二, 三 and 四 in order', () => {
    expect(tables.map((t) => t.id)).toEqual(['t2', 't3', 't4']);
  });

  it.each(tables.map((t) => [t.id, t] as const))(
    'table %s is rectangular once spans are expanded',
    (_id, table) => {
      const grid = expandGrid(table);
      expect(grid).toHaveLength(table.rows.length);
      for (const row of grid) expect(row).toHaveLength(table.columnWidths.length);
    },
  );

  it.each([
    ['t2', 4, 14],
    ['t3', 10, 28],
    ['t4', 15, 4],
  ])('table %s has %i columns and %i rows', (id, columns, rows) => {
    const table = tables.find((t) => t.id === id);
    expect(table?.columnWidths).toHaveLength(columns);
    expect(table?.rows).toHaveLength(rows);
  });

  it('places every cell code exactly once', () => {
    const codes = tables.flatMap((t) => t.rows.flat().flatMap((c) => (c.code ? [c.code] : [])));
    expect([...codes].sort()).toEqual([...CELL_CODES].sort());
  });

  it('shows whole numbers as is and the 万元 decimal string unchanged', () => {
    const all = tables.flatMap((t) => t.rows.flat());
    expect(all.find((c) => c.code === DECIMAL_CELL)?.text).toBe('0.35');
    const code = 't3.partial.business';
    expect(all.find((c) => c.code === code)?.text).toBe(String(cells[code]));
  });

  it('never marks a data cell as a header', () => {
    const dataCells = tables.flatMap((t) => t.rows.flat()).filter((c) => c.code);
    expect(dataCells.every((c) => !c.header)).toBe(true);
  });
});

describe('table 三 merges', () => {
  const t3 = expandGrid(tables[1]);
  const labelAt = (row: number, column: number) => t3[row][column].cell.text;

  it('puts the 勾稽 note in a header cell spanning the three header rows and label columns', () => {
    const note = tables[1].rows[0][0];
    expect(note).toMatchObject({ rowSpan: 3, colSpan: 3, header: true });
    expect(note.text).toContain('勾稽关系');
  });

  it.each([
    ['（三）不予公开', 8],
    ['（四）无法提供', 3],
    ['（五）不予处理', 5],
    ['（六）其他处理', 3],
    ['三、本年度办理结果', 22],
  ])('%s spans %i rows', (text, rowSpan) => {
    const cell = tables[1].rows.flat().find((c) => c.text === text);
    expect(cell?.rowSpan).toBe(rowSpan);
  });

  it('spans 一、 二、 四、 across the three label columns', () => {
    for (const row of [3, 4, 27]) {
      expect(t3[row][0].cell).toBe(t3[row][2].cell);
      expect(t3[row][0].cell.colSpan).toBe(3);
    }
    expect(labelAt(27, 0)).toBe('四、结转下年度继续办理');
  });

  it('keeps the 总计 column last and the 法人或其他组织 header over five columns', () => {
    expect(labelAt(1, 9)).toBe('总计');
    expect(labelAt(1, 4)).toBe('法人或其他组织');
    expect(labelAt(1, 8)).toBe('法人或其他组织');
    expect(labelAt(2, 3)).toBe('自然人');
  });
});

describe('table 四 headers', () => {
  const t4 = expandGrid(tables[2]);
  it('groups 行政诉讼 over ten columns and its two kinds over five each', () => {
    expect(t4[0][5].cell.text).toBe('行政诉讼');
    expect(t4[0][14].cell.text).toBe('行政诉讼');
    expect(t4[1][5].cell.text).toBe('未经复议直接起诉');
    expect(t4[1][10].cell.text).toBe('复议后起诉');
    expect(t4[2][0].cell.text).toBe('结果维持');
    expect(t4[3].map((s) => s.cell.code)).toEqual(CELL_CODES.filter((c) => c.startsWith('t4.')));
  });
});
