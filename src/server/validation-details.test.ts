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
      'an English zod default, translated',
      issue('/format', 'invalid_value', 'Invalid option', { values: ['a', 'b'] }),
      'format',
      '无效选项：期望以下之一 "a"|"b"',
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
    expect(summarizeIssues(details)).toBe('year：第一条');
  });
});
