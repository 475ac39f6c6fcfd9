import { describe, expect, it } from 'vitest';
import { pageWindow, queryString, renderPager } from './parts.ts';

describe('pageWindow', () => {
  it.each([
    ['a single page', 1, 1, [1]],
    ['the first of many', 1, 20, [1, 2, 3, 20]],
    ['the middle of many', 10, 20, [1, 8, 9, 10, 11, 12, 20]],
    ['the last of many', 20, 20, [1, 18, 19, 20]],
    ['the second of three', 2, 3, [1, 2, 3]],
  ])('%s (page %i of %i)', (_situation, page, pages, expected) => {
    expect(pageWindow(page, pages)).toEqual(expected);
  });
});

describe('renderPager', () => {
  it('renders nothing for one page', () => {
    expect(String(renderPager(1, 1, (n) => `/x?page=${n}`))).toBe('');
  });

  it('marks the current page and links the others, with gaps, escaping the addresses', () => {
    const html = String(renderPager(5, 9, (n) => `/x?a=1&page=${n}`));
    expect(html).toContain('<span aria-current="page">第5页</span>');
    expect(html).toContain('<a href="/x?a=1&amp;page=4" rel="prev">上一页</a>');
    expect(html).toContain('<a href="/x?a=1&amp;page=6" rel="next">下一页</a>');
    expect(html).toContain('<span aria-hidden="true">…</span>');
  });
});

describe('queryString', () => {
  it.each([
    ['nothing defined', { a: undefined, b: '' }, ''],
    ['text and numbers', { q: '低保 标准', page: 2 }, '?q=%E4%BD%8E%E4%BF%9D+%E6%A0%87%E5%87%86&page=2'],
  ])('%s', (_situation, params, expected) => {
    expect(queryString(params)).toBe(expected);
  });
});
