import { describe, expect, it } from 'vitest';
import { largeTextCookie, largeTextQuery, localPath } from './context.ts';

describe('largeTextCookie', () => {
  it.each([
    ['no cookie', undefined, false],
    ['the mode among others', 'a=1; gk_text=large; b=2', true],
    ['the standard mode', 'gk_text=normal', false],
    ['a look-alike name', 'xgk_text=large', false],
  ])('%s', (_situation, header, expected) => {
    expect(largeTextCookie(header)).toBe(expected);
  });
});

describe('largeTextQuery', () => {
  it.each([
    ['the only parameter', '/?text=large', true],
    ['after another', '/search?q=低保&text=large', true],
    ['before another', '/agencies/x/gongkai/catalog?text=large&category=a20.1', true],
    ['no query', '/', false],
    ['another value', '/?text=normal', false],
    ['a look-alike name', '/?context=large', false],
    ['inside another value', '/search?q=text=large', false],
    ['a longer value', '/?text=larger', false],
  ])('%s', (_situation, url, expected) => {
    expect(largeTextQuery(url)).toBe(expected);
  });
});

describe('localPath', () => {
  it.each([
    ['a page with its query', '/search?q=1', '/search?q=1'],
    ['another site', 'https://evil.example/', '/'],
    ['a protocol-relative address', '//evil.example/', '/'],
    ['a backslash trick', '/\\evil.example', '/'],
    ['nothing', undefined, '/'],
    ['a dot segment before a protocol-relative address', '/.//evil.example', '/'],
    ['dot-dot segments up to a protocol-relative address', '/a/..//evil.example/x', '/'],
    ['an encoded dot segment', '/%2e//evil.example', '/'],
    ['a tab inside the scheme', '/\t/evil.example', '/'],
    ['a path with dot segments inside the site', '/a/../search?q=1', '/search?q=1'],
  ])('%s', (_situation, value, expected) => {
    expect(localPath(value)).toBe(expected);
  });
});
