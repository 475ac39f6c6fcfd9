import { describe, expect, it } from 'vitest';
import { agencyGuideBody, columnNoteBody, readingPointBody } from './guide.ts';

const good = {
  office: '临港区党政办公室',
  address: '威海市临港区中韩路1号',
  postcode: '264200',
  officeHours: '工作日 8:30—17:30',
  phone: '0631-5700000',
};

const messages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);

describe('the guide settings', () => {
  it.each([
    ['everything required given', {}, []],
    ['an extension with 转', { phone: '0631-5700000转8001' }, []],
    ['the office missing', { office: '' }, ['请填写工作机构名称（如：临港区党政办公室）']],
    ['a five-digit postcode', { postcode: '26420' }, ['邮政编码应为6位数字（如：264200）']],
    [
      'letters in the phone',
      { phone: 'call us' },
      ['联系电话应为带区号的号码，只含数字、“-”和“转”（如：0631-5700000）'],
    ],
    [
      'too few digits',
      { phone: '12-34' },
      ['联系电话应为带区号的号码，只含数字、“-”和“转”（如：0631-5700000）'],
    ],
    [
      'no office hours',
      { officeHours: ' ' },
      ['请填写办公时间（如：工作日上午8:30—12:00，下午13:30—17:30）'],
    ],
    ['a bad email', { email: 'gongkai@' }, ['电子邮箱格式不正确（如：gongkai@example.gov.cn）']],
    ['fax taken without a number', { acceptsFax: true }, ['接受传真申请的，请填写传真号码']],
    ['email taken without an address', { acceptsEmail: true }, ['接受电子邮件申请的，请填写电子邮箱']],
    ['fax taken with a number', { acceptsFax: true, fax: '0631-5700001' }, []],
    ['a bad fax', { fax: 'x' }, ['传真号码应为带区号的号码，只含数字、“-”和“转”（如：0631-5700000）']],
  ])('%s', (_situation, change, expected) => {
    expect(messages(agencyGuideBody.safeParse({ ...good, ...change }))).toEqual(expected);
  });

  it('trims and fills the optional fields', () => {
    expect(agencyGuideBody.parse({ ...good, office: ' 临港区党政办公室 ' })).toEqual({
      ...good,
      fax: '',
      email: '',
      acceptsFax: false,
      acceptsEmail: false,
    });
  });
});

describe('a reading point', () => {
  const point = { name: '威海市档案馆', kind: 'archives', address: '威海市环翠区新威路1号' };
  it.each([
    ['complete', {}, []],
    ['an unknown kind', { kind: 'museum' }, ['场所类型应为档案馆、图书馆、政务服务中心或其他']],
    ['no name', { name: '' }, ['请填写查阅场所名称（如：威海市档案馆政府信息查阅中心）']],
    ['no address', { address: '' }, ['请填写查阅场所地址（如：威海市环翠区新威路1号）']],
    ['a negative order', { sort: -1 }, ['排序应为0至999的整数']],
  ])('%s', (_situation, change, expected) => {
    expect(messages(readingPointBody.safeParse({ ...point, ...change }))).toEqual(expected);
  });
});

describe('a column note', () => {
  it.each([
    ['a note', '本机关无行政收费事项', []],
    ['empty (removes it)', '', []],
    ['too long', '说'.repeat(501), ['备注说明最长 500 个字符']],
  ])('%s', (_situation, note, expected) => {
    expect(messages(columnNoteBody.safeParse({ note }))).toEqual(expected);
  });
});
