import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml, trustedHtml } from './escape.ts';

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

describe('html', () => {
  const name = '<b>“张三” & Co</b>';
  it('escapes every interpolated text', () => {
    expect(String(html`<p title="${name}">${name}</p>`)).toBe(
      '<p title="&lt;b&gt;“张三” &amp; Co&lt;/b&gt;">&lt;b&gt;“张三” &amp; Co&lt;/b&gt;</p>',
    );
  });
  it('keeps nested html and trusted HTML, joins lists, prints nothing for null, undefined and false', () => {
    const items = ['a<', 'b>'].map((t) => html`<li>${t}</li>`);
    expect(
      String(html`<ul>${items}</ul>${null}${undefined}${false}${0}${trustedHtml('<mark>x</mark>')}`),
    ).toBe('<ul><li>a&lt;</li><li>b&gt;</li></ul>0<mark>x</mark>');
  });
  it('escapes a string that looks like HTML even after concatenation with safe HTML', () => {
    const concatenated = `${html`<i>x</i>`}<script>`;
    expect(String(html`${concatenated}`)).toBe('&lt;i&gt;x&lt;/i&gt;&lt;script&gt;');
  });
  it('joins with an escaped separator', () => {
    expect(String(joinHtml([html`<a>1</a>`, '2&'], '；'))).toBe('<a>1</a>；2&amp;');
  });
});
