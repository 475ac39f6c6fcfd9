import type { z } from 'zod';
import { AppError } from '../../errors.ts';

/**
 * Parses a settings body with its contract schema; a problem is a 400 whose message lists each
 * field's Chinese message (they name the field) and whose details keep the field's path.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({
    field: i.path.join('.') || 'body',
    message: i.message,
  }));
  throw new AppError('validation', `输入有误：${details.map((d) => d.message).join('；')}`, details);
}
