import { describe, expect, it } from 'vitest';
import { keyedCells, keyedObject, readHeader } from './columns.ts';
import { parseItemRow } from './parse-row.ts';

const TODAY = '2022-01-20';
const HEADER = [
  '标题',
  '正文',
  '类别',
  '发文机关',
  '文号',
  '成文日期',
  '发布日期',
  '有效性',
  '主题分类',
  '政策文件',
];
const GOOD = [
  '关于优化营商环境的实施意见',
  '<p>正文</p>',
  'a20.1',
  '某管委会',
  '某发〔2021〕1号',
  '2021-03-01',
  '2021-03-05',
  '有效',
  '综合政务',
  '是',
];

function row(changes: Record<string, unknown>) {
  const names = [...HEADER, ...Object.keys(changes).filter((k) => !HEADER.includes(k))];
  const cells = names.map((n) => (n in changes ? changes[n] : GOOD[HEADER.indexOf(n)]));
  return keyedCells(readHeader(names).keys, names, cells);
}

describe('parseItemRow: good rows', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'a policy document',
      {},
      { fields: expect.objectContaining({ category: 'a20.1', isPolicyDocument: true }) },
    ],
    [
      'dates as spreadsheets write them',
      { 成文日期: '2021/3/1', 发布日期: '2021年3月5日' },
      { publishedOn: '2021-03-05' },
    ],
    ['an XLSX date cell', { 发布日期: new Date(Date.UTC(2021, 2, 5)) }, { publishedOn: '2021-03-05' }],
    ['an Excel day number', { 发布日期: 44260 }, { publishedOn: '2021-03-05' }],
    [
      '有效性 in English',
      { 有效性: 'expired' },
      { fields: expect.objectContaining({ validity: 'expired' }) },
    ],
    ['an empty 有效性', { 有效性: '' }, { fields: expect.objectContaining({ validity: 'valid' }) }],
    ['the category by name', { 类别: '（七）' }, { fields: expect.objectContaining({ category: 'a20.7' }) }],
    [
      'an XLSX boolean',
      { 政策文件: false },
      { fields: expect.objectContaining({ isPolicyDocument: false }) },
    ],
    [
      'an interpretation pointing at a ref',
      { 政策文件: '否', 解读材料: '是', 解读对象: 'p-1', 编号: 'i-1' },
      { interprets: 'p-1', ref: 'i-1' },
    ],
    [
      'postings on two channels',
      { 其他渠道: 'wechat https://mp.weixin.qq.com/s/a；weibo 2021-03-06 https://weibo.com/1' },
      {
        postings: [
          { channel: 'wechat', link: 'https://mp.weixin.qq.com/s/a', postedOn: null },
          { channel: 'weibo', link: 'https://weibo.com/1', postedOn: '2021-03-06' },
        ],
      },
    ],
  ])('accepts %s', (_situation, changes, expected) => {
    const parsed = parseItemRow(row(changes), TODAY);
    expect(parsed).toEqual({ ok: true, item: expect.objectContaining(expected) });
  });
});

describe('parseItemRow: bad rows name the column', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an empty title', { 标题: '  ' }, '列“标题”不能为空'],
    ['a date that does not exist', { 发布日期: '2021-02-30' }, '列“发布日期”的值“2021-02-30”不是有效日期'],
    ['a missing formed date', { 成文日期: '' }, '列“成文日期”缺失'],
    ['an unknown category', { 类别: 'a20.16' }, '列“类别”的值“a20.16”不是第二十条的类别'],
    ['an unknown validity', { 有效性: '暂停' }, '列“有效性”的值“暂停”应为 有效、失效 或 废止'],
    ['a flag that is neither yes nor no', { 政策文件: '也许' }, '列“政策文件”的值“也许”应为“是”或“否”'],
    [
      'published before formed',
      { 发布日期: '2021-02-28' },
      '列“发布日期”：发布日期 2021-02-28 早于成文日期 2021-03-01',
    ],
    ['published after today', { 发布日期: '2022-02-01' }, '不能晚于今天'],
    [
      'policy and interpretation at once',
      { 解读材料: '是' },
      '列“解读材料”：一条信息不能既是政策文件又是解读材料',
    ],
    [
      'interprets without the flag',
      { 政策文件: '否', 解读对象: 'p-1' },
      '列“解读对象”：有解读对象的信息应同时在列“解读材料”填“是”',
    ],
    [
      'a posting without a link',
      { 其他渠道: 'wechat' },
      '列“其他渠道”中渠道 wechat 的链接应以 http:// 或 https:// 开头',
    ],
    [
      'a posting before the formed date',
      { 其他渠道: 'wechat 2021-01-01 https://x.cn/1' },
      '渠道 wechat 的发布日期 2021-01-01',
    ],
  ])('%s', (_situation, changes, mentions) => {
    const parsed = parseItemRow(row(changes), TODAY);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('；')).toContain(mentions);
  });

  it('names a JSON Lines field as a field', () => {
    const { row: keyed } = keyedObject({
      title: 'T',
      category: 'a20.1',
      formedOn: '2021-03-01',
      publishedOn: 'x',
    });
    const parsed = parseItemRow(keyed, TODAY, '字段');
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      '字段“publishedOn”的值“x”不是有效日期，请写成 YYYY-MM-DD',
    ]);
  });
});

describe('readHeader', () => {
  it.each<[string, string[], string[]]>([
    ['Chinese names', ['标题', '类别', '成文日期', '发布日期'], []],
    ['English keys, any case, a trailing *', ['Title*', 'category', 'formedOn', 'PUBLISHEDON'], []],
    ['an unknown column', ['标题', '类别', '成文日期', '发布日期', '备注'], ['未知的列“备注”']],
    ['a repeated column', ['标题', 'title', '类别', '成文日期', '发布日期'], ['列“title”与列“标题”重复']],
    ['a missing required column', ['标题', '类别', '成文日期'], ['缺少必填的列“发布日期”']],
  ])('%s', (_situation, names, mentions) => {
    const { problems } = readHeader(names);
    expect(problems).toHaveLength(mentions.length);
    mentions.forEach((m, i) => {
      expect(problems[i]).toContain(m);
    });
  });
});
