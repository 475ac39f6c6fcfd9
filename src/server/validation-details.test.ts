import type { FastifySchemaValidationError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { summarizeIssues, validationDetails } from './validation-details.ts';

const issue = (
  instancePath: string,
  keyword: string,
  message: string,
  params: Record<string, unknown> = {},
): FastifySchemaValidationError => ({ instancePath, keyword, message, params, schemaPath: '#' });

describe('validationDetails', () => {
  it.each([
    [
      'a Chinese schema message',
      issue('/year', 'invalid_format', '年份应为四位数字，如 2021'),
      'year',
      '年份应为四位数字，如 2021',
    ],
    [
      'a value of none of a union’s kinds, without zod’s “无效输入”',
      issue('/licenseDecisions', 'invalid_union', 'Invalid input', { errors: [] }),
      'licenseDecisions',
      '格式不正确，请按说明填写',
    ],
    [
      'an English zod default, translated',
      issue('/format', 'invalid_value', 'Invalid option', { values: ['a', 'b'] }),
      'format',
      '不是可选的值之一，请从列表中选择',
    ],
    [
      'a number too big, without “期望 number <=10000”',
      issue('/cells/t3', 'too_big', 'Too big', {
        origin: 'number',
        maximum: 10000,
        inclusive: true,
        input: 20000,
      }),
      'cells.t3',
      '应不大于 10000',
    ],
    [
      'a number below its minimum, exclusive',
      issue('/n', 'too_small', 'Too small', { origin: 'number', minimum: 0, inclusive: false, input: 0 }),
      'n',
      '应大于 0',
    ],
    [
      'a text too long',
      issue('/note', 'too_big', 'Too big', { origin: 'string', maximum: 200, inclusive: true, input: 'x' }),
      'note',
      '最长 200 个字',
    ],
    [
      'an empty text',
      issue('/reason', 'too_small', 'Too small', {
        origin: 'string',
        minimum: 1,
        inclusive: true,
        input: '',
      }),
      'reason',
      '不能为空',
    ],
    [
      'a list too long',
      issue('/ids', 'too_big', 'Too big', { origin: 'array', maximum: 50, inclusive: true, input: [] }),
      'ids',
      '最多 50 项',
    ],
    [
      'text where a number belongs',
      issue('/fee', 'invalid_type', 'Invalid input', { expected: 'number', input: 'abc' }),
      'fee',
      '应为数字',
    ],
    [
      'a missing value without its input',
      issue('/name', 'invalid_type', 'Invalid input', { expected: 'string' }),
      'name',
      '缺少该项或类型不正确',
    ],
    ['a nested field', issue('/items/0/title', 'custom', '标题不能为空'), 'items.0.title', '标题不能为空'],
    ['the whole part', issue('', 'custom', '请求体不能为空'), 'body', '请求体不能为空'],
  ])('names the field and says in Chinese what is wrong: %s', (_situation, input, field, message) => {
    expect(validationDetails([input], 'body')).toEqual([{ field, message }]);
  });

  it('keeps one message per field, the first', () => {
    const details = validationDetails(
      [issue('/year', 'a', '第一条'), issue('/year', 'b', '第二条')],
      'params',
    );
    expect(details).toEqual([{ field: 'year', message: '第一条' }]);
    expect(summarizeIssues(details)).toBe('年份：第一条');
  });

  it.each([
    [
      'a field with a Chinese name, not in its message',
      [{ field: 'expectedVersion', message: '应为正整数' }],
      '版本号：应为正整数',
    ],
    [
      'a field its message already names',
      [{ field: 'payload.party', message: '请填写征求意见对象，不能为空' }],
      '请填写征求意见对象，不能为空',
    ],
    ['a label inside the message', [{ field: 'year', message: '年度应为四位年份' }], '年度应为四位年份'],
    ['an item of a list', [{ field: 'applicant.0.name', message: '请填写姓名' }], '请填写姓名'],
    [
      'the event log’s 操作人 filter, named',
      [{ field: 'actor', message: '最长 64 个字' }],
      '操作人：最长 64 个字',
    ],
    [
      'two fields',
      [
        { field: 'occurredOn', message: '不是有效日期' },
        { field: 'payload.kind', message: '对象类型应为 third_party 或 agency' },
      ],
      '办理日期：不是有效日期；对象类型应为 third_party 或 agency',
    ],
  ])('summarizes in Chinese, never an English field name: %s', (_case, details, sentence) => {
    const summary = summarizeIssues(details);
    expect(summary).toBe(sentence);
    expect(summary).not.toMatch(/\b(expectedVersion|occurredOn|payload|year)\b/);
  });
});
