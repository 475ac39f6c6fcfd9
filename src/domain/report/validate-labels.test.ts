/**
 * Issue 13: every message of R1–R10 names cells as people read the printed tables (表三“（七）总计”行
 * “自然人”列), never by code (t3.total.natural_person), in both formats.
 */
import { describe, expect, it } from 'vitest';
import { cellLabel } from './cell-labels.ts';
import { formatById } from './formats/registry.ts';
import type { Cells } from './types.ts';
import { broken, saying, seedInput, set } from './validate.testing.ts';
import { type ValidationInput, validateReport } from './validate.ts';

/** A raw cell code, or anything shaped like one (a.b.c). */
const RAW_CODE = /\bt\d\.|[a-z]+\.[a-z]+\.[a-z]+/;

/** The seed in the 2019 format: its cells as that format has them, all zero but what a row sets. */
function in2019(cells: Cells = {}, previous: Cells | null = null): ValidationInput {
  const format = formatById('2019');
  const zero = Object.fromEntries(format.cellCodes.map((code) => [code, 0]));
  return {
    ...seedInput(),
    format,
    year: 2020,
    cells: { ...zero, ...cells },
    previousCells: previous,
    sections: seedInput().sections.map((s) => ({ ...s, text: s.text ? '本年度工作情况。' : s.text })),
  };
}

/** The input with a cell left out (not stated). */
function without(input: ValidationInput, code: string): ValidationInput {
  delete input.cells[code];
  return input;
}

describe('R1–R10 name cells in Chinese, never by code (both formats)', () => {
  it.each<[string, string, ValidationInput, RegExp]>([
    [
      'R1',
      'a business request carried out, never received',
      broken(set({ 't3.carried_out.business': 1 })),
      /表三/,
    ],
    [
      'R2',
      'mixed item decisions not counted as partial',
      { ...seedInput(), mixedItemsNotPartial: 2 },
      /表三/,
    ],
    ['R3', 'an outcome row without its total', broken(set({ 't3.denied.state_secret.research': 1 })), /表三/],
    ['R4', 'a row total not the sum of its columns', broken(set({ 't3.unable.unclear.total': 1 })), /表三/],
    ['R5', 'a reconsideration upheld, the total left', broken(set({ 't4.review.upheld': 1 })), /表四/],
    ['R6', 'a negative count', broken(set({ 't3.partial.natural_person': -1 })), /表三/],
    ['R6', 'a count written as text', broken(set({ 't4.suit_direct.pending': '两' })), /表四/],
    ['R6', 'a missing cell', broken((i) => delete i.cells['t2.normative.valid']), /表二/],
    ['R6', 'a fee amount with seven decimals', broken(set({ 't2.fees.amount_wan': '0.1234567' })), /表二/],
    ['R7', 'carried in differs from last year', broken(set({ 't3.carried_in.natural_person': 9 })), /表三/],
    ['R8', 'a valid count that does not follow', broken(set({ 't2.regulation.valid': 5 })), /表二/],
    ['R9', 'the narrative misstates the requests received', saying('本年新收政府信息公开申请7件。'), /表三/],
    ['R9', 'the narrative misstates 现行有效 (two cells)', saying('现行有效件数99件。'), /表二/],
    ['R10', 'a late publication', { ...seedInput(), publishedOn: '2022-02-01' }, /报告/],
    [
      'R10',
      'a section missing',
      broken((i) => {
        i.sections = i.sections.filter((_, n) => n !== 2);
      }),
      /部分/,
    ],
    [
      'R1',
      '2019 format: a request carried out, never received',
      in2019({ 't3.carried_out.research': 1 }),
      /表三/,
    ],
    ['R4', '2019 format: （六）其他处理 row total wrong', in2019({ 't3.other.total': 3 }), /表三/],
    ['R6', '2019 format: 政府集中采购 not stated', without(in2019(), 't2.procurement.projects'), /表二/],
    ['R6', '2019 format: 本年增/减 not whole', in2019({ 't2.license.items_change': 1.5 }), /表二/],
    [
      'R7',
      '2019 format: carried in differs from last year',
      in2019({}, { 't3.carried_out.total': 4, 't3.carried_out.natural_person': 4 }),
      /表三/,
    ],
  ])('%s: %s', (rule, _situation, input, table) => {
    const found = validateReport(input).filter((v) => v.code === rule);
    expect(found.length, JSON.stringify(validateReport(input))).toBeGreaterThan(0);
    for (const v of found) {
      expect(v.message).not.toMatch(RAW_CODE);
      expect(v.message).toMatch(table);
    }
    for (const v of validateReport(input)) expect(v.message).not.toMatch(RAW_CODE);
  });
});

describe('cellLabel', () => {
  it.each<[string, '2019' | '2021', string, string]>([
    ['table 三, a fixed row', '2021', 't3.total.natural_person', '表三“（七）总计”行“自然人”列'],
    [
      'table 三, an organisation column',
      '2021',
      't3.new.business',
      '表三“一、本年新收政府信息公开申请数量”行“法人或其他组织·商业企业”列',
    ],
    [
      'table 三, 部分公开 without the format’s note',
      '2021',
      't3.partial.total',
      '表三“（二）部分公开”行“总计”列',
    ],
    [
      'table 三, a row inside its group',
      '2021',
      't3.denied.state_secret.total',
      '表三“（三）不予公开 1.属于国家秘密”行“总计”列',
    ],
    [
      'table 三, the 2019 single （六） row',
      '2019',
      't3.other.other_org',
      '表三“（六）其他处理”行“法人或其他组织·其他”列',
    ],
    ['table 四, 行政复议', '2021', 't4.review.upheld', '表四“行政复议”的“结果维持”'],
    ['table 四, a lawsuit group', '2019', 't4.suit_after_review.total', '表四“行政诉讼·复议后起诉”的“总计”'],
    ['table 二, 2021 (一)', '2021', 't2.regulation.valid', '表二第二十条第（一）项“规章”行“现行有效件数”列'],
    [
      'table 二, 2021 (八)',
      '2021',
      't2.fees.amount_wan',
      '表二第二十条第（八）项“行政事业性收费”行“本年收费金额（单位：万元）”列',
    ],
    [
      'table 二, 2019 (一)',
      '2019',
      't2.normative.published_total',
      '表二第二十条第（一）项“规范性文件”行“对外公开总数量”列',
    ],
    [
      'table 二, 2019 (九)',
      '2019',
      't2.procurement.amount_yuan',
      '表二第二十条第（九）项“政府集中采购”行“采购总金额（元）”列',
    ],
    ['a cell the format does not have', '2021', 't2.procurement.projects', '表二中本格式没有的一项'],
  ])('%s', (_situation, format, code, label) => {
    expect(cellLabel(formatById(format), code)).toBe(label);
  });

  it('gives every cell of both formats its own label, with no code in it', () => {
    for (const format of [formatById('2019'), formatById('2021')]) {
      const labels = format.cellCodes.map((code) => cellLabel(format, code));
      expect(new Set(labels).size).toBe(labels.length);
      for (const label of labels) expect(label).not.toMatch(RAW_CODE);
    }
  });
});
