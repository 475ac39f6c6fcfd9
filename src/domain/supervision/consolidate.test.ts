import { describe, expect, it } from 'vitest';
import { formatById } from '../report/formats/registry.ts';
import { consolidateCells, consolidatedViolations } from './consolidate.ts';

const F2021 = formatById('2021');

describe('consolidateCells', () => {
  it('adds whole cells, and amounts in 分 printed back in 万元', () => {
    const { cells, unread } = consolidateCells(F2021, [
      { agency: 'a', cells: { 't3.new.total': 3, 't2.fees.amount_wan': '0.35' } },
      { agency: 'b', cells: { 't3.new.total': 4, 't2.fees.amount_wan': '24252.311082' } },
    ]);
    expect(cells['t3.new.total']).toBe(7);
    expect(cells['t2.fees.amount_wan']).toBe('24252.661082');
    expect(unread).toEqual([]);
  });
  it('leaves out a cell nobody states, and names an amount it cannot read', () => {
    const { cells, unread } = consolidateCells(F2021, [
      { agency: 'a', cells: { 't2.fees.amount_wan': '约5万' } },
      { agency: 'b', cells: { 't2.fees.amount_wan': '1' } },
    ]);
    expect(cells['t2.fees.amount_wan']).toBe('1');
    expect(cells['t3.new.total']).toBeUndefined();
    expect(unread).toEqual([{ agency: 'a', cell: 't2.fees.amount_wan' }]);
  });
});

describe('consolidatedViolations', () => {
  it('checks the sums by the table rules only (no R9/R10: no text)', () => {
    const { cells } = consolidateCells(F2021, [
      { agency: 'a', cells: Object.fromEntries(F2021.cellCodes.map((c) => [c, 0])) },
    ]);
    cells['t3.new.total'] = 5; // a total without its columns
    const codes = consolidatedViolations(F2021, 2021, cells, null).map((v) => v.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'].includes(c))).toBe(true);
  });
});
