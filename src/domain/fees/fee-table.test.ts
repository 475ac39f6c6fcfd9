import { describe, expect, it } from 'vitest';
import { feeTable } from './fee-table.ts';

describe('the fee table the guide prints, read off the schedules', () => {
  const { rows, pieceStep } = feeTable();
  it.each([
    [0, '按件计收', '10件以下（含10件）', '不收费'],
    [1, '按件计收', '11—30件（含30件）的部分', '100元/件'],
    [2, '按件计收', '31—40件（含40件）的部分', '200元/件'],
    [3, '按件计收', '41—50件（含50件）的部分', '300元/件'],
    [4, '按量计收', '30页以下（含30页）', '不收费'],
    [5, '按量计收', '31—100页（含100页）的部分', '10元/页'],
    [6, '按量计收', '101—200页（含200页）的部分', '20元/页'],
    [7, '按量计收', '201页以上的部分', '40元/页'],
  ])('row %i: %s %s %s', (i, method, range, rate) => {
    expect(rows[i]).toMatchObject({ methodLabel: method, range, rate });
  });

  it('has eight rows and says how the piece bands go on', () => {
    expect(rows).toHaveLength(8);
    expect(pieceStep).toBe('以此类推，每增加10件，收费标准提高100元/件');
  });

  it('shows more piece bands when asked', () => {
    expect(feeTable(5).rows[4]).toMatchObject({ range: '51—60件（含60件）的部分', rate: '400元/件' });
  });
});
