import { describe, expect, it } from 'vitest';
import { bodyText, sanitizeBody } from './sanitize-body.ts';

describe('the body of an item', () => {
  it.each([
    ['a script is removed with its content', '<p>通知</p><script>alert(1)</script>', '<p>通知</p>'],
    ['an event handler is removed', '<p onclick="steal()">通知</p>', '<p>通知</p>'],
    [
      'a javascript: link loses its href',
      '<a href="javascript:alert(1)">点此</a>',
      '<a rel="noopener noreferrer">点此</a>',
    ],
    [
      'a web link is kept, with rel',
      '<a href="https://www.gov.cn/">中国政府网</a>',
      '<a href="https://www.gov.cn/" rel="noopener noreferrer">中国政府网</a>',
    ],
    ['an iframe is removed', '<iframe src="https://evil.example"></iframe><p>正文</p>', '<p>正文</p>'],
    ['a style block is removed', '<style>p{color:red}</style><p>正文</p>', '<p>正文</p>'],
    [
      'alignment is kept, colours are not',
      '<p style="text-align:center;color:red">标题</p>',
      '<p style="text-align:center">标题</p>',
    ],
    [
      'a table keeps its merged cells',
      '<table><tr><td colspan="2" onmouseover="x()">合计</td></tr></table>',
      '<table><tr><td colspan="2">合计</td></tr></table>',
    ],
    ['a data: image is dropped', '<img src="data:image/png;base64,AAAA" alt="x">', '<img alt="x" />'],
    [
      'headings, lists and emphasis stay',
      '<h2>一、总则</h2><ol><li><strong>第一条</strong></li></ol>',
      '<h2>一、总则</h2><ol><li><strong>第一条</strong></li></ol>',
    ],
  ])('%s', (_situation, html, expected) => {
    expect(sanitizeBody(html)).toBe(expected);
  });

  it.each([
    ['one line per paragraph', '<p>第一段</p><p>第二段</p>', '第一段\n第二段'],
    ['entities decoded', '<p>A &amp; B &lt;C&gt;&nbsp;D</p>', 'A & B <C> D'],
    ['cells separated', '<table><tr><td>项目</td><td>金额</td></tr></table>', '项目 金额'],
    ['breaks', '第一行<br>第二行', '第一行\n第二行'],
    ['full-width spaces collapsed', '<p>\u3000\u3000正文</p>', '正文'],
  ])('plain text: %s', (_situation, html, expected) => {
    expect(bodyText(sanitizeBody(html))).toBe(expected);
  });
});
