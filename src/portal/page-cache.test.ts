import { describe, expect, it } from 'vitest';
import { etagOf, matchesEtag, pageCache } from './page-cache.ts';

const bodyOf = (kept: { body: Buffer } | { redirect: string }) =>
  'body' in kept ? kept.body.toString() : `→ ${kept.redirect}`;

describe('pageCache', () => {
  it('keeps a page its time to live, as bytes with their ETag, and renders it again after', async () => {
    let clock = 0;
    let rendered = 0;
    const pages = pageCache({ maxBytes: 1_000_000, ttlMs: 1000, clock: () => clock });
    const render = async () => `<p>${++rendered}</p>`;
    const first = await pages.get('N / /', render);
    expect(bodyOf(first)).toBe('<p>1</p>');
    expect('etag' in first && first.etag).toBe(etagOf(Buffer.from('<p>1</p>')));
    clock = 999;
    expect(pages.peek('N / /')).toBe(first);
    expect(bodyOf(await pages.get('N / /', render))).toBe('<p>1</p>');
    clock = 1000;
    expect(pages.peek('N / /')).toBeUndefined();
    expect(bodyOf(await pages.get('N / /', render))).toBe('<p>2</p>');
  });

  it('keeps a redirect, and nothing of a page whose rendering failed', async () => {
    const pages = pageCache({ maxBytes: 1_000_000, ttlMs: 1000, clock: () => 0 });
    expect(bodyOf(await pages.get('past-end', async () => ({ redirect: '/search?q=x&page=3' })))).toBe(
      '→ /search?q=x&page=3',
    );
    expect(bodyOf(await pages.get('past-end', async () => 'not asked'))).toBe('→ /search?q=x&page=3');
    await expect(pages.get('gone', async () => Promise.reject(new Error('未找到')))).rejects.toThrow(
      '未找到',
    );
    expect(pages.peek('gone')).toBeUndefined();
    expect(bodyOf(await pages.get('gone', async () => 'back'))).toBe('back');
  });

  it('renders once for requests asking at the same time', async () => {
    const pages = pageCache({ maxBytes: 1_000_000, ttlMs: 1000, clock: () => 0 });
    let rendered = 0;
    const render = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `<p>${++rendered}</p>`;
    };
    const both = await Promise.all([pages.get('k', render), pages.get('k', render)]);
    expect(both.map(bodyOf)).toEqual(['<p>1</p>', '<p>1</p>']);
  });

  it('forgets on clear, and does not keep a page rendered across the clear', async () => {
    const pages = pageCache({ maxBytes: 1_000_000, ttlMs: 1000, clock: () => 0 });
    await pages.get('k', async () => 'old');
    pages.clear();
    expect(pages.peek('k')).toBeUndefined();
    let release = () => {};
    const pending = pages.get(
      'k',
      () => new Promise<string>((resolve) => (release = () => resolve('during'))),
    );
    pages.clear();
    release();
    expect(bodyOf(await pending)).toBe('during');
    expect(pages.peek('k')).toBeUndefined();
    expect(bodyOf(await pages.get('k', async () => 'after'))).toBe('after');
  });

  it('holds at most its bytes, dropping the page least recently used', async () => {
    const pages = pageCache({ maxBytes: 250, ttlMs: 1000, clock: () => 0 });
    const page = (n: number) => async () => String(n).repeat(100);
    await pages.get('a', page(1));
    await pages.get('b', page(2));
    pages.peek('a');
    await pages.get('c', page(3));
    expect(pages.peek('b')).toBeUndefined();
    expect(pages.peek('a')).toBeDefined();
    expect(pages.peek('c')).toBeDefined();
  });
});

describe('matchesEtag', () => {
  it.each([
    ['the same tag', '"abc"', true],
    ['its weak form', 'W/"abc"', true],
    ['one of a list', '"x", "abc"', true],
    ['any', '*', true],
    ['another tag', '"abd"', false],
    ['no header', undefined, false],
  ])('%s', (_situation, header, expected) => {
    expect(matchesEtag(header, '"abc"')).toBe(expected);
  });
});
