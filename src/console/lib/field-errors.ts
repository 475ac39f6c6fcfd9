/**
 * The server's validation issues placed on a form's fields: `decisions.0.repeal.repealedBy` belongs
 * to the form's `repealedBy`. Pure; the page hands the result to Ant Design's `form.setFields`.
 */
import { ApiError, messageOf } from '../api/client.ts';

export interface FieldErrors<K extends string = string> {
  /** `[{ name, errors }]` for `form.setFields`, one per form field the server named */
  fields: Array<{ name: K; errors: string[] }>;
  /** the sentence to show above the form: null when every issue sits on a field */
  summary: string | null;
}

/** The form field an issue's path names (its last segment), when the form has it. */
function fieldOf<K extends string>(path: string, formFields: readonly K[]): K | undefined {
  const last = path.split('.').at(-1) ?? path;
  return formFields.find((f) => f === last);
}

/** Splits what a call threw into messages on `formFields` and a summary for the rest. */
export function fieldErrorsOf<K extends string>(thrown: unknown, formFields: readonly K[]): FieldErrors<K> {
  if (!(thrown instanceof ApiError)) return { fields: [], summary: messageOf(thrown) };
  const byField = new Map<K, string[]>();
  let unplaced = thrown.details.length === 0;
  for (const issue of thrown.details) {
    const field = fieldOf(issue.field, formFields);
    if (!field) {
      unplaced = true;
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  const fields = [...byField].map(([name, errors]) => ({ name, errors }));
  return { fields, summary: unplaced ? messageOf(thrown) : null };
}
