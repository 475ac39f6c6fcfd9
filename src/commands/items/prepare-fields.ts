/** Fields as they are stored: checked (in Chinese, every problem at once), the body sanitized. */
import { type ItemFields, itemFieldProblems } from '../../domain/items/fields.ts';
import { bodyText, sanitizeBody } from '../../domain/items/sanitize-body.ts';
import { AppError } from '../../errors.ts';

/** The fields with the body sanitized and its plain text (dates checked against `today`); a validation error lists every problem. */
export function prepareFields(fields: ItemFields, today: string): { fields: ItemFields; bodyText: string } {
  const problems = itemFieldProblems(fields, today);
  if (problems.length > 0) {
    throw new AppError('validation', `信息内容有误：${problems.map((p) => p.message).join('')}`, problems);
  }
  const bodyHtml = sanitizeBody(fields.bodyHtml);
  return {
    fields: { ...fields, title: fields.title.trim(), bodyHtml },
    bodyText: bodyText(bodyHtml),
  };
}
