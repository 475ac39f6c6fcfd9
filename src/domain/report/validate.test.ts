import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/fixtures/seed-report.ts';
import { printedSections } from './build.ts';
import { formatById } from './formats/registry.ts';
import { REPORT_SECTIONS } from './sections.ts';
import type { Cells, Severity } from './types.ts';
import { publicationDeadline, type ValidationInput, validateReport } from './validate.ts';
import type { AgencyKind } from './vocabulary.ts';

const seed = seedReport();

/** The seed report as the rules read it: a fresh copy each time, ready to break. */
function seedInput(): ValidationInput {
  return {
    format: formatById('2021'),
    year: 2021,
    agencyKind: 'development_zone',
    cells: { ...seed.cells },
    previousCells: seed.previousCells ? { ...seed.previousCells } : null,
    sections: printedSections(seed.narrative, formatById('2021')),
    publishedOn: '2022-01-28',
  };
}

function broken(change: (input: ValidationInput) => void): ValidationInput {
  const input = seedInput();
  change(input);
  return input;
}

const set =
  (values: Cells) =>
  (input: ValidationInput): void => {
    Object.assign(input.cells, values);
  };

/** The seed with the narrative of section 一 replaced by one sentence. */
function saying(text: string, cells: Cells = {}): ValidationInput {
  return broken((input) => {
    Object.assign(input.cells, cells);
    input.sections = input.sections.map((s, i) => (i === 0 ? { ...s, text } : s));
  });
}

const expectViolation = (input: ValidationInput, code: string, severity: Severity, cells: string[]): void => {
  expect(validateReport(input)).toContainEqual(
    expect.objectContaining({ code, severity, cells: expect.arrayContaining(cells) }),
  );
};

describe('validateReport on the seed', () => {
  it('finds nothing wrong with the seed report', () => {
    expect(validateReport(seedInput())).toEqual([]);
  });

  it('finds nothing wrong with the seed report without its previous year', () => {
    expect(validateReport({ ...seedInput(), previousCells: null })).toEqual([]);
  });
});

describe('each rule catches a broken report', () => {
  it.each<[string, ValidationInput, string, Severity, string[]]>([
    [
      'R1: a business request carried out that was never received',
      broken(set({ 't3.carried_out.business': 1, 't3.carried_out.total': 1 })),
      'R1',
      'error',
      ['t3.new.business', 't3.carried_in.business', 't3.total.business', 't3.carried_out.business'],
    ],
    [
      'R1: the total column does not balance either',
      broken(set({ 't3.carried_out.business': 1, 't3.carried_out.total': 1 })),
      'R1',
      'error',
      ['t3.carried_out.total'],
    ],
    [
      'R2: a request with mixed item decisions not counted as partial',
      { ...seedInput(), mixedItemsNotPartial: 1 },
      'R2',
      'error',
      ['t3.partial.total'],
    ],
    [
      'R3: an outcome row counted without its total',
      broken(set({ 't3.denied.state_secret.research': 1, 't3.denied.state_secret.total': 1 })),
      'R3',
      'error',
      ['t3.total.research'],
    ],
    [
      'R4: a row total that is not the sum of its columns',
      broken(set({ 't3.unable.unclear.total': 1 })),
      'R4',
      'error',
      ['t3.unable.unclear.total'],
    ],
    [
      'R5: a reconsideration upheld but the group total left at 0',
      broken(set({ 't4.review.upheld': 1 })),
      'R5',
      'error',
      ['t4.review.total'],
    ],
    [
      'R5: a direct suit pending with a wrong total',
      broken(set({ 't4.suit_direct.pending': 2, 't4.suit_direct.total': 1 })),
      'R5',
      'error',
      ['t4.suit_direct.total'],
    ],
    [
      'R6: a negative count',
      broken(set({ 't3.granted.business': -1 })),
      'R6',
      'error',
      ['t3.granted.business'],
    ],
    [
      'R6: a fractional count',
      broken(set({ 't2.license.decisions': 5416.5 })),
      'R6',
      'error',
      ['t2.license.decisions'],
    ],
    [
      'R6: a count written as text',
      broken(set({ 't2.penalty.decisions': '271' })),
      'R6',
      'error',
      ['t2.penalty.decisions'],
    ],
    [
      'R6: a missing cell',
      broken((input) => {
        delete input.cells['t4.suit_direct.pending'];
      }),
      'R6',
      'error',
      ['t4.suit_direct.pending'],
    ],
    [
      'R6: a fee amount with five decimals',
      broken(set({ 't2.fees.amount_wan': '706.00001' })),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R6: a negative fee amount',
      broken(set({ 't2.fees.amount_wan': '-1' })),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R6: a fee amount in exponent notation',
      broken(set({ 't2.fees.amount_wan': '7.06e2' })),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R6: a fee amount given as a negative number',
      broken(set({ 't2.fees.amount_wan': -3 })),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R6: a fee amount given as a number with five decimals',
      broken(set({ 't2.fees.amount_wan': 0.00001 })),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R6: a missing fee amount',
      broken((input) => {
        delete input.cells['t2.fees.amount_wan'];
      }),
      'R6',
      'error',
      ['t2.fees.amount_wan'],
    ],
    [
      'R7: last year carried two requests out, this year carries none in',
      broken((input) => {
        Object.assign(input.previousCells ?? {}, {
          't3.carried_out.natural_person': 2,
          't3.carried_out.total': 2,
        });
      }),
      'R7',
      'error',
      ['t3.carried_in.natural_person'],
    ],
    [
      'R8: last year’s valid count does not lead to this year’s',
      broken((input) => {
        Object.assign(input.previousCells ?? {}, { 't2.normative.valid': 5 });
      }),
      'R8',
      'warning',
      ['t2.normative.valid'],
    ],
    [
      'R8: a 规章 valid this year that was never issued',
      broken(set({ 't2.regulation.valid': 1 })),
      'R8',
      'warning',
      ['t2.regulation.valid'],
    ],
    [
      'R9: the narrative misstates the requests received',
      saying('本年新收政府信息公开申请7件。'),
      'R9',
      'error',
      ['t3.new.total'],
    ],
    ['R10: a late publication', { ...seedInput(), publishedOn: '2022-02-01' }, 'R10', 'error', []],
  ])('%s', (_situation, input, code, severity, cells) => {
    expectViolation(input, code, severity, cells);
  });

  it.each([
    ['a fee amount as text', { 't2.fees.amount_wan': '0.35' }],
    ['a fee amount as a number', { 't2.fees.amount_wan': 706 }],
    ['a zero fee amount', { 't2.fees.amount_wan': '0' }],
  ])('R6 accepts %s', (_situation, cells) => {
    expect(validateReport(broken(set(cells))).filter((v) => v.code === 'R6')).toEqual([]);
  });

  it('R8 is the only warning a lapsed document raises (the report still validates)', () => {
    const found = validateReport(
      broken((input) => {
        Object.assign(input.previousCells ?? {}, { 't2.normative.valid': 7 });
      }),
    );
    expect(found.map((v) => [v.code, v.severity])).toEqual([['R8', 'warning']]);
  });

  it('R7 and R8 are skipped without the previous year', () => {
    const input = broken(set({ 't3.carried_in.natural_person': 1, 't3.new.natural_person': 5 }));
    input.previousCells = null;
    expect(validateReport(input).filter((v) => v.code === 'R7' || v.code === 'R8')).toEqual([]);
  });
});

