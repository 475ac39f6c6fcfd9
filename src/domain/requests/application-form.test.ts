import { describe, expect, it } from 'vitest';
import { APPLICATION_FORM, APPLY_FIELDS } from './application-form.ts';

describe('the application form’s one field list', () => {
  const names = APPLICATION_FORM.flatMap((s) => s.fields.map((f) => f.name));

  it('holds every text field of the online form once, and the suggestion reasons', () => {
    expect(names.filter((n) => n !== 'suggestReasons').sort()).toEqual([...APPLY_FIELDS].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([
    ['applicantType', '申请人类型', true],
    ['idType', '身份证明（证件类型）', true],
    ['information', '所需信息的名称或者特征性描述', true],
    ['form', '所需信息的形式', true],
    ['delivery', '获取信息的方式', true],
    ['docNumber', '文号（如知道）', false],
  ])('%s reads %s (required: %s), 条例 第二十九条第二款', (name, label, required) => {
    const field = APPLICATION_FORM.flatMap((s) => s.fields).find((f) => f.name === name);
    expect(field?.label).toBe(label);
    expect(field?.required === true).toBe(required);
  });

  it('gives every choice field its options and no text field any', () => {
    for (const field of APPLICATION_FORM.flatMap((s) => s.fields))
      expect((field.options?.length ?? 0) > 0, field.name).toBe(
        ['select', 'radio', 'checkbox'].includes(field.kind),
      );
  });
});
