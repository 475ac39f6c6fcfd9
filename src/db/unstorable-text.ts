/**
 * PostgreSQL refuses text it cannot store — the null character U+0000 (SQLSTATE 22021,
 * character_not_in_repertoire: “invalid byte sequence for encoding "UTF8": 0x00”). The server
 * refuses such input before it reaches a statement (server/utf8.ts); should any reach one, the
 * statement fails, its transaction is rolled back, and the caller is told what to change (400), not
 * “an internal error” (500).
 */
import { AppError } from '../errors.ts';

export function isUnstorableText(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '22021';
}

export function unstorableTextError(): AppError {
  return new AppError(
    'validation',
    '提交的内容含有数据库无法保存的字符（如空字符 U+0000），本次操作未完成，请删除这些字符后重试。',
  );
}
