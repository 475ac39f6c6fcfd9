import { describe, expect, it } from 'vitest';
import { acceptedLabel, parseSiteFileUrl, siteFileUrl, siteImageRefusal } from './images.ts';

const SHA = 'ab'.repeat(32);

describe('siteImageRefusal', () => {
  it.each([
    ['a small PNG mark', 'markImage', { size: 5_000, kind: 'png', looksLikeSvg: false }, null],
    ['a GIF mark', 'markImage', { size: 5_000, kind: 'gif', looksLikeSvg: false }, null],
    ['an ICO icon', 'favicon', { size: 1_000, kind: 'ico', looksLikeSvg: false }, null],
    ['an ICO as the mark', 'markImage', { size: 1_000, kind: 'ico', looksLikeSvg: false }, 'wrong_type'],
    ['a JPEG icon', 'favicon', { size: 1_000, kind: 'jpg', looksLikeSvg: false }, 'wrong_type'],
    ['an SVG mark', 'markImage', { size: 1_000, kind: null, looksLikeSvg: true }, 'wrong_type'],
    ['a PDF mark', 'markImage', { size: 1_000, kind: null, looksLikeSvg: false }, 'wrong_type'],
    ['a mark just at 200 KB', 'markImage', { size: 200 * 1024, kind: 'png', looksLikeSvg: false }, null],
    [
      'a mark a byte over 200 KB',
      'markImage',
      { size: 200 * 1024 + 1, kind: 'png', looksLikeSvg: false },
      'too_large',
    ],
    [
      'an icon over 100 KB',
      'favicon',
      { size: 100 * 1024 + 1, kind: 'png', looksLikeSvg: false },
      'too_large',
    ],
    ['an empty file', 'favicon', { size: 0, kind: null, looksLikeSvg: false }, 'empty'],
  ] as const)('%s', (_situation, field, upload, problem) => {
    expect(siteImageRefusal(field, upload)?.problem ?? null).toBe(problem);
  });

  it.each([
    ['markImage', { size: 1, kind: null, looksLikeSvg: true }, '党政机关网站标识图片不接受 SVG 图片'],
    [
      'markImage',
      { size: 300 * 1024, kind: 'png', looksLikeSvg: false },
      '党政机关网站标识图片不能超过 200 KB（该文件 300 KB）',
    ],
    ['favicon', { size: 10, kind: 'jpg', looksLikeSvg: false }, '网站图标只能是 ICO、PNG 或 GIF 图片'],
  ] as const)('names the field in Chinese: %s', (field, upload, message) => {
    expect(siteImageRefusal(field, upload)?.message).toContain(message);
  });
});

describe('site file addresses', () => {
  it.each([
    [`/site-files/${SHA}.png`, { sha256: SHA, extension: 'png' }],
    [`/site-files/${SHA}.ico`, { sha256: SHA, extension: 'ico' }],
    [`/site-files/${SHA.slice(2)}.png`, null],
    [`/site-files/${SHA.toUpperCase()}.png`, null],
    [`/site-files/${SHA}.png/x`, null],
    ['/site-files/../etc/passwd', null],
    ['/assets/mark.png', null],
  ])('%s', (path, parsed) => {
    expect(parseSiteFileUrl(path)).toEqual(parsed);
  });

  it('round-trips an address', () => {
    expect(parseSiteFileUrl(siteFileUrl(SHA, 'jpg'))).toEqual({ sha256: SHA, extension: 'jpg' });
  });

  it('lists the accepted types as a sentence', () => {
    expect(acceptedLabel('markImage')).toBe('PNG、JPEG 或 GIF');
  });
});
