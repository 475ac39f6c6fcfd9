import { describe, expect, it } from 'vitest';
import { chineseDaysData } from '../calendar/chinese-days-data.ts';
import { createWorkCalendar } from '../calendar/work-calendar.ts';
import {
  type DeadlineRule,
  describeDeadline,
  dueAfterEvent,
  parseDeadline,
  periodAt,
  periodDueOn,
} from './deadline.ts';
import { type CatalogEntryFields, entryProblems } from './entry.ts';
import { checkEntry } from './lapse.ts';
import { suggestColumns } from './mapping.ts';
import { readCatalogSheet, sheetProblemText, ticked } from './sheet.ts';

const calendar = createWorkCalendar({ base: chineseDaysData });

describe('公开时限 as catalogues write it', () => {
  it.each<[string, DeadlineRule, string]>([
    [
      '信息形成或变更之日起20个工作日内',
      { kind: 'after_event', event: '信息形成或变更', days: 20, unit: 'working' },
      '信息形成或变更之日起20个工作日内（按事件计时，不按日期检查）',
    ],
    [
      '信息形成或者变更之日起20个工作日内',
      { kind: 'after_event', event: '信息形成或者变更', days: 20, unit: 'working' },
      '信息形成或者变更之日起20个工作日内（按事件计时，不按日期检查）',
    ],
    [
      '自预算批复后20日内',
      { kind: 'after_event', event: '预算批复', days: 20, unit: 'calendar' },
      '预算批复之日起20日内（按事件计时，不按日期检查）',
    ],
    [
      '本级人民代表大会或其常务委员会批准后20日内',
      { kind: 'after_event', event: '本级人民代表大会或其常务委员会批准', days: 20, unit: 'calendar' },
      '本级人民代表大会或其常务委员会批准之日起20日内（按事件计时，不按日期检查）',
    ],
    [
      '20工作日',
      { kind: 'after_event', event: '', days: 20, unit: 'working' },
      '事项发生之日起20个工作日内（按事件计时，不按日期检查）',
    ],
    [
      '信息形成（变更）二十个工作日内',
      { kind: 'after_event', event: '信息形成(变更)', days: 20, unit: 'working' },
      '信息形成(变更)之日起20个工作日内（按事件计时，不按日期检查）',
    ],
    [
      '文件公开后3个工作日内',
      { kind: 'after_event', event: '文件公开', days: 3, unit: 'working' },
      '文件公开之日起3个工作日内（按事件计时，不按日期检查）',
    ],
    [
      '项目批准后1个月内',
      { kind: 'after_event', event: '项目批准', days: 1, unit: 'month' },
      '项目批准之日起1个月内（按事件计时，不按日期检查）',
    ],
    [
      '每年9月底前',
      { kind: 'periodic', period: 'year', due: { at: 'date', month: 9, day: 'end' } },
      '每年9月底前',
    ],
    [
      '每年3月31日前',
      { kind: 'periodic', period: 'year', due: { at: 'date', month: 3, day: 31 } },
      '每年3月31日前',
    ],
    [
      '次年１月３１日前',
      { kind: 'periodic', period: 'year', due: { at: 'date', month: 1, day: 31 } },
      '每年1月31日前',
    ],
    ['每季度', { kind: 'periodic', period: 'quarter', due: { at: 'end' } }, '每季度结束前（当季度最后一日）'],
    [
      '按季度公开',
      { kind: 'periodic', period: 'quarter', due: { at: 'end' } },
      '每季度结束前（当季度最后一日）',
    ],
    [
      '每季度结束后15日内',
      { kind: 'periodic', period: 'quarter', due: { at: 'after_end', days: 15, unit: 'calendar' } },
      '每季度结束后15日内',
    ],
    [
      '年度终了后3个月内',
      { kind: 'periodic', period: 'year', due: { at: 'after_end', days: 3, unit: 'month' } },
      '每年结束后3个月内',
    ],
    [
      '每月10日前',
      { kind: 'periodic', period: 'month', due: { at: 'date', month: null, day: 10 } },
      '每月10日前',
    ],
    ['每月', { kind: 'periodic', period: 'month', due: { at: 'end' } }, '每月结束前（当月最后一日）'],
    ['每半年', { kind: 'periodic', period: 'half', due: { at: 'end' } }, '每半年结束前（当半年最后一日）'],
    ['实时', { kind: 'unchecked', reason: 'realtime' }, '无法自动检查：实时公开，没有固定日期'],
    ['实时公开', { kind: 'unchecked', reason: 'realtime' }, '无法自动检查：实时公开，没有固定日期'],
    ['长期公开', { kind: 'unchecked', reason: 'standing' }, '无法自动检查：长期公开，没有固定日期'],
    ['按要求及时公开', { kind: 'unchecked', reason: 'timely' }, '无法自动检查：“及时公开”没有具体期限'],
    ['及时公开', { kind: 'unchecked', reason: 'timely' }, '无法自动检查：“及时公开”没有具体期限'],
    ['同上', { kind: 'unchecked', reason: 'timely' }, '无法自动检查：“及时公开”没有具体期限'],
    ['视情况而定', { kind: 'unchecked', reason: 'unknown' }, '无法自动检查：未能识别期限'],
    ['', { kind: 'unchecked', reason: 'unknown' }, '无法自动检查：未能识别期限'],
  ])('“%s”', (text, rule, label) => {
    expect(parseDeadline(text)).toEqual(rule);
    expect(describeDeadline(parseDeadline(text))).toBe(label);
  });

  it.each([
    ['a quarter', 'quarter', '2026-05-20', 0, { start: '2026-04-01', end: '2026-06-30' }],
    [
      'the quarter before, across a year',
      'quarter',
      '2026-02-01',
      -1,
      { start: '2025-10-01', end: '2025-12-31' },
    ],
    ['a half year', 'half', '2026-09-01', 0, { start: '2026-07-01', end: '2026-12-31' }],
    ['February of a leap year', 'month', '2028-02-10', 0, { start: '2028-02-01', end: '2028-02-29' }],
  ] as const)('periods: %s', (_, kind, date, offset, span) => {
    expect(periodAt(kind, date, offset)).toEqual(span);
  });

  it('counts working days on the official calendar (国庆 2025: 10 working days after 09-30 is 10-21)', () => {
    const rule = parseDeadline('每季度结束后10个工作日内');
    if (rule.kind !== 'periodic') throw new Error('periodic expected');
    expect(periodDueOn(periodAt('quarter', '2025-08-01'), rule.due, calendar)).toBe('2025-10-21');
    const event = parseDeadline('信息形成或变更之日起20个工作日内');
    if (event.kind !== 'after_event') throw new Error('event expected');
    // 2026 春节: 20 working days after 01-30 fall on 03-05
    expect(dueAfterEvent(event, '2026-01-30', calendar)).toBe('2026-03-05');
  });
});

