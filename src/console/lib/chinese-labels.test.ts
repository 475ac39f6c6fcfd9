import { describe, expect, it } from 'vitest';
import { chineseIconLabel, chineseLabel } from './chinese-labels.ts';

describe('chineseIconLabel', () => {
  it.each([
    ['a menu entry’s icon (not in a control)', 'dashboard', null, null],
    ['the search button of a search box (its only content)', 'search', { named: false }, '搜索'],
    ['a select’s clear icon', 'close-circle', { named: false }, '清除'],
    ['an icon beside a button’s text', 'download', { named: true }, null],
    ['the menu button’s icon (the button has its aria-label)', 'menu', { named: true }, null],
    ['an unnamed control’s icon with no Chinese name known', 'swap-right', { named: false }, null],
  ])('%s', (_situation, name, control, expected) => {
    expect(chineseIconLabel(name, control)).toBe(expected);
  });
});

describe('chineseLabel', () => {
  it.each([
    ['a select’s clear button', 'Clear', '清除'],
    ['a number’s stepper', 'Increase Value', '增加'],
    ['a table’s select-all checkbox', 'Select all', '全选'],
    ['a table row’s checkbox', 'Select row 12', '选择第 12 行'],
    ['a table row’s checkbox, checked', 'Row 3 selected', '已选择第 3 行'],
    ['a label of our own', 'lingang-admin 经办人', null],
  ])('%s', (_situation, label, expected) => {
    expect(chineseLabel(label)).toBe(expected);
  });
});
