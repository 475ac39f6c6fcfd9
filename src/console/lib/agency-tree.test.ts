import { describe, expect, it } from 'vitest';
import {
  type ListedAgency,
  type ParentChoice,
  parentChoices,
  TOP_OF_TREE,
  visibleCodes,
} from './agency-tree.ts';

const a = (
  code: string,
  name: string,
  parentCode: string | null,
  retiredOn: string | null = null,
): ListedAgency => ({
  code,
  name,
  shortName: name,
  parentCode,
  retiredOn,
});
/** parents first, as the API lists them */
const TREE = [
  a('shandong', '山东省人民政府', null),
  a('weihai', '威海市人民政府', 'shandong'),
  a('huancui', '环翠区人民政府', 'weihai'),
  a('huancui-edu', '环翠区教育和体育局', 'huancui'),
  a('wendeng', '文登区人民政府', 'weihai', '2026-01-01'),
  a('jinan', '济南市人民政府', 'shandong'),
];

describe('visibleCodes', () => {
  it.each([
    ['no search: everything', '  ', null],
    ['a name keeps its ancestors', '教育', ['shandong', 'weihai', 'huancui', 'huancui-edu']],
    ['a code, whatever its case', 'JINAN', ['shandong', 'jinan']],
    ['nothing found', '北京', []],
  ])('%s', (_situation, search, codes) => {
    const shown = visibleCodes(TREE, search);
    expect(shown === null ? null : [...shown].sort()).toEqual(codes === null ? null : [...codes].sort());
  });
});

describe('parentChoices', () => {
  const flat = (choices: ParentChoice[]): Array<[string, boolean]> =>
    choices.flatMap((c) => [[c.value, c.disabled] as [string, boolean], ...flat(c.children)]);
  it.each([
    [
      'the district: not itself, not its office, not a retired district',
      'huancui',
      ['huancui', 'huancui-edu', 'wendeng'],
    ],
    [
      'the province: nothing below it',
      'shandong',
      ['shandong', 'weihai', 'huancui', 'huancui-edu', 'wendeng', 'jinan'],
    ],
  ])('%s', (_situation, code, disabled) => {
    const choices = flat(parentChoices(TREE, code));
    expect(choices[0]).toEqual([TOP_OF_TREE, false]);
    expect(
      choices
        .filter(([, off]) => off)
        .map(([value]) => value)
        .sort(),
    ).toEqual([...disabled].sort());
  });
  it('nests the choices as the tree', () => {
    const [, province] = parentChoices(TREE, 'jinan');
    expect(province.children.map((c) => c.value)).toEqual(['weihai', 'jinan']);
  });
});