describe('标准目录事项逾期未公开 (an entry on the inspected day)', () => {
  const yearly = parseDeadline('每年9月底前');
  const quarterly = parseDeadline('每季度结束后15日内');
  it.each([
    ['nothing since the year began, 9月底 passed', yearly, [], '2026-10-03', 'lapsed', '2026-09-30', -3],
    [
      'published in June: fine until next year',
      yearly,
      ['2026-06-01'],
      '2026-10-03',
      'ok',
      '2027-09-30',
      362,
    ],
    ['nothing yet, 5 days before 9月底', yearly, ['2025-09-01'], '2026-09-25', 'alarm', '2026-09-30', 5],
    ['nothing yet, 8 days before 9月底', yearly, ['2025-09-01'], '2026-09-22', 'ok', '2026-09-30', 8],
    [
      'last quarter never published, its 15 days passed',
      quarterly,
      ['2026-03-01'],
      '2026-07-20',
      'lapsed',
      '2026-07-15',
      -5,
    ],
    [
      'last quarter due in 3 days, nothing since it began',
      quarterly,
      [],
      '2026-07-12',
      'alarm',
      '2026-07-15',
      3,
    ],
    [
      'an item after the day does not count',
      yearly,
      ['2026-10-05'],
      '2026-10-03',
      'lapsed',
      '2026-09-30',
      -3,
    ],
  ] as const)('%s', (_, rule, published, today, state, dueOn, daysLeft) => {
    expect(checkEntry(rule, published, true, today, calendar)).toMatchObject({ state, dueOn, daysLeft });
  });

  it('does not check by date what is timed from an event or has no date, nor an entry without columns', () => {
    expect(
      checkEntry(parseDeadline('信息形成或变更之日起20个工作日内'), [], true, '2026-10-03', calendar).state,
    ).toBe('unchecked');
    expect(checkEntry(parseDeadline('长期公开'), [], true, '2026-10-03', calendar).state).toBe('unchecked');
    expect(checkEntry(yearly, [], false, '2026-10-03', calendar).state).toBe('unmapped');
  });
});

