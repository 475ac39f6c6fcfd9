import { describe, expect, it } from 'vitest';
import { applicationChannels, type ChannelSettings } from './application-channels.ts';
import { blankColumns, catalogueColumns, columnKey, emptyColumnText } from './column-notes.ts';
import { readingPointKindLabel } from './reading-points.ts';

const settings: ChannelSettings = {
  address: '威海市临港区中韩路1号',
  postcode: '264200',
  office: '临港区党政办公室',
  officeHours: '工作日 8:30—12:00，13:30—17:30',
  fax: '0631-5700001',
  email: 'gongkai@lingang.example.cn',
  acceptsFax: false,
  acceptsEmail: false,
};

describe('the ways to apply the guide lists', () => {
  it.each([
    ['neither fax nor email taken', {}, ['online', 'letter', 'in_person']],
    ['fax taken', { acceptsFax: true }, ['online', 'letter', 'in_person', 'fax']],
    ['email taken', { acceptsEmail: true }, ['online', 'letter', 'in_person', 'email']],
    [
      'both taken',
      { acceptsFax: true, acceptsEmail: true },
      ['online', 'letter', 'in_person', 'fax', 'email'],
    ],
    [
      'fax taken but no number set: not offered',
      { acceptsFax: true, fax: ' ' },
      ['online', 'letter', 'in_person'],
    ],
    [
      'email taken but no address set: not offered',
      { acceptsEmail: true, email: '' },
      ['online', 'letter', 'in_person'],
    ],
  ] as const)('%s', (_situation, change, expected) => {
    expect(applicationChannels({ ...settings, ...change }).map((c) => c.channel)).toEqual(expected);
  });

  it.each([
    ['letter', '邮寄至威海市临港区中韩路1号（邮政编码264200）临港区党政办公室'],
    ['in_person', '办公时间：工作日 8:30—12:00，13:30—17:30。'],
    ['letter', '条例第三十一条第（二）项'],
    ['in_person', '条例第三十一条第（一）项'],
    ['online', '条例第三十一条第（三）项'],
  ] as const)('the %s channel says %s', (channel, text) => {
    const found = applicationChannels(settings).find((c) => c.channel === channel);
    expect(`${found?.how}${found?.received}`).toContain(text);
  });

  it('an agency without particulars still tells where, in general words', () => {
    const bare = { ...settings, address: '', postcode: '', office: '', officeHours: '' };
    const letter = applicationChannels(bare).find((c) => c.channel === 'letter');
    expect(letter?.how).toBe(
      '下载并填写纸质申请表，邮寄至本机关办公地址本机关政府信息公开工作机构，请在信封上注明“政府信息公开申请”字样。',
    );
  });
});

describe('column notes', () => {
  const columns = catalogueColumns(
    { categories: new Map([['a20.1', 3]]), columns: new Map([['zcjd', 2]]) },
    [{ code: 'zcjd', name: '政策解读' }],
    new Map([[columnKey('category', 'a20.8'), '本机关无行政事业性收费项目。']]),
  );

  it.each([
    ['a category with items', 'category', 'a20.1', false],
    ['an empty category with a note', 'category', 'a20.8', false],
    ['an empty category without a note', 'category', 'a20.9', true],
    ['a sub-column with items', 'column', 'zcjd', false],
    ['公开制度 added though the agency has no such column, empty without a note', 'column', 'gkzd', true],
  ] as const)('%s: blank = %s', (_situation, scope, code, blank) => {
    expect(blankColumns(columns).some((c) => c.scope === scope && c.code === code)).toBe(blank);
  });

  it('lists the sixteen categories and the sub-columns, 公开制度 once', () => {
    expect(columns).toHaveLength(18);
    const again = catalogueColumns(
      { categories: new Map(), columns: new Map() },
      [{ code: 'gkzd', name: '公开制度' }],
      new Map(),
    );
    expect(again.filter((c) => c.code === 'gkzd').map((c) => c.name)).toEqual(['公开制度']);
  });

  it.each([
    ['a note', '本机关无行政收费事项', '本机关无行政收费事项'],
    ['no note', undefined, '暂无信息'],
    ['a blank note', '  ', '暂无信息'],
  ] as const)('an empty column with %s says %s', (_situation, note, text) => {
    expect(emptyColumnText(note)).toBe(text);
  });

  it.each([
    ['archives', '档案馆'],
    ['service_center', '政务服务中心'],
    ['unknown', 'unknown'],
  ])('reading point kind %s reads %s', (kind, label) => {
    expect(readingPointKindLabel(kind)).toBe(label);
  });
});
