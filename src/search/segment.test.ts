import { describe, expect, it } from 'vitest';
import { cutWords, indexTerms, indexText, normalize, segmentWords } from './segment.ts';

describe('indexTerms', () => {
  it.each([
    ['a two-character word stays whole', '低保', '低保'],
    ['a four-character phrase jieba cuts in two', '城乡低保', '城乡 低保'],
    ['a year and its unit: the number, and both as one term', '2021年', '2021 2021年'],
    ['年度 after a year: 2021年 too', '2021年度城乡低保资金', '2021 2021年 年度 城乡 低保 资金'],
    ['月份 after a number: 3月 too', '3月份', '3 3月 月份'],
    ['年度 without a number: no extra 年', '全年度', '全 年度'],
    ['letters and digits that touch are separate words', 'gb/t9704 g20', 'gb t 9704 g 20'],
    ['a standard number: letters and digits, no punctuation', 'GB/T 9704-2012', 'gb t 9704 2012'],
    ['full-width letters, digits and space are normalised', 'ＧＢ／Ｔ　９７０４', 'gb t 9704'],
    ['mixed Chinese and ASCII', 'COVID-19疫情防控', 'covid 19 疫情 防控'],
    ['a long word is kept as overlapping pieces', '城乡居民', '城乡 乡居 居民'],
    [
      '政府 is found inside a long proper noun',
      '中华人民共和国政府',
      '中华 华人 人民 民共 共和 和国 国政 政府',
    ],
    ['a three-character word: 许可 inside 许可证', '安全生产许可证', '安全 生产 许可 可证'],
    [
      'punctuation and stop characters are dropped',
      '关于印发《就业补贴办法》的通知',
      '关于 印发 就业 补贴 办法 通知',
    ],
    ['an unknown name falls apart into characters', '威临管发〔2021〕3号', '威 临 管 发 2021 3 3号'],
    ['accented letters stay in their word', 'Café naïve', 'café naïve'],
    ['CJK punctuation separates, CJK letters and numbers stay', '第〇号、々。一、二', '第 〇 号 々 一 二'],
    ['a run of letters longer than 64 is not a term', `${'x'.repeat(65)} ok`, 'ok'],
    ['64 letters are a term', `${'x'.repeat(64)}-1`, `${'x'.repeat(64)} 1`],
    ['a phone number: two terms', '电话：0631-5234567。', '电话 0631 5234567'],
    ['a date in ASCII', '2021.3.5_v2', '2021 3 5 v 2'],
    ['only punctuation', '《》、。！', ''],
  ])('%s: %s', (_situation, text, expected) => {
    expect(indexTerms(text).join(' ')).toBe(expected);
    expect(indexText(text)).toBe(expected);
  });

  it('keeps word offsets in the normalised text, so touching words can be told apart', () => {
    const words = segmentWords('2021年 低保');
    expect(words.map((w) => [w.text, w.start, w.end])).toEqual([
      ['2021', 0, 4],
      ['年', 4, 5],
      ['低保', 6, 8],
    ]);
  });
});

describe('segmentWords: each block cut alone gives the words of the whole text', () => {
  /** A seeded pseudo-random generator (xorshift), so a failure can be reproduced. */
  function random(seed: number): () => number {
    let x = seed;
    return () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 2 ** 32;
    };
  }
  const PIECES = [
    ...'低保城乡居民最低生活保障办法中华人民共和国政府信息公开条例年月日号'.split(''),
    '2021',
    '3',
    'gb/t',
    'covid-19',
    'café',
    'A股',
    'T恤',
    '5G',
    'c++',
    'c#',
    'c',
    ...' \t\n\r\n\u3000'.split(''),
    ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.split(''),
    ...'，。、：；！？《》（）〔〕【】「」“”‘’—…·～￥'.split(''),
    '①',
    '〇',
    '々',
    'ａｂ１２',
    '😀',
    '\u200b',
    '𠀀',
    '0631-5234567',
    'ab12cd',
    '2021.3.5',
    'x'.repeat(70),
    '9'.repeat(65),
    'y'.repeat(64),
    '\u0001',
    '\u007f',
  ];

  it('on 2,000 random texts of Han, letters, digits, punctuation, symbols and spaces', () => {
    const next = random(20261126);
    for (let n = 0; n < 2_000; n++) {
      const length = 1 + Math.floor(next() * 40);
      const text = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      // Twice: the second time the blocks come from the cache.
      for (let pass = 0; pass < 2; pass++) {
        const words = cutWords(normalize(text));
        expect(segmentWords(text), JSON.stringify(text)).toEqual(words);
        // indexText: the cached terms of each block, and ASCII blocks without jieba
        expect(indexText(text), JSON.stringify(text)).toBe(words.flatMap((w) => w.terms).join(' '));
      }
    }
  });

  it('returns words a caller may change without changing the cache', () => {
    const first = segmentWords('城乡低保资金');
    first[0].terms.push('x');
    first[0].start = 99;
    expect(segmentWords('城乡低保资金')).toEqual(cutWords('城乡低保资金'));
  });
});
