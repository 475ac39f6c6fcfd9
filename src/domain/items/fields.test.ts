import { describe, expect, it } from 'vitest';
import { changedFields, type ItemFields, itemFieldProblems } from './fields.ts';

const valid: ItemFields = {
  title: '关于印发《临港区政务公开工作要点》的通知',
  bodyHtml: '<p>各部门：</p>',
  category: 'a20.1',
  columnCode: null,
  issuer: '临港区管委会',
  docNumber: '威临管发〔2021〕3号',
  formedOn: '2021-03-01',
  validity: 'valid',
  subject: '政务公开',
  isPolicyDocument: true,
  isInterpretation: false,
  isMeeting: false,
  isOnlineInterview: false,
};

describe('the fields of an item', () => {
  it('accepts a complete item', () => {
    expect(itemFieldProblems(valid, '2021-03-05')).toEqual([]);
  });

  it.each([
    ['an empty title', { title: '  ' }, 'title'],
    ['a title too long', { title: '长'.repeat(501) }, 'title'],
    ['an unknown category', { category: 'a20.16' as ItemFields['category'] }, 'category'],
    ['a formed date that is not a date', { formedOn: '2021-02-30' }, 'formedOn'],
    ['a formed date in the future', { formedOn: '2021-03-06' }, 'formedOn'],
    ['an unknown validity', { validity: 'draft' as ItemFields['validity'] }, 'validity'],
    ['both policy and interpretation', { isInterpretation: true }, 'isInterpretation'],
  ])('refuses %s', (_situation, change, field) => {
    const problems = itemFieldProblems({ ...valid, ...change }, '2021-03-05');
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lists the changed fields before → after', () => {
    expect(changedFields(valid, { ...valid, title: '新标题', validity: 'repealed' })).toEqual({
      title: { before: valid.title, after: '新标题' },
      validity: { before: 'valid', after: 'repealed' },
    });
  });
});