describe('R9: numbers in the narrative against the tables', () => {
  it.each<[string, ValidationInput, string[]]>([
    ['本年新收 one too many', saying('本年新收政府信息公开申请7件。'), ['t3.new.total']],
    ['予以公开 overstated', saying('从办理结果情况看，予以公开2件。'), ['t3.granted.total']],
    ['部分公开 understated', saying('部分公开1件。'), ['t3.partial.total']],
    [
      '行政复议 claimed where the table has none',
      saying('因政府信息公开被申请行政复议1件。'),
      ['t4.review.total'],
    ],
    [
      '行政诉讼 claimed where the table has none',
      saying('被提起行政诉讼2件。'),
      ['t4.suit_direct.total', 't4.suit_after_review.total'],
    ],
    [
      '现行有效件数 off by one',
      saying('截至2021年12月31日，现行有效件数12件。'),
      ['t2.regulation.valid', 't2.normative.valid'],
    ],
    ['上年结转 claimed where the table has none', saying('上年结转1件。'), ['t3.carried_in.total']],
    [
      '结转下年度 claimed where the table has none',
      saying('结转下年度继续办理1件。'),
      ['t3.carried_out.total'],
    ],
    ['依法依规处理 understated', saying('依法依规处理5件。'), ['t3.total.total']],
    [
      '“无…行政复议和行政诉讼” while table 四 has a reconsideration',
      saying('无因政府信息公开引起的行政复议和行政诉讼。', { 't4.review.pending': 1, 't4.review.total': 1 }),
      ['t4.review.total'],
    ],
    [
      '“无…行政复议和行政诉讼” while table 四 has a direct suit',
      saying('无因政府信息公开引起的行政复议和行政诉讼。', {
        't4.suit_direct.upheld': 1,
        't4.suit_direct.total': 1,
      }),
      ['t4.suit_direct.total', 't4.suit_after_review.total'],
    ],
  ])('fires: %s', (_situation, input, cells) => {
    const r9 = validateReport(input).filter((v) => v.code === 'R9');
    expect(r9).toHaveLength(1);
    expect(r9[0]).toMatchObject({ severity: 'error', cells });
  });

  it.each<[string, ValidationInput]>([
    ['the seed’s own narrative', seedInput()],
    [
      '“逾期不补正做其他处理1件” while 其他 (other.other) is 0: the longest phrase wins',
      saying('申请人无正当理由逾期不补正做其他处理1件。'),
    ],
    [
      'the correct figures',
      saying('本年新收政府信息公开申请6件，予以公开1件，部分公开2件，现行有效件数11件。'),
    ],
    ['“无…行政复议和行政诉讼” when table 四 is empty', saying('无因政府信息公开引起的行政复议和行政诉讼。')],
    ['a number that is not a table quantity', saying('组织开展政务公开业务培训会议2次。')],
  ])('does not fire: %s', (_situation, input) => {
    expect(validateReport(input).filter((v) => v.code === 'R9')).toEqual([]);
  });
});

