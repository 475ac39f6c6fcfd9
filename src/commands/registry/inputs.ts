/**
 * The inputs of the registry commands: their zod schemas are the API contract's
 * (src/contract/registry-inputs.ts), used by the API's bodies and the CLI's JSON files.
 */
import type { z } from 'zod';
import { AppError } from '../../errors.ts';

export * from '../../contract/registry-inputs.ts';

/** Parses an input with its schema, or throws a validation AppError naming each field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({
    field: i.path.join('.') || 'input',
    message: i.message,
  }));
  const summary = details
    .map((d) => (d.field === 'input' ? d.message : `${d.field}：${d.message}`))
    .join('；');
  throw new AppError('validation', `输入有误（${summary}），请修改后重试。`, details);
}
