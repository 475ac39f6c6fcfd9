import { describe, expect, it } from 'vitest';
import { readSearchForm } from './search.ts';

const AGENCIES = new Set(['lingang']);

describe('readSearchForm', () => {
  it.each([
    ['a plain query', { q: ' 低保 ' }, { q: '低保', page: 1 }, []],
    [
      'every filter valid',
      {
        q: '预算',
        agency: 'lingang',
        category: 'a20.7',
        year: '2021',
        type: 'policy',
        validity: 'valid',
        page: '3',
      },
      {
        q: '预算',
        agency: 'lingang',
        category: 'a20.7',
        year: '2021',
        type: 'policy',
        validity: 'valid',
        page: 3,
      },
      [],
    ],
    [
      'an unknown agency',
      { q: 'x', agency: 'nosuch' },
      { q: 'x', page: 1 },
      ['没有该机关，已按全部机关检索'],
    ],
    ['a two-digit year', { q: 'x', year: '21' }, { q: 'x', page: 1 }, ['发布年份应为四位数字，如 2021']],
    // the route redirects these to the first page (paging.ts): no error to show
    ['page zero: the first page', { q: 'x', page: '0' }, { q: 'x', page: 1 }, []],
    ['a page that is not a number: the first page', { q: 'x', page: 'abc' }, { q: 'x', page: 1 }, []],
    [
      'a page far past the end: kept (the route sends it to the last)',
      { q: 'x', page: '99999' },
      { q: 'x', page: 99999 },
      [],
    ],
    ['a repeated parameter', { q: ['a', 'b'] }, { q: '', page: 1 }, []],
    ['newest first', { q: 'x', sort: 'date' }, { q: 'x', sort: 'date', page: 1 }, []],
    ['by relevance, the default', { q: 'x', sort: 'relevance' }, { q: 'x', page: 1 }, []],
    ['an unknown order', { q: 'x', sort: 'title' }, { q: 'x', page: 1 }, ['排序方式无效，已按相关度排序']],
  ])('%s', (_situation, query, form, errors) => {
    const read = readSearchForm(query, AGENCIES);
    expect(Object.fromEntries(Object.entries(read.form).filter(([, v]) => v !== undefined))).toEqual(form);
    expect(read.errors).toEqual(errors);
  });

  it('cuts an overlong query to 200 characters and says so', () => {
    const read = readSearchForm({ q: '字'.repeat(250) }, AGENCIES);
    expect(read.form.q).toHaveLength(200);
    expect(read.errors).toEqual(['检索词最长200个字，已截取前200个字']);
  });
});
