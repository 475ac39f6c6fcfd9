import { describe, expect, it } from 'vitest';
import { highlightText, snippet } from './highlight.ts';
import { parseQuery, parseQueryCached, queryMarks } from './query.ts';
import { makeScorer, recencyBoost } from './relevance.ts';

/** The scorer as it was before its indexOf fast path: every group counted by a global regex. */
function regexScorer(query: string, idf: readonly number[], averageLength: number, every: boolean) {
  const parsed = parseQuery(query);
  const escapeWord = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = parsed.groups.map(
    (g) => new RegExp(g.words.map(escapeWord).join('[^\\p{L}\\p{N}]{0,3}'), 'gu'),
  );
  return (title: string, body: string, publishedOn: string): number => {
    const t = title.normalize('NFKC').toLowerCase();
    const b = body.normalize('NFKC').toLowerCase();
    const norm = 1 - 0.75 + (0.75 * body.length) / Math.max(1, averageLength);
    let score = 0;
    for (const [i, pattern] of patterns.entries()) {
      const frequency = 10 * [...t.matchAll(pattern)].length + [...b.matchAll(pattern)].length;
      const f = frequency > 0 ? frequency : every ? 0.5 : 0;
      if (f === 0) continue;
      score += (idf[i] ?? 1) * ((f * 2.2) / (f + 1.2 * norm));
    }
    return score * recencyBoost(publishedOn);
  };
}

const TEXTS: Array<[string, string]> = [
  ['城乡低保资金发放', '低保低保低保，城乡低保。低低保'],
  ['ＧＢ／Ｔ ９７０４ 公文格式', '按照GB/T 9704—2012执行，gb t9704，GB-T-9704。'],
  ['2021年度低保', '2021年低保标准，2021年度，2021 年'],
  ['aaa', 'aaaa aa a'],
  ['无关', '什么也没有'],
];

describe('makeScorer', () => {
  it.each([
    ['低保'],
    ['城乡低保'],
    ['GB/T 9704'],
    ['2021年 低保'],
    ['"低保资金"'],
    ['aa'],
    ['城乡 低保 资金'],
  ])('scores %s exactly as the regex scorer did', (query) => {
    const parsed = parseQuery(query);
    const idf = parsed.groups.map((_, i) => 1 + i / 3);
    for (const every of [true, false]) {
      const reference = regexScorer(query, idf, 40, every);
      const score = makeScorer(parsed, idf, 40, every);
      for (const [title, body] of TEXTS) {
        expect(score(title, body, '2021-03-04')).toBe(reference(title, body, '2021-03-04'));
      }
    }
  });
});

describe('parseQueryCached', () => {
  it('gives what parseQuery gives, the same frozen object each time', () => {
    for (const text of ['城乡低保 婚姻登记', '"政策解读"', '我想了解 低保', 'GB/T 9704']) {
      const cached = parseQueryCached(text);
      expect(cached).toEqual(parseQuery(text));
      expect(parseQueryCached(text)).toBe(cached);
      expect(Object.isFrozen(cached.groups[0]?.terms)).toBe(true);
    }
  });
});

describe('highlighting with remembered patterns and characters', () => {
  it('marks the same way twice, full-width text included', () => {
    const marks = queryMarks(parseQuery('GB/T 9704 低保'));
    const text = 'ＧＢ／Ｔ ９７０４ 与低保。'.repeat(20);
    const first = [highlightText(text, marks), snippet(text, marks)];
    expect([highlightText(text, marks), snippet(text, marks)]).toEqual(first);
    expect(first[0]).toContain('<mark>ＧＢ／Ｔ ９７０４</mark>');
    expect(first[0]).toContain('<mark>低保</mark>');
  });
});
