import { describe, expect, it } from 'vitest';
import { type CatalogEntryFields, entryProblems } from './entry.ts';
import { suggestColumns } from './mapping.ts';
import { readCatalogSheet, sheetProblemText, ticked } from './sheet.ts';

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
