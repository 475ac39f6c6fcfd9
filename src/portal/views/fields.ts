/**
 * Form fields with their <label>, hint and error text, the error tied to the control by
 * aria-describedby (and aria-invalid), so a screen reader reads what to fix.
 */
import { escapeHtml } from '../../render/escape.ts';

/** Field name → its Chinese messages. */
export type FieldErrors = Record<string, string[]>;

export interface FieldSpec {
  name: string;
  label: string;
  value: string;
  errors: FieldErrors;
  hint?: string;
  required?: boolean;
}

const id = (name: string) => `f-${name}`;

function describedBy(spec: FieldSpec): { attrs: string; after: string } {
  const ids: string[] = [];
  let after = '';
  if (spec.hint) {
    ids.push(`${id(spec.name)}-hint`);
    after += `<p class="hint" id="${id(spec.name)}-hint">${escapeHtml(spec.hint)}</p>`;
  }
  const errors = spec.errors[spec.name] ?? [];
  if (errors.length > 0) {
    ids.push(`${id(spec.name)}-error`);
    after += `<p class="error" id="${id(spec.name)}-error">${errors.map(escapeHtml).join('；')}</p>`;
  }
  const attrs =
    (ids.length > 0 ? ` aria-describedby="${ids.join(' ')}"` : '') +
    (errors.length > 0 ? ' aria-invalid="true"' : '') +
    (spec.required ? ' required' : '');
  return { attrs, after };
}

function wrap(spec: FieldSpec, control: string, after: string): string {
  const invalid = (spec.errors[spec.name] ?? []).length > 0 ? ' invalid' : '';
  const mark = spec.required ? '<span class="req" aria-hidden="true">*</span>' : '';
  return `<div class="field${invalid}"><label for="${id(spec.name)}">${escapeHtml(spec.label)}${mark}</label>${control}${after}</div>`;
}

/** A one-line text input. */
export function textField(
  spec: FieldSpec & { type?: string; maxlength?: number; autocomplete?: string },
): string {
  const { attrs, after } = describedBy(spec);
  const extra =
    (spec.maxlength ? ` maxlength="${spec.maxlength}"` : '') +
    (spec.autocomplete ? ` autocomplete="${spec.autocomplete}"` : '');
  const control = `<input id="${id(spec.name)}" name="${spec.name}" type="${spec.type ?? 'text'}" value="${escapeHtml(spec.value)}" size="40"${extra}${attrs}>`;
  return wrap(spec, control, after);
}

/** A multi-line text area. */
export function textArea(spec: FieldSpec & { maxlength?: number }): string {
  const { attrs, after } = describedBy(spec);
  const control = `<textarea id="${id(spec.name)}" name="${spec.name}" rows="6"${spec.maxlength ? ` maxlength="${spec.maxlength}"` : ''}${attrs}>${escapeHtml(spec.value)}</textarea>`;
  return wrap(spec, control, after);
}

/** A drop-down list with a “请选择” first option. */
export function selectField(spec: FieldSpec & { options: ReadonlyArray<[string, string]> }): string {
  const { attrs, after } = describedBy(spec);
  const options = spec.options
    .map(
      ([v, l]) =>
        `<option value="${escapeHtml(v)}"${v === spec.value ? ' selected' : ''}>${escapeHtml(l)}</option>`,
    )
    .join('');
  const control = `<select id="${id(spec.name)}" name="${spec.name}"${attrs}><option value="">请选择</option>${options}</select>`;
  return wrap(spec, control, after);
}

/** A group of radio buttons in a fieldset with its legend; the error is read with each choice. */
export function radioGroup(spec: FieldSpec & { options: ReadonlyArray<[string, string]> }): string {
  const { attrs, after } = describedBy({ ...spec, required: false });
  const mark = spec.required ? '<span class="req" aria-hidden="true">*</span>' : '';
  const choices = spec.options
    .map(
      ([v, l], i) =>
        `<span><input type="radio" id="${id(spec.name)}-${i}" name="${spec.name}" value="${escapeHtml(v)}"${v === spec.value ? ' checked' : ''}${attrs}> ` +
        `<label for="${id(spec.name)}-${i}">${escapeHtml(l)}</label></span>`,
    )
    .join(' ');
  const invalid = (spec.errors[spec.name] ?? []).length > 0 ? ' invalid' : '';
  return `<fieldset class="field${invalid}" id="${id(spec.name)}"><legend>${escapeHtml(spec.label)}${mark}</legend><div>${choices}</div>${after}</fieldset>`;
}
