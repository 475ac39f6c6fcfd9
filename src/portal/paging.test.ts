import { describe, expect, it } from 'vitest';
import { pageCount, pageRedirect, requestedPage, withPage } from './paging.ts';

describe('requestedPage', () => {
  it.each([
    ['absent', undefined, null],
    ['the first page', '1', 1],
    ['page 3', '3', 3],
    ['leading zeros', '007', 7],
    ['zero', '0', null],
    ['negative', '-3', null],
    ['not a number', 'abc', null],
    ['a fraction', '1.5', null],
    ['hexadecimal', '0x10', null],
    ['empty', '', null],
    ['far past anything', '99999', 99999],
    ['absurdly long', '123456789012', null],
    ['given twice: the first', ['2', '5'], 2],
  ])('%s (%s)', (_situation, value, page) => {
    expect(requestedPage(value)).toBe(page);
  });
});

describe('pageRedirect', () => {
  const url = '/agencies/lingang/gongkai/catalog?category=a20.1&page=95';
  it.each([
    ['a page within the list: served', '3', 3, 94, null],
    ['the last page: served', '94', 94, 94, null],
    [
      'one past the end: the last page',
      '95',
      95,
      94,
      '/agencies/lingang/gongkai/catalog?category=a20.1&page=94',
    ],
    [
      'far past the end: the last page',
      '99999',
      99999,
      94,
      '/agencies/lingang/gongkai/catalog?category=a20.1&page=94',
    ],
    [
      'past the end of a one-page list: the first',
      '95',
      95,
      1,
      '/agencies/lingang/gongkai/catalog?category=a20.1',
    ],
    ['zero: the first page', '0', null, 94, '/agencies/lingang/gongkai/catalog?category=a20.1'],
    ['not a number: the first page', 'abc', null, 94, '/agencies/lingang/gongkai/catalog?category=a20.1'],
    ['no page asked: served', undefined, null, 94, null],
  ])('%s', (_situation, raw, page, pages, target) => {
    expect(pageRedirect(url, raw, page, pages)).toBe(target);
  });
});

describe('withPage and pageCount', () => {
  it('keeps the other parameters and drops page 1', () => {
    expect(withPage('/search?q=%E5%85%AC%E5%BC%80&page=9&year=2021', 2)).toBe(
      '/search?q=%E5%85%AC%E5%BC%80&page=2&year=2021',
    );
    expect(withPage('/search?q=x&page=9', 1)).toBe('/search?q=x');
  });

  it.each([
    [0, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [7325, 20, 367],
  ])('%i items, %i a page: %i pages', (total, size, pages) => {
    expect(pageCount(total, size)).toBe(pages);
  });
});
