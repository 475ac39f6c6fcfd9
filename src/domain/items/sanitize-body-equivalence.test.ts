/**
 * sanitize-body.ts filters styles itself and reads the plain text with one htmlparser2 pass; this
 * compares both with what they replace — sanitize-html's postcss `allowedStyles`, and a second
 * sanitize-html pass stripping every tag — on random bodies built from the editor's and Word's tags,
 * attributes, styles, entities and spaces (seeded, so a failure repeats).
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../demo/lingang.ts';
import { ALLOWED_TAGS, allowedStyle, bodyText, sanitizeBody } from './sanitize-body.ts';
import { sanitizeBefore, textBefore } from './sanitize-reference.ts';

const DECLARATIONS = [
  'text-align:center',
  'text-align: justify',
  'TEXT-ALIGN:left',
  'text-align:middle',
  'text-indent:2em',
  'text-indent: 32pt !important',
  'text-indent:2.5em',
  'text-indent:-2em',
  'color:red',
  'font-family:仿宋_GB2312',
  'mso-spacerun:yes',
  'line-height:28pt',
  'background:url(http://evil.example/x.png)',
  ' text-align :right ',
];
const TEXTS = [
  '通知',
  '第一条　',
  ' 2021年 ',
  '&amp;',
  '&lt;b&gt;',
  '&nbsp;',
  'A & B',
  '1 < 2 > 0',
  '\u3000\u3000正文',
  '\n',
  '&quot;引号&quot;',
  '&copy;',
];
const TAGS = [...ALLOWED_TAGS, 'script', 'style', 'iframe', 'font', 'o:p', 'section'];
const ATTRIBUTES = [
  'href="https://www.gov.cn/"',
  'href="javascript:alert(1)"',
  'src="data:image/png;base64,AA"',
  'colspan="2"',
  'onclick="x()"',
  'class="MsoNormal"',
  'align="center"',
];

function body(next: () => number, depth: number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  let html = '';
  const parts = 1 + Math.floor(next() * 3);
  for (let i = 0; i < parts; i++) {
    if (depth > 2 || next() < 0.3) {
      html += pick(TEXTS);
      continue;
    }
    const tag = pick(TAGS);
    const attributes: string[] = [];
    if (next() < 0.6) {
      const count = 1 + Math.floor(next() * 3);
      const declarations = Array.from({ length: count }, () => pick(DECLARATIONS));
      attributes.push(`style="${declarations.join(';')}${next() < 0.5 ? ';' : ''}"`);
    }
    if (next() < 0.4) attributes.push(pick(ATTRIBUTES));
    const open = `<${tag}${attributes.map((a) => ` ${a}`).join('')}>`;
    html +=
      tag === 'br' || tag === 'hr' || tag === 'img' || tag === 'col'
        ? open
        : `${open}${body(next, depth + 1)}</${tag}>`;
  }
  return html;
}

describe('the body sanitized and read as before, faster', () => {
  it.each([
    ['text-align:center;color:red', 'text-align:center'],
    ['text-align : right ; text-indent: 2em', 'text-align:right;text-indent:2em'],
    ['text-indent:2em !important', 'text-indent:2em !important'],
    ['TEXT-ALIGN:center', ''],
    ['text-indent:expression(alert(1))', ''],
    ['background:url(javascript:x);text-align:left', 'text-align:left'],
    ['', ''],
  ])('the style “%s” keeps “%s”', (style, kept) => {
    expect(allowedStyle(style)).toBe(kept);
  });

  it('gives what sanitize-html with postcss gave, and the same plain text, on 2,000 random bodies', () => {
    const next = prng(20261207);
    let styled = 0;
    for (let i = 0; i < 2000; i++) {
      const html = body(next, 0);
      const sanitized = sanitizeBody(html);
      expect(sanitized, html).toBe(sanitizeBefore(html));
      expect(bodyText(sanitized), sanitized).toBe(textBefore(sanitized));
      if (sanitized.includes('style="')) styled++;
    }
    expect(styled).toBeGreaterThan(500);
  });
});