describe('R10: sections and publication date', () => {
  const headings = REPORT_SECTIONS.map((s) => s.heading);
  const withSections = (list: string[], texts: Record<string, string> = {}): ValidationInput => ({
    ...seedInput(),
    sections: list.map((heading) => ({ heading, text: texts[heading] ?? '（正文）' })),
  });

  it.each<[string, ValidationInput, Severity, string]>([
    ['section 四 missing', withSections(headings.filter((_, i) => i !== 3)), 'error', '缺少'],
    [
      'sections 五 and 六 swapped',
      withSections([...headings.slice(0, 4), headings[5], headings[4]]),
      'error',
      '位置不对',
    ],
    [
      'a heading not in the format’s words',
      withSections([...headings.slice(0, 5), '六、其他事项']),
      'error',
      '六、其他需要报告的事项',
    ],
    ['section 一 empty', withSections(headings, { '一、总体情况': '' }), 'warning', '一、总体情况'],
    [
      'section 五 only blanks',
      withSections(headings, { '五、存在的主要问题及改进情况': '  \n ' }),
      'warning',
      '五、存在的主要问题',
    ],
  ])('%s', (_situation, input, severity, words) => {
    const r10 = validateReport(input).filter((v) => v.code === 'R10');
    expect(r10.length).toBeGreaterThan(0);
    expect(r10).toContainEqual(
      expect.objectContaining({ severity, cells: [], message: expect.stringContaining(words) }),
    );
  });

  it('does not warn about an empty section 六', () => {
    const input = withSections(headings, { '六、其他需要报告的事项': '' });
    expect(validateReport(input).filter((v) => v.code === 'R10')).toEqual([]);
  });

  it.each<[string, AgencyKind, string | null, string | undefined, boolean]>([
    ['a department published on 31 January: on time', 'department', '2022-01-31', undefined, false],
    ['a department published on 1 February: late', 'department', '2022-02-01', undefined, true],
    ['a development zone published on 1 February: late', 'development_zone', '2022-02-01', undefined, true],
    ['a government published on 31 March: on time', 'government', '2022-03-31', undefined, false],
    ['a government published on 1 February: on time', 'government', '2022-02-01', undefined, false],
    ['a government published on 1 April: late', 'government', '2022-04-01', undefined, true],
    ['a department unpublished on 1 February: late', 'department', null, '2022-02-01', true],
    ['a department unpublished on 31 January: not yet late', 'department', null, '2022-01-31', false],
    ['a government unpublished on 1 February: not yet late', 'government', null, '2022-02-01', false],
    ['a government unpublished on 1 April: late', 'government', null, '2022-04-01', true],
    ['unpublished and no today given: not checked', 'department', null, undefined, false],
    ['published on time, today long after', 'department', '2022-01-20', '2023-06-01', false],
  ])('%s', (_situation, agencyKind, publishedOn, today, late) => {
    const found = validateReport({ ...seedInput(), agencyKind, publishedOn, today });
    const r10 = found.filter((v) => v.code === 'R10');
    if (late) {
      expect(r10).toHaveLength(1);
      expect(r10[0]).toMatchObject({ severity: 'error', cells: [] });
      expect(r10[0].message).toContain(publicationDeadline(2021, agencyKind));
    } else {
      expect(r10).toEqual([]);
    }
  });
});

describe('publicationDeadline', () => {
  it.each<[string, number, AgencyKind, string]>([
    ['a government’s consolidated report', 2021, 'government', '2022-03-31'],
    ['a department', 2021, 'department', '2022-01-31'],
    ['a development zone committee', 2021, 'development_zone', '2022-01-31'],
    ['a township or street office', 2021, 'township', '2022-01-31'],
    ['another agency', 2021, 'other', '2022-01-31'],
    ['a department, report on a leap year', 2024, 'department', '2025-01-31'],
    ['a government, report on 2099', 2099, 'government', '2100-03-31'],
  ])('%s on %d: %s', (_situation, year, kind, deadline) => {
    expect(publicationDeadline(year, kind)).toBe(deadline);
  });
});

describe('violations are well formed', () => {
  it('carry the rule name and a Chinese message', () => {
    const found = validateReport(broken(set({ 't4.review.upheld': 1 })));
    expect(found).toEqual([
      {
        code: 'R5',
        rule: '复议诉讼总计等于各结果之和',
        severity: 'error',
        cells: ['t4.review.total'],
        message: '表四“行政复议”：总计为0，而结果维持、结果纠正、其他结果与尚未审结之和为1。',
      },
    ]);
  });
});