const FIELDS: CatalogEntryFields = {
  seq: 1,
  domain: '财政预决算',
  level1: '财政预决算',
  level2: '政府预算',
  content: '一般公共预算收入表',
  basis: '《中华人民共和国预算法》',
  deadline: '本级人民代表大会或其常务委员会批准后20日内',
  subject: '县财政局',
  channels: '■政府网站',
  audience: ['all'],
  manner: ['active'],
  levels: ['县级'],
  columns: ['category:a20.7'],
};

describe('an entry’s fields', () => {
  it('accepts a full entry', () => {
    expect(entryProblems(FIELDS, new Set(['category:a20.7']))).toEqual([]);
  });
  it('names each missing or bad field in Chinese', () => {
    const problems = entryProblems(
      { ...FIELDS, level1: ' ', deadline: '', manner: [], seq: 0, columns: ['column:nope'] },
      new Set(['category:a20.7']),
    );
    expect(problems.map((p) => p.field)).toEqual(['level1', 'deadline', 'seq', 'manner', 'columns']);
    expect(problems[0]?.message).toBe('请填写“一级事项”');
    expect(problems[4]?.message).toContain('column:nope');
  });
});

/** The 赛罕区 / 永修县 layout: a title, a two-row header with merged groups and ticked sub-columns. */
const GRID = [
  [
    '财政预决算领域基层政务公开标准目录',
    '财政预决算领域基层政务公开标准目录',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ],
  [
    '序号',
    '公开事项',
    '公开事项',
    '公开内容（要素）',
    '公开依据',
    '公开时限',
    '公开主体',
    '公开渠道和载体',
    '公开对象',
    '公开对象',
    '公开方式',
    '公开方式',
    '公开层级',
    '公开层级',
  ],
  [
    '序号',
    '一级事项',
    '二级事项',
    '公开内容（要素）',
    '公开依据',
    '公开时限',
    '公开主体',
    '公开渠道和载体',
    '全社会',
    '特定群体',
    '主动',
    '依申请',
    '县级',
    '乡级',
  ],
  [
    '1',
    '财政预决算',
    '政府预算',
    '一般公共预算收入表',
    '《预算法》',
    '本级人民代表大会或其常务委员会批准后20日内',
    '县财政局',
    '■政府网站',
    '√',
    '',
    '√',
    '',
    '√',
    '',
  ],
  // 一级事项 merged down: the reader gives the value in every cell of the merge
  [
    '2',
    '财政预决算',
    '部门决算',
    '部门决算表',
    '《预算法》',
    '每年9月底前',
    '县财政局',
    '■政府网站',
    '√',
    '',
    '√',
    '√',
    '√',
    '√',
  ],
  ['', '', '', '', '', '', '', '', '', '', '', '', '', ''],
  [
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
    '说明：没有数据的表格应当列出空表并说明。',
  ],
  [
    '3',
    '财政预决算',
    '三公经费',
    '三公经费预算',
    '《预算法》',
    '',
    '县财政局',
    '■政府网站',
    '有',
    '',
    '',
    '',
    '',
    '',
  ],
];

