import { describe, expect, it } from 'vitest';
import type { TreeAgency } from './tree.ts';
import { planTreeImport, type TreeLine } from './tree-import.ts';

const EXISTING: TreeAgency[] = [
  { id: 1, code: 'province', name: '省政府', parentId: null, retiredOn: null },
  { id: 2, code: 'city', name: '市政府', parentId: 1, retiredOn: null },
  { id: 3, code: 'gone', name: '已撤销的县', parentId: 2, retiredOn: '2025-06-30' },
];
const l = (line: number, code: string, parent: string | null = null): TreeLine => ({ line, code, parent });

describe('planTreeImport: accepted files', () => {
  it.each([
    ['a new branch under an existing city', [l(1, 'county', 'city'), l(2, 'county-edu', 'county')], 2, 0],
    [
      'children before their parents in the file',
      [l(1, 'county-edu', 'county'), l(2, 'county', 'city')],
      2,
      0,
    ],
    ['an existing agency moved and a new root', [l(1, 'city', null), l(2, 'other-province')], 1, 1],
    ['an empty file', [], 0, 0],
  ])('%s', (_situation, lines, created, changed) => {
    const plan = planTreeImport(EXISTING, lines);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect({ created: plan.created, changed: plan.changed }).toEqual({ created, changed });
    const position = new Map(plan.order.map((x, i) => [x.code, i]));
    for (const x of plan.order)
      if (x.parent && position.has(x.parent))
        expect(position.get(x.parent), `${x.parent} before ${x.code}`).toBeLessThan(
          position.get(x.code) ?? -1,
        );
  });
});

describe('planTreeImport: refused files name the line and the field', () => {
  it.each([
    ['a code written twice', [l(1, 'a', 'city'), l(2, 'a', 'city')], [2, 'code', '在第 1 行已出现']],
    ['a bad code', [l(1, 'Bad Code')], [1, 'code', '只能包含小写字母']],
    ['an unknown parent', [l(1, 'a', 'nowhere')], [1, 'parent', '既不在本文件中']],
    ['a retired parent', [l(1, 'a', 'gone')], [1, 'parent', '已于 2025-06-30 撤销']],
    ['its own parent', [l(1, 'a', 'a')], [1, 'parent', '自己的上级']],
    ['a loop within the file', [l(1, 'a', 'b'), l(2, 'b', 'a')], [1, 'parent', 'a → b → a']],
    [
      'an existing agency moved under its descendant',
      [l(1, 'province', 'x'), l(2, 'x', 'city')],
      [1, 'parent', '循环'],
    ],
  ])('%s', (_situation, lines, [line, field, message]) => {
    const plan = planTreeImport(EXISTING, lines);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems[0]).toMatchObject({ line, field });
    expect(plan.problems[0].message).toContain(message);
  });
});
