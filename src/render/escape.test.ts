import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape.ts';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['“临港区” & 管委会', '“临港区” &amp; 管委会'],
    [`a"b'c`, 'a&quot;b&#39;c'],
    ['&amp;', '&amp;amp;'],
    ['政府信息公开', '政府信息公开'],
    [706, '706'],
  ])('escapes %s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});
