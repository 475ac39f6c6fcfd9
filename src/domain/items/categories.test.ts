import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUTORY_CATEGORIES, STATUTORY_CATEGORY_LABELS } from './categories.ts';

/** 条例 第二十条's items as docs/law.md quotes them (verbatim, with its source), in full-width brackets. */
function article20Items(): string[] {
  const law = readFileSync(join(import.meta.dirname, '../../../docs/law.md'), 'utf8');
  const start = law.indexOf('### 条例 第二十条\n');
  const section = law.slice(start, law.indexOf('\n### ', start + 1));
  return [...section.matchAll(/^> \(([一二三四五六七八九十]+)\)(.+?)[；。]$/gm)].map(
    (m) => `（${m[1]}）${m[2]}`,
  );
}

describe('the 15 statutory categories (条例 第二十条)', () => {
  it('are labelled in the words of the article, item by item (incl. （六）“本行政机关认为”)', () => {
    const items = article20Items();
    expect(items).toHaveLength(15);
    const statutory = STATUTORY_CATEGORIES.filter((c) => c !== 'other');
    expect(statutory.map((c) => STATUTORY_CATEGORY_LABELS[c])).toEqual(items);
  });
});
