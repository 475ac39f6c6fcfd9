import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { facetLexemes, monthLexeme, monthNumber, monthStart } from './postgres-facets.ts';
import { RANK_LIMITS } from './ranking.ts';
import { searchIndexFor } from './search-index.ts';
import { indexItems } from './test-items.ts';
import type { SearchQuery } from './types.ts';

/**
 * The newest matches, by date, whatever way the index finds them (PostgreSQL looks month by month,
 * postgres-matches.ts): the same as sorting every match, with uneven months, filters, a year and
 * pages past the counted total.
 */
const SAVED = { ...RANK_LIMITS };
beforeAll(() => {
  Object.assign(RANK_LIMITS, { window: 5, totalCap: 60, cacheMs: 0 });
});
afterAll(() => {
  Object.assign(RANK_LIMITS, SAVED);
});

interface Made {
  id: number;
  publishedOn: string;
  rare: boolean;
  /** published in 2015–2017, the oldest three of the seven years */
  old: boolean;
  /** every third item: 167 matches, between two and four times the 61 matches wanted */
  third: boolean;
  validity: string;
}

// 500 items over 84 months (2015–2021), the later months fuller; 防汛 in every ninth; and one
// dated by its year only.
const made: Made[] = Array.from({ length: 500 }, (_, i) => {
  const month = 2015 * 12 + (((i * i) % 97) % 84);
  return {
    id: i + 1,
    publishedOn: `${monthStart(month).slice(0, 8)}${String((i % 28) + 1).padStart(2, '0')}`,
    rare: i % 9 === 0,
    old: month < 2018 * 12,
    third: i % 3 === 1,
    validity: i % 4 === 0 ? 'repealed' : 'valid',
  };
});

made.push({ id: 501, publishedOn: '2018', rare: false, old: false, third: true, validity: 'valid' });

const newestFirst = (list: Made[]): number[] =>
  [...list].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || b.id - a.id).map((m) => m.id);

describeEachDatabase('the newest matches', (use) => {
  beforeAll(async () => {
    await indexItems(
      use(),
      1,
      made.map((m) => ({
        id: m.id,
        title: m.rare ? '防汛公告' : '公告',
        bodyText: [m.old ? '档案 卷宗 馆藏' : '', m.third ? '规划' : ''].join(' '),
        publishedOn: m.publishedOn,
        validity: m.validity,
      })),
    );
    // The planner's estimate of 档案's matches (294 of 500) then exceeds 4 × 61: PostgreSQL's
    // search_newest goes back through empty windows instead of one last query.
    if (use().dialect === 'postgres') await sql`analyze search_documents`.execute(use().kysely);
  });

  const run = (text: string, more: Partial<SearchQuery> = {}) =>
    searchIndexFor(use().dialect).search(use().kysely, {
      text,
      agencyId: 1,
      sort: 'date',
      withMatchedIds: true,
      limit: 10,
      offset: 0,
      ...more,
    });

  it.each([
    ['a word in every item', '公告', {}, () => true],
    ['a word in every ninth', '防汛', {}, (m: Made) => m.rare],
    // more than twice the matches wanted: on PostgreSQL, month windows, not one query
    ['a word in every third', '规划', {}, (m: Made) => m.third],
    // nothing in the newest years: on PostgreSQL, windows with no match before the first one
    ['a word only in the oldest years', '档案', {}, (m: Made) => m.old],
    // the planner multiplies the words' frequencies (294 of 500 each: about 100 expected, under
    // 2 × 61): on PostgreSQL, the one query that would take them all finds more and windows follow
    ['three words that go together', '档案 卷宗 馆藏', {}, (m: Made) => m.old],
    ['a validity filter', '公告', { validity: 'repealed' }, (m: Made) => m.validity === 'repealed'],
    ['a year', '公告', { year: 2018 }, (m: Made) => m.publishedOn.startsWith('2018')],
    // fewer than wanted in the year: on PostgreSQL, windows down to its first month, then its
    // items without a month (item 501, dated 2018 only)
    ['a word in a year', '规划', { year: 2018 }, (m: Made) => m.third && m.publishedOn.startsWith('2018')],
  ])('%s: the counted matches are the newest, in order', async (_, text, more, holds) => {
    const expected = newestFirst(made.filter(holds));
    const result = await run(text, more);
    expect(result.matchedIds).toEqual(expected.slice(0, 60));
    expect(result.hits.map((h) => h.id)).toEqual(expected.slice(0, 10));
    expect(result.totalCapped ?? false).toBe(expected.length > 60);
  });

  it('a page past the counted total continues by date', async () => {
    const expected = newestFirst(made);
    const result = await run('公告', { offset: 100, limit: 20 });
    expect(result.hits.map((h) => h.id)).toEqual(expected.slice(100, 120));
  });
});

it('facet lexemes: a month as a number and back, and an item’s lexemes', () => {
  expect(monthStart(monthNumber('2021-03-15'))).toBe('2021-03-01');
  expect(monthStart(monthNumber('2020-12-31') + 1)).toBe('2021-01-01');
  expect(monthNumber('')).toBeNaN();
  expect(monthLexeme(monthNumber('2021-03-15'))).toBe('\uE000m202103');
  const item = { agencyId: 7, category: 'a20.3', documentType: 'policy', validity: 'valid' };
  expect(facetLexemes({ ...item, publishedOn: '2021-03-15' })).toEqual([
    '\uE000m202103',
    '\uE000a7',
    '\uE000ca20.3',
    '\uE000tpolicy',
    '\uE000vvalid',
  ]);
  expect(facetLexemes({ ...item, publishedOn: '' })).toHaveLength(4);
});
