import { describe, expect, it } from 'vitest';
import {
  amendRefusal,
  type DocumentState,
  effectiveStatus,
  inForceOn,
  repealRefusal,
  reviewRefusal,
} from './lifecycle.ts';
import { canEditRegistry } from './policy.ts';

const IN_FORCE: DocumentState = {
  docNumber: '威临管发〔2021〕1号',
  status: 'in_force',
  issuedOn: '2021-03-01',
  repealedOn: null,
};
const REPEALED: DocumentState = { ...IN_FORCE, status: 'repealed', repealedOn: '2021-09-01' };
const AMENDED: DocumentState = { ...IN_FORCE, status: 'amended', repealedOn: '2021-06-01' };

describe('inForceOn', () => {
  it.each<[string, DocumentState, string, boolean]>([
    ['the day it is issued', IN_FORCE, '2021-03-01', true],
    ['the day before it is issued', IN_FORCE, '2021-02-28', false],
    ['years later, never repealed', IN_FORCE, '2030-01-01', true],
    ['the day before its repeal', REPEALED, '2021-08-31', true],
    ['the day of its repeal', REPEALED, '2021-09-01', false],
    ['the day its new version is issued', AMENDED, '2021-06-01', false],
  ])('%s', (_situation, doc, day, expected) => {
    expect(inForceOn(doc, day)).toBe(expected);
  });
});

describe('effectiveStatus', () => {
  it.each<[string, string, string | null, string]>([
    ['a row in force', 'in_force', null, 'in_force'],
    ['an imported row with a repeal date', 'in_force', '2021-05-01', 'repealed'],
    ['an amended row', 'amended', '2021-05-01', 'amended'],
    ['a repealed row', 'repealed', '2021-05-01', 'repealed'],
  ])('%s', (_situation, status, repealedOn, expected) => {
    expect(effectiveStatus(status, repealedOn)).toBe(expected);
  });
});

describe('amendRefusal and repealRefusal', () => {
  it.each<[string, typeof amendRefusal, DocumentState, string, string | null]>([
    ['amending a document in force', amendRefusal, IN_FORCE, '2021-05-01', null],
    ['amending it the day it was issued', amendRefusal, IN_FORCE, '2021-03-01', null],
    ['amending before it was issued', amendRefusal, IN_FORCE, '2021-02-01', '早于文件'],
    ['amending a repealed document', amendRefusal, REPEALED, '2021-10-01', '已于 2021-09-01 废止，不能修改'],
    ['amending a superseded version', amendRefusal, AMENDED, '2021-10-01', '请对现行版本修改'],
    ['repealing a document in force', repealRefusal, IN_FORCE, '2021-12-31', null],
    ['repealing twice', repealRefusal, REPEALED, '2021-10-01', '不能废止'],
    ['repealing a superseded version', repealRefusal, AMENDED, '2021-10-01', '请对现行版本废止'],
    ['repealing before it was issued', repealRefusal, IN_FORCE, '2020-12-31', '废止日期 2020-12-31 早于'],
  ])('%s', (_situation, rule, doc, on, mentions) => {
    const reason = rule(doc, on);
    if (mentions === null) expect(reason).toBeNull();
    else expect(reason).toContain(mentions);
  });
});

describe('reviewRefusal', () => {
  it.each<[string, DocumentState, string, number, string | null]>([
    ['a document in force, reviewed in the year', IN_FORCE, '2021-11-20', 2021, null],
    ['the year’s pass held early the next year', IN_FORCE, '2022-01-15', 2021, null],
    ['a pass dated before its year', IN_FORCE, '2020-12-20', 2021, '早于 2021 年'],
    ['a repealed document', REPEALED, '2021-11-20', 2021, '不能作清理决定'],
    ['a superseded version', AMENDED, '2021-11-20', 2021, '取代'],
    [
      'a document issued after the review day',
      { ...IN_FORCE, issuedOn: '2021-12-01' },
      '2021-11-20',
      2021,
      '尚未制发',
    ],
  ])('%s', (_situation, doc, reviewedOn, year, mentions) => {
    const reason = reviewRefusal(doc, reviewedOn, year);
    if (mentions === null) expect(reason).toBeNull();
    else expect(reason).toContain(mentions);
  });
});

describe('canEditRegistry', () => {
  it.each<[string, string[], boolean]>([
    ['an operator', ['operator'], true],
    ['an approver', ['operator', 'approver'], true],
    ['an agency administrator', ['agency_admin'], true],
    ['a confidentiality reviewer only', ['reviewer'], false],
    ['no role', [], false],
  ])('%s', (_situation, roles, expected) => {
    expect(canEditRegistry(roles)).toBe(expected);
  });
});
