import { describe, expect, it } from 'vitest';
import {
  agencyCodeProblem,
  agencyLevelLabel,
  buildTree,
  descendantIds,
  moveProblem,
  parentProblem,
  pathOf,
  reactivateProblem,
  retireProblem,
  type TreeAgency,
  type TreeNode,
} from './tree.ts';

/** 省 → 市 → 区 → 两个部门; a second city; a retired county with a retired office. */
const a = (
  id: number,
  code: string,
  parentId: number | null,
  retiredOn: string | null = null,
): TreeAgency => ({
  id,
  code,
  name: `${code}名称`,
  parentId,
  retiredOn,
});
const ROWS: TreeAgency[] = [
  a(1, 'province', null),
  a(2, 'city', 1),
  a(3, 'district', 2),
  a(4, 'district-edu', 3),
  a(5, 'district-health', 3),
  a(6, 'city-b', 1),
  a(7, 'old-county', 6, '2025-01-01'),
  a(8, 'old-office', 7, '2025-01-01'),
];

const shape = (nodes: TreeNode[]): unknown =>
  nodes.map((n) => (n.children.length ? { [n.agency.code]: shape(n.children) } : n.agency.code));

describe('buildTree', () => {
  it('nests every agency under its parent, each level by code', () => {
    expect(shape(buildTree(ROWS))).toEqual([
      {
        province: [
          { city: [{ district: ['district-edu', 'district-health'] }] },
          { 'city-b': [{ 'old-county': ['old-office'] }] },
        ],
      },
    ]);
  });
  it.each([
    ['an empty installation', [], []],
    ['an agency whose parent is not among the rows is a root', [a(9, 'lone', 42)], ['lone']],
    ['a loop (never let in) is cut, not lost', [a(1, 'x', 2), a(2, 'y', 1)], [{ x: ['y'] }]],
  ])('%s', (_situation, rows, expected) => {
    expect(shape(buildTree(rows))).toEqual(expected);
  });
});

describe('pathOf and descendantIds', () => {
  it.each([
    ['a department', 4, ['province', 'city', 'district', 'district-edu']],
    ['the root', 1, ['province']],
    ['an unknown id', 99, []],
  ])('the path of %s', (_what, id, codes) => {
    expect(pathOf(ROWS, id).map((r) => r.code)).toEqual(codes);
  });
  it.each([
    ['the city holds the district and its departments', 2, [3, 4, 5]],
    ['a department holds nothing', 4, []],
    ['the province holds everything else', 1, [2, 3, 4, 5, 6, 7, 8]],
  ])('%s', (_what, id, ids) => {
    expect([...descendantIds(ROWS, id)].sort()).toEqual(ids);
  });
});

describe('agencyCodeProblem (the import’s rules)', () => {
  it.each([
    ['lingang', null],
    ['weihai-huancui_2', null],
    ['', '不能为空'],
    ['Lingang', '只能包含小写字母'],
    ['-lead', '只能包含小写字母'],
    ['临港', '只能包含小写字母'],
    ['x'.repeat(65), '最长 64'],
  ])('%j', (code, problem) => {
    const found = agencyCodeProblem(code);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('moveProblem', () => {
  it.each([
    ['a department to another district’s city', 4, 'city-b', null],
    ['to the top of the tree', 3, null, null],
    ['under itself', 3, 'district', '自己的上级'],
    ['under its own child (a loop)', 2, 'district', '会形成循环'],
    ['under a grandchild (a loop)', 1, 'district-edu', '会形成循环'],
    ['under a retired agency', 4, 'old-county', '已于 2025-01-01 撤销'],
    ['under an unknown code', 4, 'nowhere', '不存在'],
  ])('%s', (_situation, agencyId, newParentCode, problem) => {
    const found = moveProblem(ROWS, { agencyId, newParentCode });
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('parentProblem (a new agency’s parent)', () => {
  it.each([
    ['an active parent', 'district', null],
    ['a retired parent', 'old-office', '已于 2025-01-01 撤销'],
    ['an unknown parent', 'nowhere', '不存在'],
  ])('%s', (_situation, code, problem) => {
    const found = parentProblem(ROWS, code);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('retireProblem', () => {
  it.each([
    ['a department with nothing open', 4, 0, null],
    [
      'a district with two active departments, named',
      3,
      0,
      '“district-edu名称”（district-edu）、“district-health名称”（district-health）',
    ],
    ['a city whose only child is retired', 6, 0, null],
    ['a department with open requests', 5, 3, '3 件依申请公开未办结'],
    ['an agency already retired', 7, 0, '已于 2025-01-01 撤销'],
  ])('%s', (_situation, agencyId, openRequests, problem) => {
    const found = retireProblem(ROWS, { agencyId, openRequests });
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
  it('names five children and counts the rest', () => {
    const many = [a(1, 'root', null), ...Array.from({ length: 7 }, (_, i) => a(i + 2, `c${i}`, 1))];
    expect(retireProblem(many, { agencyId: 1, openRequests: 0 })).toContain('等 7 个');
  });
});

describe('reactivateProblem', () => {
  it.each([
    ['a retired county under an active city', 7, null],
    ['a retired office under a retired county', 8, '请先恢复上级机关'],
    ['an active agency', 4, '在用，无需恢复'],
  ])('%s', (_situation, agencyId, problem) => {
    const found = reactivateProblem(ROWS, agencyId);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('agencyLevelLabel', () => {
  it.each([
    ['province', '省'],
    ['county', '县（区）'],
    ['township', '乡镇（街道）'],
    ['', '未设置'],
  ])('%s → %s', (level, label) => {
    expect(agencyLevelLabel(level)).toBe(label);
  });
});
