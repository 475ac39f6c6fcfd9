/** R9 (the narrative's numbers against the tables), R10 (sections, publication date) and the deadline. */
import { describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from './sections.ts';
import type { Severity } from './types.ts';
import { saying, seedInput } from './validate.testing.ts';
import { publicationDeadline, type ValidationInput, validateReport } from './validate.ts';
import type { AgencyKind } from './vocabulary.ts';

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
    ['a government published on 31 March: on time', 'government', '2022-03-31', undefined, false],
    ['a government published on 1 February: on time', 'government', '2022-02-01', undefined, false],
    ['a government published on 1 April: late', 'government', '2022-04-01', undefined, true],
    ['a department unpublished on 1 February: late', 'department', null, '2022-02-01', true],
    ['a department unpublished on 31 January: not yet late', 'department', null, '2022-01-31', false],
    ['a government unpublished on 1 February: not yet late', 'government', null, '2022-02-01', false],
    ['a government unpublished on 1 April: late', 'government', null, '2022-04-01', true],
    ['unpublished and no today given: not checked', 'department', null, undefined, false],
    ['published on time, today long after', 'department', '2022-01-20', '2023-06-01', false],
  ])(
    '条例 第四十九条 (县级以上 governments and departments): %s',
    (_situation, agencyKind, publishedOn, today, late) => {
      const found = validateReport({ ...seedInput(), agencyKind, publishedOn, today });
      const r10 = found.filter((v) => v.code === 'R10');
      if (late) {
        expect(r10).toHaveLength(1);
        expect(r10[0]).toMatchObject({ severity: 'error', cells: [] });
        expect(r10[0].message).toContain(publicationDeadline(2021, agencyKind) ?? '');
        expect(r10[0].message).toContain('法定期限');
        expect(r10[0].message).toContain('（条例第四十九条）');
      } else {
        expect(r10).toEqual([]);
      }
    },
  );

  // 条例 第四十九条 names only 县级以上人民政府部门 and 县级以上地方人民政府: the other kinds publish by the
  // deadline they set themselves, and R10 says so instead of citing 第四十九条.
  it.each<[AgencyKind, string | null, string | null, string | undefined, 'late' | 'on time' | 'unset']>([
    ['development_zone', '01-31', '2022-02-01', undefined, 'late'],
    ['development_zone', '01-31', '2022-01-31', undefined, 'on time'],
    ['development_zone', '03-31', '2022-02-01', undefined, 'on time'],
    ['township', '03-31', '2022-04-01', undefined, 'late'],
    ['township', '03-31', null, '2022-04-01', 'late'],
    ['township', '03-31', null, '2022-03-31', 'on time'],
    ['other', '02-28', '2022-03-01', undefined, 'late'],
    ['other', '02-28', '2022-02-28', undefined, 'on time'],
    ['development_zone', null, '2022-06-01', undefined, 'unset'],
    ['township', null, null, '2022-06-01', 'unset'],
    ['other', null, '2022-01-10', undefined, 'unset'],
  ])(
    'R10 for a %s with its own deadline %s (published %s, today %s): %s',
    (agencyKind, reportDeadline, publishedOn, today, expected) => {
      const found = validateReport({ ...seedInput(), agencyKind, reportDeadline, publishedOn, today });
      const r10 = found.filter((v) => v.code === 'R10');
      if (expected === 'on time') return expect(r10).toEqual([]);
      expect(r10).toHaveLength(1);
      expect(r10[0].message).not.toContain('（条例第四十九条）');
      expect(r10[0].message).toContain('不适用条例第四十九条');
      if (expected === 'unset') {
        expect(r10[0]).toMatchObject({ severity: 'warning', cells: [] });
        expect(r10[0].message).toContain('尚未设定年度报告的发布期限');
        expect(r10[0].message).toContain('report_deadline');
      } else {
        expect(r10[0]).toMatchObject({ severity: 'error', cells: [] });
        expect(r10[0].message).toContain(`本机关设定的发布期限2022-${reportDeadline}`);
      }
    },
  );
});

describe('publicationDeadline', () => {
  it.each<[string, number, AgencyKind, string | null, string | null]>([
    ['a government’s consolidated report (第四十九条第二款)', 2021, 'government', null, '2022-03-31'],
    ['a department (第四十九条第一款)', 2021, 'department', null, '2022-01-31'],
    ['a department ignores an own deadline (第四十九条)', 2021, 'department', '06-30', '2022-01-31'],
    ['a development zone committee: its own deadline', 2021, 'development_zone', '01-31', '2022-01-31'],
    ['a development zone committee without one', 2021, 'development_zone', null, null],
    ['a township or street office: its own deadline', 2021, 'township', '03-31', '2022-03-31'],
    ['a township or street office without one', 2021, 'township', null, null],
    ['another agency: its own deadline', 2021, 'other', '02-28', '2022-02-28'],
    ['another agency without one', 2021, 'other', null, null],
    ['a department, report on a leap year', 2024, 'department', null, '2025-01-31'],
    ['a government, report on 2099', 2099, 'government', null, '2100-03-31'],
  ])('%s on %d: %s', (_situation, year, kind, own, deadline) => {
    expect(publicationDeadline(year, kind, own)).toBe(deadline);
  });
});
