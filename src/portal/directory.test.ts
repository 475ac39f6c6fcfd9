import { describe, expect, it } from 'vitest';
import {
  type DirectoryAgency,
  directoryPage,
  directoryQuery,
  directoryQueryProblem,
  directoryTree,
  matchAgencies,
  topLevelAgencies,
} from './directory.ts';

const agency = (code: string, name: string, parentCode: string | null = null): DirectoryAgency => ({
  code,
  name,
  parentCode,
});

// in listAgencies' order (by name): children come before their parents here
const PROVINCE = [
  agency('edu', '省教育厅', 'gov'),
  agency('city', '甲市人民政府', 'gov'),
  agency('town', '甲市乙街道办事处', 'county'),
  agency('county', '甲市丙县人民政府', 'city'),
  agency('gov', '省人民政府'),
  agency('stats', '省统计局'),
  agency('orphan', '某局', 'retired-parent'),
];

const shape = (lines: ReturnType<typeof directoryTree>) =>
  lines.map((l) => `${'  '.repeat(l.depth)}${l.agency.code}${l.context ? ' (context)' : ''}`);

describe('directoryTree', () => {
  it('lists parents before their children, at any depth, each level in the given order', () => {
    expect(shape(directoryTree(PROVINCE))).toEqual([
      'gov',
      '  edu',
      '  city',
      '    county',
      '      town',
      'stats',
      'orphan',
    ]);
  });

  it('gives each line its parent’s name', () => {
    const town = directoryTree(PROVINCE).find((l) => l.agency.code === 'town');
    expect(town?.parentName).toBe('甲市丙县人民政府');
  });

  it('lists agencies caught in a loop of parents at the top rather than leaving them out', () => {
    const loop = [agency('a', '甲', 'b'), agency('b', '乙', 'a'), agency('c', '丙')];
    expect(shape(directoryTree(loop))).toEqual(['c', 'a', '  b']);
  });
});

describe('topLevelAgencies', () => {
  it('is the agencies without an active parent, in the given order', () => {
    expect(topLevelAgencies(PROVINCE).map((a) => a.code)).toEqual(['gov', 'stats', 'orphan']);
  });
});

describe('matchAgencies', () => {
  it.each([
    ['a Chinese word inside the name', '人民政府', ['city', 'county', 'gov']],
    ['Latin letters in another case', 'abc', ['latin']],
    ['nothing', '财政', []],
  ])('%s (%s)', (_situation, q, codes) => {
    const agencies = [...PROVINCE, agency('latin', 'ABC数据局')];
    expect(matchAgencies(agencies, q).map((l) => l.agency.code)).toEqual(codes);
  });

  it('shows a child’s parent by name, none at the top', () => {
    const [county, gov] = matchAgencies(PROVINCE, '县').concat(matchAgencies(PROVINCE, '省人民'));
    expect(county.parentName).toBe('甲市人民政府');
    expect(gov.parentName).toBeNull();
  });
});

describe('directoryQuery and its problem', () => {
  it.each([
    ['absent', undefined, ''],
    ['trimmed', '  教育 ', '教育'],
    ['given twice: the first', [' 财政', '教育'], '财政'],
  ])('%s', (_situation, value, q) => {
    expect(directoryQuery(value)).toBe(q);
  });

  it('accepts 50 characters and says in Chinese what to do with 51', () => {
    expect(directoryQueryProblem('局'.repeat(50))).toBeNull();
    expect(directoryQueryProblem('局'.repeat(51))).toBe(
      '机关名称最长 50 个字，您输入了 51 个字，请缩短后再查找。',
    );
  });
});

describe('directoryPage', () => {
  const tree = directoryTree(PROVINCE);

  it('slices a page, leading it with the ancestors of its first line', () => {
    expect(shape(directoryPage(tree, 2, 3))).toEqual([
      'gov (context)',
      '  city (context)',
      '    county',
      '      town',
      'stats',
    ]);
  });

  it('adds nothing when a page starts at the top', () => {
    expect(shape(directoryPage(tree, 3, 3))).toEqual(['orphan']);
    expect(shape(directoryPage(tree, 1, 2))).toEqual(['gov', '  edu']);
  });
});
