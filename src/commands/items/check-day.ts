import { isIsoDate } from '../../domain/dates.ts';
import { AppError } from '../../errors.ts';

/**
 * A day given for an action (reviewed, published, withdrawn, posted): a real date, not after today
 * and not before the day it must follow. A validation error names the field.
 */
export function checkDay(
  field: string,
  label: string,
  day: string,
  limits: { today: string; notBefore?: { day: string; label: string } },
): string {
  const fail = (message: string): never => {
    throw new AppError('validation', message, [{ field, message }]);
  };
  if (!isIsoDate(day)) fail(`${label}“${day}”无效，请写成 YYYY-MM-DD。`);
  if (day > limits.today) fail(`${label} ${day} 不能晚于今天。`);
  const floor = limits.notBefore;
  if (floor && day < floor.day) fail(`${label} ${day} 不能早于${floor.label} ${floor.day}。`);
  return day;
}

/** A required text (a reason, an opinion), trimmed; a validation error when empty. */
export function requiredText(field: string, text: string | undefined, message: string): string {
  const trimmed = (text ?? '').trim();
  if (!trimmed) throw new AppError('validation', message, [{ field, message }]);
  return trimmed;
}
