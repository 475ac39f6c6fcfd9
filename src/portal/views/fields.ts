/**
 * Form fields with their <label>, hint and error text, the error tied to the control by
 * aria-describedby (and aria-invalid), so a screen reader reads what to fix.
 */
import { html, joinHtml, type SafeHtml } from '../../render/escape.ts';

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

function describedBy(spec: FieldSpec): { attrs: SafeHtml; before: SafeHtml | ''; after: SafeHtml | '' } {
  const ids: string[] = [];
  let before: SafeHtml | '' = '';
  let after: SafeHtml | '' = '';
  if (spec.hint) {
    ids.push(`${id(spec.name)}-hint`);
    before = html`<p class="hint" id="${id(spec.name)}-hint">${spec.hint}</p>`;
  }
  const errors = spec.errors[spec.name] ?? [];
  if (errors.length > 0) {
    ids.push(`${id(spec.name)}-error`);
    after = html`<p class="error" id="${id(spec.name)}-error">${errors.join('；')}</p>`;
  }
  const attrs = html`${ids.length > 0 ? html` aria-describedby="${ids.join(' ')}"` : ''}${errors.length > 0 ? html` aria-invalid="true"` : ''}${spec.required ? html` required` : ''}`;
  return { attrs, before, after };
}

const requiredMark = (spec: FieldSpec) =>
  spec.required ? html`<span class="req" aria-hidden="true">*</span>` : '';
const invalidClass = (spec: FieldSpec) => ((spec.errors[spec.name] ?? []).length > 0 ? ' invalid' : '');

function wrap(spec: FieldSpec, control: SafeHtml, before: SafeHtml | '', after: SafeHtml | ''): SafeHtml {
  return html`<div class="field${invalidClass(spec)}"><label for="${id(spec.name)}">${spec.label}${requiredMark(spec)}</label>${before}${control}${after}</div>`;
}

/** A one-line text input. */
export function textField(
  spec: FieldSpec & { type?: string; maxlength?: number; autocomplete?: string },
): SafeHtml {
  const { attrs, before, after } = describedBy(spec);
  const extra = html`${spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''}${spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''}`;
  const control = html`<input id="${id(spec.name)}" name="${spec.name}" type="${spec.type ?? 'text'}" value="${spec.value}" size="40"${extra}${attrs}>`;
  return wrap(spec, control, before, after);
}

/** A multi-line text area. */
export function textArea(spec: FieldSpec & { maxlength?: number }): SafeHtml {
  const { attrs, before, after } = describedBy(spec);
  const control = html`<textarea id="${id(spec.name)}" name="${spec.name}" rows="6"${spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''}${attrs}>${spec.value}</textarea>`;
  return wrap(spec, control, before, after);
}

/** A drop-down list with a “请选择” first option. */
export function selectField(spec: FieldSpec & { options: ReadonlyArray<[string, string]> }): SafeHtml {
  const { attrs, before, after } = describedBy(spec);
  const options = spec.options.map(
    ([v, l]) => html`<option value="${v}"${v === spec.value ? html` selected` : ''}>${l}</option>`,
  );
  const control = html`<select id="${id(spec.name)}" name="${spec.name}"${attrs}><option value="">请选择</option>${options}</select>`;
  return wrap(spec, control, before, after);
}

/** A group of radio buttons in a fieldset with its legend; the error is read with each choice. */
export function radioGroup(spec: FieldSpec & { options: ReadonlyArray<[string, string]> }): SafeHtml {
  const { attrs, before, after } = describedBy({ ...spec, required: false });
  const choices = joinHtml(
    spec.options.map(
      ([v, l], i) =>
        html`<span><input type="radio" id="${id(spec.name)}-${i}" name="${spec.name}" value="${v}"${v === spec.value ? html` checked` : ''}${attrs}> <label for="${id(spec.name)}-${i}">${l}</label></span>`,
    ),
    ' ',
  );
  return html`<fieldset class="field${invalidClass(spec)}" id="${id(spec.name)}"><legend>${spec.label}${requiredMark(spec)}</legend>${before}<div class="choices">${choices}</div>${after}</fieldset>`;
}

/** Check boxes of one name (several values may be sent), the checked ones in `values`. */
export function checkboxGroup(
  spec: Omit<FieldSpec, 'value'> & { values: readonly string[]; options: ReadonlyArray<[string, string]> },
): SafeHtml {
  const { attrs, before, after } = describedBy({ ...spec, value: '', required: false });
  const choices = joinHtml(
    spec.options.map(
      ([v, l], i) =>
        html`<span><input type="checkbox" id="${id(spec.name)}-${i}" name="${spec.name}" value="${v}"${spec.values.includes(v) ? html` checked` : ''}${attrs}> <label for="${id(spec.name)}-${i}">${l}</label></span>`,
    ),
    ' ',
  );
  return html`<fieldset class="field${invalidClass({ ...spec, value: '' })}" id="${id(spec.name)}"><legend>${spec.label}</legend>${before}<div class="choices">${choices}</div>${after}</fieldset>`;
}
