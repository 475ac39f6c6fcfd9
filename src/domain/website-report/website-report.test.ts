import { describe, expect, it } from 'vitest';
import type { ColumnClass } from '../inspection/column-classes.ts';
import { checkManualValues, computedValues, fillRows, missingRows, type WebsiteReportFacts } from './fill.ts';
import { ROW_BY_CODE, rowName, WEBSITE_REPORT_ROWS } from './rows.ts';

function facts(over: Partial<WebsiteReportFacts> = {}): WebsiteReportFacts {
  return {
    year: 2026,
    agency: { name: '临港区教育局', websiteName: '临港区教育局网站', website: 'https://jy.lingang.gov.cn' },
    itemsByPlace: [
      { category: 'a20.1', columnCode: null, count: 4 },
      { category: 'a20.2', columnCode: null, count: 2 },
      { category: 'a20.15', columnCode: 'jyxw', count: 30 },
      { category: 'a20.11', columnCode: 'tzgg', count: 5 },
      { category: 'other', columnCode: null, count: 7 },
    ],
    columnClasses: new Map<string, ColumnClass>([
      ['column:jyxw', 'news'],
      ['column:tzgg', 'notice'],
      ['category:other', 'news'],
    ]),
    subColumns: [
      { code: 'jyxw', itemsInYear: 30, firstPublishedOn: '2024-03-01' },
      { code: 'tzgg', itemsInYear: 5, firstPublishedOn: '2026-02-01' },
      { code: 'old', itemsInYear: 0, firstPublishedOn: '2020-01-01' },
      { code: 'empty', itemsInYear: 0, firstPublishedOn: null },
    ],
    interpretations: 3,
    requests: 12,
    accounts: [
      { platform: 'wechat', name: '临港教育', postings: 120 },
      { platform: 'wechat', name: '临港招生', postings: 15 },
      { platform: 'douyin', name: '临港教育发布', postings: 9 },
    ],
    ...over,
  };
}

describe('computedValues', () => {
  const values = computedValues(facts());
  it.each([
    ['网站名称 from the agency’s settings', 'site.name', '临港区教育局网站'],
    ['主办单位: the agency', 'site.host', '临港区教育局'],
    ['信息发布 总数: every item of the year', 'publish.total', 48],
    ['概况类: 第二十条（二）', 'publish.overview', 2],
    [
      '新闻动态类: items in 动态要闻类 columns (a sub-column’s class, else its category’s)',
      'publish.news',
      37,
    ],
    ['信息公开目录: 第二十条（一）至（十五）, not 其他', 'publish.catalogue', 41],
    ['专栏专题 维护数量: sub-columns with items this year', 'columns.maintained', 2],
    ['专栏专题 新开设数量: sub-columns whose first item is this year’s', 'columns.opened', 1],
    ['解读材料数量', 'interpretation.materials', 3],
    ['申请 received this year', 'interaction.requests', 12],
    ['是否有移动新媒体', 'media.has', '是'],
    ['微信 名称: every account, joined', 'media.wechat.name', '临港教育、临港招生'],
    ['微信 信息发布量: their postings added', 'media.wechat.posts', 135],
    ['微博 with no account: empty', 'media.weibo.name', null],
    ['其他: each other platform’s account with its postings', 'media.other', '抖音“临港教育发布”（发布9条）'],
  ])('%s', (_, code, value) => {
    expect(values[code]).toEqual(value);
  });

  it.each([
    ['no account: 否', { accounts: [] }, 'media.has', '否'],
    [
      'no website name set: empty (the export asks for it)',
      { agency: { name: '甲', websiteName: '', website: '' } },
      'site.name',
      null,
    ],
  ])('%s', (_, over, code, value) => {
    expect(computedValues(facts(over))[code]).toEqual(value);
  });
});

describe('fillRows and missingRows', () => {
  it('keeps every row of the template in order, computed ones from the data and manual ones as stored', () => {
    const rows = fillRows(facts(), { 'site.icp': '鲁ICP备05002386号', 'publish.total': 999 });
    expect(rows.map((r) => r.code)).toEqual(WEBSITE_REPORT_ROWS.map((r) => r.code));
    expect(rows.find((r) => r.code === 'site.icp')?.value).toBe('鲁ICP备05002386号');
    // a stored value never overrides a computed row
    expect(rows.find((r) => r.code === 'publish.total')?.value).toBe(48);
  });

  it.each([
    ['all three 解读 rows filled: their sum', { 'interpretation.products': 2, 'interpretation.media': 1 }, 6],
    ['one of them empty: no total yet', { 'interpretation.products': 2 }, null],
  ])('解读信息发布 总数, %s', (_, manual, total) => {
    expect(fillRows(facts(), manual).find((r) => r.code === 'interpretation.total')?.value).toBe(total);
  });

  it.each([
    [
      'nothing filled: every required manual row, 微信 订阅数 (it has 微信), not 微博 关注量 (it has none)',
      {},
      [
        'ICP备案编号',
        '公安机关备案号',
        '独立用户访问总量',
        '网站总访问量',
        '解读信息发布解读产品数量',
        '解读信息发布媒体评论文章数量',
        '回应公众关注热点或重大舆情数量',
        '安全防护情况',
        '微信订阅数',
      ],
    ],
    [
      'every required row filled: nothing missing',
      {
        'site.icp': '鲁ICP备05002386号',
        'site.police': '37100202000123',
        'visits.unique': 10,
        'visits.total': 0,
        'interpretation.products': 0,
        'interpretation.media': 0,
        'interpretation.responses': 0,
        'security.account': '未发生安全事件。',
        'media.wechat.subscribers': 3000,
      },
      [],
    ],
  ])('%s', (_, manual, names) => {
    expect(missingRows(fillRows(facts(), manual)).map(rowName)).toEqual(names);
  });
});

describe('checkManualValues', () => {
  it.each([
    ['a count as a number', { 'visits.total': 120 }, { 'visits.total': 120 }],
    ['a count written as digits', { 'visits.total': ' 120 ' }, { 'visits.total': 120 }],
    ['a text trimmed', { 'site.icp': '  鲁ICP备1号 ' }, { 'site.icp': '鲁ICP备1号' }],
    ['an empty value clears the row', { 'site.icp': '' }, { 'site.icp': null }],
  ])('takes %s', (_, input, values) => {
    expect(checkManualValues(input)).toEqual({ values, problems: [] });
  });

  it.each([
    ['a negative count', { 'visits.total': -1 }, '“网站总访问量”应为不小于 0 的整数（单位：次）'],
    ['a fraction', { 'visits.unique': 1.5 }, '“独立用户访问总量”应为不小于 0 的整数（单位：个）'],
    ['a computed row', { 'publish.total': 3 }, '“信息发布总数”由平台按本年数据计算，不能填写'],
    ['an unknown row', { 'x.y': 1 }, '没有代码为“x.y”的报表项'],
    ['a number for a text', { 'site.icp': 5 }, '“ICP备案编号”应为文字'],
    [
      'a text too long',
      { 'security.account': '字'.repeat(2001) },
      '“安全防护情况”最多 2000 字，现为 2001 字',
    ],
  ])('refuses %s naming the row in Chinese', (_, input, message) => {
    const { problems } = checkManualValues(input);
    expect(problems.map((p) => p.message)).toEqual([message]);
  });

  it('knows every row by its code', () => {
    for (const row of WEBSITE_REPORT_ROWS) expect(ROW_BY_CODE.get(row.code)).toBe(row);
  });
});
