import { describe, expect, it } from 'vitest';
import { dateOfKey, dayNumber, docKey, facetTerms, facetText, itemIdOf } from './sqlite-terms.ts';
import type { IndexableItem } from './types.ts';

describe('docKey', () => {
  it.each([
    ['the first day', '1900-01-01', 7, 7],
    ['a day and an item', '2021-03-05', 42, 44_258 * 2 ** 32 + 42],
    ['a timestamp: its date', '2021-03-05T23:59:59Z', 42, 44_258 * 2 ** 32 + 42],
    ['before 1900: clamped to the first day', '1899-12-31', 5, 5],
    ['not a date: the first day', 'soon', 9, 9],
  ])('%s: %s, item %d', (_situation, publishedOn, itemId, expected) => {
    // Twice: the second time the day comes from the memo.
    expect(docKey(publishedOn, itemId)).toBe(expected);
    expect(docKey(publishedOn, itemId)).toBe(expected);
  });

  it.each([
    ['2021-03-05', 42],
    ['1970-01-01', 1],
    ['2024-02-29', 4_294_967_295],
  ])('gives back the day and the item: %s, %d', (publishedOn, itemId) => {
    const key = docKey(publishedOn, itemId);
    expect(dateOfKey(key)).toBe(publishedOn);
    expect(itemIdOf(key)).toBe(itemId);
    expect(Math.floor(key / 2 ** 32)).toBe(dayNumber(publishedOn));
  });
});

describe('facetText and facetTerms', () => {
  const item: IndexableItem = {
    id: 1,
    agencyId: 3,
    title: '',
    bodyText: '',
    docNumber: null,
    category: 'A20.1',
    publishedOn: '2021-03-05',
    validity: 'valid',
    documentType: 'policy',
  };

  it.each([
    ['the values as they are', item, '\uE000a3 \uE000ca20x1 \uE000y2021 \uE000tpolicy \uE000vvalid'],
    [
      'other characters as x',
      { ...item, category: '其他 类', validity: 'Ex-pired' },
      '\uE000a3 \uE000cxxxx \uE000y2021 \uE000tpolicy \uE000vexxpired',
    ],
  ])('%s', (_situation, indexed, expected) => {
    // Twice: the second time the values come from the memo.
    expect(facetText(indexed)).toBe(expected);
    expect(facetText(indexed)).toBe(expected);
  });

  it('a query asks for the terms its item was indexed with', () => {
    const terms = facetTerms({
      text: '',
      limit: 10,
      offset: 0,
      agencyId: 3,
      category: 'A20.1',
      year: 2021,
      documentType: 'policy',
      validity: 'valid',
    });
    expect(terms.join(' ')).toBe(facetText(item));
  });
});
