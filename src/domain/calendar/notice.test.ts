import { describe, expect, it } from 'vitest';
import { parseHolidayNotice } from './notice.ts';
import { parseCalendarOverrides, parseCalendarSettings } from './overrides.ts';

const valid = {
  year: 2027,
  documentNumber: '国办发明电〔2026〕测试号',
  holidays: ['2027-01-03', '2027-01-01', '2027-01-02'],
  workdays: ['2027-02-20'],
};

describe('parseHolidayNotice', () => {
  it('accepts a notice and sorts its dates', () => {
    const parsed = parseHolidayNotice({ ...valid, title: '关于2027年部分节假日安排的通知' });
    expect(parsed).toEqual({
      ok: true,
      value: {
        ...valid,
        title: '关于2027年部分节假日安排的通知',
        holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      },
    });
  });

  it.each([
    ['not an object', [], '', 'JSON 对象'],
    ['a two-digit year', { ...valid, year: 27 }, 'year', '整数年份'],
    ['no document number', { ...valid, documentNumber: ' ' }, 'documentNumber', '文号'],
    ['no holidays', { ...valid, holidays: [] }, 'holidays', '至少一天'],
    ['workdays missing', { ...valid, workdays: undefined }, 'workdays', '没有调休时写 []'],
    ['an impossible date', { ...valid, holidays: ['2027-02-30'] }, 'holidays[0]', '不是有效日期'],
    ['a date of another year', { ...valid, holidays: ['2026-12-31'] }, 'holidays[0]', '不在 2027 年内'],
    ['a date twice', { ...valid, holidays: ['2027-01-01', '2027-01-01'] }, 'holidays[1]', '重复'],
    ['a make-up day on a Wednesday', { ...valid, workdays: ['2027-02-03'] }, 'workdays[0]', '星期三'],
    [
      'a day both off and worked',
      { ...valid, holidays: ['2027-02-20'], workdays: ['2027-02-20'] },
      'workdays[0]',
      '既放假又上班',
    ],
    ['a misspelt field', { ...valid, holiday: [] }, 'holiday', '未知字段'],
  ])('refuses %s, naming the field', (_situation, json, field, message) => {
    const parsed = parseHolidayNotice(json);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toContainEqual({ field, message: expect.stringContaining(message) });
    expect(parsed.problems.find((p) => p.field === field)?.message).toContain(field);
  });
});

describe('parseCalendarOverrides and parseCalendarSettings', () => {
  it('accepts overrides and a settings file with a notice', () => {
    const overrides = [{ date: '2026-02-13', kind: 'holiday', source: '沪府办〔2026〕1号' }];
    expect(parseCalendarOverrides(overrides)).toEqual({ ok: true, value: overrides });
    expect(parseCalendarSettings({ notices: [valid], overrides })).toMatchObject({
      ok: true,
      value: { notices: [{ year: 2027 }], overrides },
    });
    expect(parseCalendarSettings({})).toEqual({ ok: true, value: { notices: [], overrides: [] } });
  });

  it.each([
    ['overrides not a list', { overrides: {} }, 'overrides'],
    [
      'a bad override date',
      { overrides: [{ date: '2026-13-01', kind: 'holiday', source: 'x' }] },
      'overrides[0].date',
    ],
    [
      'a bad override kind',
      { overrides: [{ date: '2026-02-13', kind: 'off', source: 'x' }] },
      'overrides[0].kind',
    ],
    [
      'an override without source',
      { overrides: [{ date: '2026-02-13', kind: 'holiday' }] },
      'overrides[0].source',
    ],
    [
      'the same date overridden twice',
      {
        overrides: [
          { date: '2026-02-13', kind: 'holiday', source: 'x' },
          { date: '2026-02-13', kind: 'workday', source: 'y' },
        ],
      },
      'overrides[1].date',
    ],
    ['a bad notice inside', { notices: [{ ...valid, year: 'x' }] }, 'notices[0].year'],
    ['an unknown top-level field', { notice: [] }, 'notice'],
  ])('refuses %s, naming the field', (_situation, json, field) => {
    const parsed = parseCalendarSettings(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.field)).toContain(field);
  });
});