describe('reading a catalogue sheet', () => {
  it('finds the header under a title, reads merged groups and ticks, skips note rows, names row and column', () => {
    const sheet = readCatalogSheet(GRID, new Set());
    expect(sheet.domain).toBe('财政预决算');
    expect(sheet.headerRow).toBe(2);
    expect(
      sheet.entries.map((e) => [e.row, e.fields.level2, e.fields.audience, e.fields.manner, e.fields.levels]),
    ).toEqual([
      [4, '政府预算', ['all'], ['active'], ['县级']],
      [5, '部门决算', ['all'], ['active', 'on_request'], ['县级', '乡级']],
    ]);
    expect(sheet.entries[0]?.fields).toMatchObject({
      seq: 1,
      domain: '财政预决算',
      level1: '财政预决算',
      subject: '县财政局',
    });
    expect(sheet.skipped.map((s) => s.row)).toEqual([7]);
    expect(sheet.problems.map(sheetProblemText)).toEqual([
      '第8行“公开对象·全社会”列：应打“√”或留空，收到“有”',
      '第8行“公开时限”列：请填写“公开时限”',
      '第8行“公开方式·主动”列：请选择“公开方式”（主动或依申请，可多选）',
    ]);
  });

  it('reads a one-row header with the words in the cells (公开对象 全社会, 公开方式 主动公开, 公开层级 县级、乡级)', () => {
    const sheet = readCatalogSheet(
      [
        [
          '领域',
          '一级事项',
          '二级事项',
          '公开内容',
          '公开依据',
          '公开时限',
          '公开主体',
          '公开渠道',
          '公开对象',
          '公开方式',
          '公开层级',
        ],
        [
          '重大建设项目领域',
          '批准服务信息',
          '办事指南',
          '申报材料清单',
          '条例',
          '实时公开',
          '审批部门',
          '政府网站',
          '全社会',
          '主动公开',
          '县级、乡级',
        ],
      ],
      new Set(),
    );
    expect(sheet.problems).toEqual([]);
    expect(sheet.entries[0]?.fields).toMatchObject({
      domain: '重大建设项目',
      audience: ['all'],
      manner: ['active'],
      levels: ['县级', '乡级'],
    });
  });

  it('says so when there is no header', () => {
    expect(readCatalogSheet([['姓名', '电话']], new Set()).problems[0]?.message).toContain('未找到表头');
  });

  it.each([
    ['√', true],
    ['✓', true],
    ['■', true],
    ['', false],
    ['□', false],
    ['有', null],
  ])('a tick cell “%s”', (text, value) => {
    expect(ticked(text)).toBe(value);
  });
});

describe('suggested columns', () => {
  const columns = [
    { key: 'category:a20.7', name: '（七）财政预算、决算信息' },
    { key: 'category:a20.10', name: '（十）重大建设项目的批准和实施情况' },
    { key: 'column:gkzd', name: '政府信息公开制度' },
  ];
  // the search index's terms (jieba), as a fixed table here
  const terms = (text: string) =>
    ['财政', '预算', '决算', '重大', '建设', '项目', '批准', '政府', '信息', '公开', '制度'].filter((w) =>
      text.includes(w),
    );
  it('matches 一级/二级事项 words with column names, common words aside', () => {
    expect(
      suggestColumns({ domain: '财政预决算', level1: '财政预决算', level2: '政府预算' }, columns, terms),
    ).toEqual([{ key: 'category:a20.7', name: '（七）财政预算、决算信息', words: ['财政', '预算', '决算'] }]);
    expect(
      suggestColumns({ domain: '重大建设项目', level1: '批准服务信息', level2: '' }, columns, terms)[0]?.key,
    ).toBe('category:a20.10');
    expect(suggestColumns({ domain: '', level1: '政府信息', level2: '' }, columns, terms)).toEqual([]);
  });
});
