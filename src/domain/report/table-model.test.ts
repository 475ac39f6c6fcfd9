import { describe, expect, it } from 'vitest';
import { formatById } from './formats/registry.ts';
import { cellNames, data, head, label, type TableModel } from './table-model.ts';

/** A table with a merged row label and a two-level column header. */
const SMALL: TableModel = {
  id: 't3',
  columnWidths: [1, 1, 1, 1],
  rows: [
    [head('事项', { rowSpan: 2, colSpan: 2 }), head('申请人情况', { colSpan: 2 })],
    [head('自然人'), head('法人')],
    [label('一、本年新收', { colSpan: 2 }), data({}, 'new.person'), data({}, 'new.legal')],
    [
      label('二、结果', { rowSpan: 2 }),
      label('予以公开'),
      data({}, 'granted.person'),
      data({}, 'granted.legal'),
    ],
    [label('不予公开'), data({}, 'denied.person'), data({}, 'denied.legal')],
    [head('第二十条第（八）项', { colSpan: 4 })],
    [head('信息内容', { colSpan: 2 }), head('收费金额', { colSpan: 2 })],
    [label('行政事业性收费', { colSpan: 2 }), data({}, 'fees.amount', 2)],
  ],
};

describe('cellNames', () => {
  it.each([
    [
      'a cell under a two-level header, its row label merged over two columns',
      'new.person',
      '一、本年新收 · 申请人情况 · 自然人',
    ],
    ['a cell in the second column of headers', 'new.legal', '一、本年新收 · 申请人情况 · 法人'],
    [
      'a cell whose row group label spans two rows (first row)',
      'granted.legal',
      '二、结果 · 予以公开 · 申请人情况 · 法人',
    ],
    [
      'a cell in the second row of a merged row group',
      'denied.person',
      '二、结果 · 不予公开 · 申请人情况 · 自然人',
    ],
    [
      'a cell of a second block of rows, under its own headers',
      'fees.amount',
      '行政事业性收费 · 第二十条第（八）项 · 收费金额',
    ],
  ])('%s', (_situation, code, name) => {
    expect(cellNames(SMALL)[code]).toBe(name);
  });

  it('names every data cell of the 2021 format’s three tables in Chinese', () => {
    for (const table of formatById('2021').tables({})) {
      const names = cellNames(table);
      const codes = table.rows.flat().flatMap((cell) => (cell.code ? [cell.code] : []));
      expect(Object.keys(names).sort()).toEqual([...new Set(codes)].sort());
      for (const name of Object.values(names)) expect(name).toMatch(/^[^a-z_]+$/);
    }
  });
});
