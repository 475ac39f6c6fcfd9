import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { fieldErrorsOf } from './field-errors.ts';

const FORM = ['docNumber', 'issuedOn', 'repealedBy'];
const validation = (details: Array<{ field: string; message: string }>) =>
  new ApiError(400, 'validation', '请求参数有误，请修改后重试。', details);

describe('fieldErrorsOf', () => {
  it.each([
    [
      'a body field of the amend form',
      validation([{ field: 'issuedOn', message: '“新版本制发日期”不是有效日期' }]),
      [{ name: 'issuedOn', errors: ['“新版本制发日期”不是有效日期'] }],
      null,
    ],
    [
      'a field inside a review decision',
      validation([{ field: 'decisions.0.repeal.repealedBy', message: '不能为空' }]),
      [{ name: 'repealedBy', errors: ['不能为空'] }],
      null,
    ],
    [
      'a field the form does not have',
      validation([{ field: 'itemId', message: '应为正整数' }]),
      [],
      '请求参数有误，请修改后重试。（应为正整数）',
    ],
    [
      'a refusal without fields',
      new ApiError(409, 'invalid_state', '文件 X 已于 2020-06-30 废止，不能修改。'),
      [],
      '文件 X 已于 2020-06-30 废止，不能修改。',
    ],
    ['a network failure', new Error('boom'), [], '操作失败，请稍后重试。'],
  ])('%s', (_situation, thrown, fields, summary) => {
    expect(fieldErrorsOf(thrown, FORM)).toEqual({ fields, summary });
  });
});
