import { describe, expect, it } from 'vitest';
import { highlightText, snippet } from './highlight.ts';
import { parseQuery, queryMarks } from './query.ts';

const marksOf = (query: string) => queryMarks(parseQuery(query));

describe('highlightText', () => {
  it.each([
    ['a plain match', '关于城乡低保的通知', '低保', '关于城乡<mark>低保</mark>的通知'],
    [
      'a title with <script> shows as text',
      '<script>alert("低保")</script>',
      '低保',
      '&lt;script&gt;alert(&quot;<mark>低保</mark>&quot;)&lt;/script&gt;',
    ],
    ['an ampersand in a match', 'R&D 经费', 'r&d', '<mark>R&amp;D</mark> 经费'],
    [
      'case and width are folded, the original shown',
      'ＧＢ/T　9704 标准',
      'gb/t 9704',
      '<mark>ＧＢ/T　9704</mark> 标准',
    ],
    [
      '2021年 marks the start of 2021年度',
      '2021年度城乡低保',
      '2021年 低保',
      '<mark>2021年</mark>度城乡<mark>低保</mark>',
    ],
    ['a long word is marked whole', '城乡居民最低生活保障', '城乡居民', '<mark>城乡居民</mark>最低生活保障'],
    ['no match: escaped only', 'a < b', '低保', 'a &lt; b'],
    ['no query', '<b>', '', '&lt;b&gt;'],
  ])('%s', (_situation, text, query, html) => {
    expect(highlightText(text, marksOf(query))).toBe(html);
  });
});

describe('snippet', () => {
  const filler = '为进一步规范管理工作，现将有关事项通知如下。';
  const body = `${filler.repeat(8)}城乡低保资金按月发放，<i>低保</i>对象名单公示。${filler.repeat(8)}`;

  it('picks the passage with the matches, with ellipses where it was cut', () => {
    const html = snippet(body, marksOf('低保'), 60);
    expect(html).toMatch(/^…/);
    expect(html).toMatch(/…$/);
    expect(html).toContain('城乡<mark>低保</mark>资金按月发放，&lt;i&gt;<mark>低保</mark>&lt;/i&gt;');
  });

  it('prefers a passage with more different words', () => {
    const text = `${'低保'.repeat(3)}${filler.repeat(6)}低保和就业补贴${filler.repeat(6)}`;
    expect(snippet(text, marksOf('低保 就业'), 40)).toContain('<mark>低保</mark>和<mark>就业</mark>补贴');
  });

  it('without matches starts at the beginning', () => {
    expect(snippet(body, marksOf('安全生产'), 20)).toBe(
      `${'为进一步规范管理工作，现将有关事项通知如下。'.slice(0, 20)}…`,
    );
  });

  it('a short body is shown whole, its spaces collapsed', () => {
    expect(snippet('  低保\n\n事项  ', marksOf('低保'))).toBe('<mark>低保</mark> 事项');
  });
});
