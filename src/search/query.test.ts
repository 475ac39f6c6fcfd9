import { describe, expect, it } from 'vitest';
import { MAX_GROUPS, parseQuery, toFts5Match, toTsQuery } from './query.ts';

describe('parseQuery', () => {
  it.each([
    ['a two-character word', '低保', '"低保"', "'低保'"],
    ['two words are AND-ed', '城乡 低保', '"城乡" AND "低保"', "'城乡' & '低保'"],
    [
      'a year with 年 is one term (the index has 2021年 before 2021年度 too)',
      '2021年 低保',
      '"2021年" AND "低保"',
      "'2021年' & '低保'",
    ],
    [
      'a year with 年度 is the same phrase as indexed',
      '2021年度',
      '"2021年" + "年度"',
      "('2021年' <-> '年度')",
    ],
    ['a month and a day', '10月1日', '"10月" AND "1日"', "'10月' & '1日'"],
    ['a standard number is one phrase', 'GB/T 9704', '"gb" + "t" + "9704"', "('gb' <-> 't' <-> '9704')"],
    [
      'letters then digits are one phrase',
      'ISO 9001 质量',
      '"iso" + "9001" AND "质量"',
      "('iso' <-> '9001') & '质量'",
    ],
    ['two years are two terms', '2021 2022', '"2021" AND "2022"', "'2021' & '2022'"],
    ['quotes make a phrase', '"城乡低保"', '"城乡" + "低保"', "('城乡' <-> '低保')"],
    ['Chinese quotes make a phrase', '“就业 补贴”', '"就业" + "补贴"', "('就业' <-> '补贴')"],
    ['an unclosed quote is plain text', '"城乡 低保', '"城乡" AND "低保"', "'城乡' & '低保'"],
    [
      'a long word is a phrase of its pieces',
      '城乡居民',
      '("城乡" + "乡居" + "居民" OR "城乡" + "居民")',
      "('城乡' <-> '乡居' <-> '居民' | '城乡' <-> '居民')",
    ],
    [
      'a 文号: the name’s characters and the number are phrases',
      '威临管发〔2021〕3号',
      '"威" + "临" + "管" + "发" AND "2021" + "3" + "3号"',
      "('威' <-> '临' <-> '管' <-> '发') & ('2021' <-> '3' <-> '3号')",
    ],
    ['a three-character word has no other cut', '许可证', '"许可" + "可证"', "('许可' <-> '可证')"],
    ['the same word twice counts once', '低保 低保', '"低保"', "'低保'"],
    ['upper case is folded', 'PDF', '"pdf"', "'pdf'"],
  ])('%s: %s', (_situation, text, fts5, tsquery) => {
    const parsed = parseQuery(text);
    expect(toFts5Match(parsed)).toBe(fts5);
    expect(toTsQuery(parsed)).toBe(tsquery);
  });

  it.each([
    ['an empty query', ''],
    ['spaces only', '   '],
    ['a lone quote', '"'],
    ['a star', '*'],
    ['a backslash', '\\'],
    ['punctuation only', '()《》:^-+'],
    ['stop characters only', '的 了 和'],
  ])('%s has no terms, so no results: %s', (_situation, text) => {
    expect(parseQuery(text).groups).toEqual([]);
  });

  it.each([
    ['FTS5 operators are plain words', 'a OR b NOT c', '"a" + "or" + "b" + "not" + "c"'],
    ['NEAR( is a word', 'NEAR(低保', '"near" AND "低保"'],
    ['a column filter is not one', 'title:低保', '"title" AND "低保"'],
    ['quotes inside words cannot break out', `it's "a`, '"it" + "s" AND "a"'],
  ])('hostile input is only terms: %s', (_situation, text, fts5) => {
    expect(toFts5Match(parseQuery(text))).toBe(fts5);
  });

  it(`keeps at most ${MAX_GROUPS} groups`, () => {
    const text = Array.from({ length: 40 }, (_, i) => `${i + 1}号文件`).join(' ');
    expect(parseQuery(text).groups.length).toBe(MAX_GROUPS);
  });
});
