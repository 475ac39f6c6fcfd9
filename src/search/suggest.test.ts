import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { nearWords, suggestQuery } from './suggest.ts';
import { itemMaker, searchOn } from './test-items.ts';

describe('nearWords', () => {
  it.each([
    ['a homophone typed for 低', '底保', '低保'],
    ['two characters swapped', '保低', '低保'],
    ['a homophone typed for 请', '申清', '申请'],
    ['a homophone typed for 南', '指难', '指南'],
  ])('%s: %s → %s', (_situation, typed, meant) => {
    expect(nearWords(typed)).toContain(meant);
  });

  it.each([
    ['one character', '保'],
    ['letters', 'ab'],
    ['five characters', '城乡居民低保'],
  ])('no neighbours for %s', (_situation, typed) => {
    expect(nearWords(typed)).toEqual([]);
  });
});

describe('suggestQuery', () => {
  const held: Record<string, number> = { 低保: 30, 地保: 0, 保底: 2, 申请: 50 };
  const counts = async (words: readonly string[]) => words.map((w) => held[w] ?? 0);

  it.each([
    ['a homophone: the candidate the index holds most', '底保', ['底保'], '低保'],
    ['only the word that matched nothing changes', '申请 底保', ['申请', '底保'], '申请 低保'],
    ['a word without any replacement is left out', '申请 火星基地', ['申请', '火星基地'], '申请'],
    ['nothing to suggest when no word can be helped', '火星基地', ['火星基地'], null],
    ['nothing to suggest without words', '', [], null],
  ])('%s', async (_situation, text, words, expected) => {
    expect(await suggestQuery(text, words, counts)).toBe(expected);
  });
});

const item = itemMaker(7000);

describeEachDatabase('suggestions from the index', (use) => {
  const { index, add } = searchOn(use);

  it('counts words in the index, so only a word it holds is suggested', async () => {
    await add([
      item(1, { title: '城乡低保标准', bodyText: '低保' }),
      item(1, { title: '保底收购', bodyText: '' }),
    ]);
    const counts = await index().wordCounts(use().kysely, ['低保', '保底', '地保', '城乡低保', '的'], 100);
    expect(counts).toEqual([1, 1, 0, 1, 0]);
    const suggestion = await suggestQuery('底保', ['底保'], (words) =>
      index().wordCounts(use().kysely, words, 100),
    );
    expect(suggestion).toBe('低保');
  });
});
