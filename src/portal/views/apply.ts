/**
 * The online request form (条例第二十九条: who applies, with identity and contact; what
 * information; in what form and how delivered), re-rendered with the values kept and each field's
 * Chinese message; and the confirmation with the tracking code and registration number.
 */

import {
  APPLICATION_FORM,
  APPLY_FIELDS,
  type ApplicationFormField,
  type ApplicationFormSection,
  type ApplyField,
} from '../../domain/requests/application-form.ts';
import { html, type SafeHtml } from '../../render/escape.ts';
import { FORM_CSRF_FIELD } from '../../server/csrf.ts';
import type { AgencyProfile } from '../queries/catalog.ts';
import { checkboxGroup, type FieldErrors, radioGroup, selectField, textArea, textField } from './fields.ts';
import type { PageContext } from './layout.ts';
import { urls } from './parts.ts';
import { renderSectionPage } from './section-page.ts';

/** The form's fields (names as the API's applicant body), all text: the one list in domain/requests/application-form.ts. */
export { APPLY_FIELDS };
/** The form's values; `suggestReasons` holds the ticked reasons of 条例第四十四条第二款. */
export type ApplyValues = Record<ApplyField, string> & { suggestReasons: string[] };

export interface ApplyFormView {
  values: ApplyValues;
  errors: FieldErrors;
  /** the one-time submission token */
  token: string;
  /** the CSRF field's value (server/csrf.ts: the HMAC of this browser's gongkai_csrf cookie) */
  csrf: string;
}

function errorSummary(errors: FieldErrors): SafeHtml | '' {
  const entries = Object.entries(errors).flatMap(([field, messages]) =>
    messages.map((m) =>
      field === 'token'
        ? html`<li>${m}</li>`
        : html`<li><a href="#f-${field === 'contact' ? 'phone' : field}">${m}</a></li>`,
    ),
  );
  if (entries.length === 0) return '';
  return html`<div class="alert" role="alert" id="errors"><p>申请表有${entries.length}处需要修改：</p><ul>${entries}</ul></div>`;
}

/** One field of the shared list as its online control, with the value and messages. */
function renderField(field: ApplicationFormField, view: ApplyFormView): SafeHtml {
  const errors = view.errors;
  const optional = {
    ...(field.required ? { required: true } : {}),
    ...(field.hint ? { hint: field.hint } : {}),
  };
  const choices = field.options ?? [];
  if (field.name === 'suggestReasons')
    return checkboxGroup({
      name: field.name,
      label: field.label,
      values: view.values.suggestReasons,
      errors,
      options: choices,
    });
  const value = view.values[field.name];
  const base = { name: field.name, label: field.label, value, errors, ...optional };
  switch (field.kind) {
    case 'select':
      return selectField({ ...base, options: choices });
    case 'radio':
      return radioGroup({ ...base, options: choices });
    case 'textarea':
      return textArea({ ...base, maxlength: field.maxlength });
    default:
      return textField({
        ...base,
        ...(field.type ? { type: field.type } : {}),
        maxlength: field.maxlength,
        ...(field.autocomplete ? { autocomplete: field.autocomplete } : {}),
      });
  }
}

function renderSection(section: ApplicationFormSection, view: ApplyFormView): SafeHtml {
  const fields = section.fields.map((f) => renderField(f, view));
  if (!section.contact) {
    const hint = section.hint ? html`<p class="hint">${section.hint}</p>` : '';
    return html`<fieldset><legend>${section.legend}</legend>${hint}${fields}</fieldset>`;
  }
  // at least one of the contact fields: the hint and the section's error are read with the fieldset
  const contactErrors = view.errors.contact ?? [];
  const contactError = contactErrors.map((m) => html`<p class="error" id="f-contact-error">${m}</p>`);
  return html`<fieldset aria-describedby="f-contact-hint${contactErrors.length > 0 ? ' f-contact-error' : ''}"><legend>${section.legend}</legend><p class="hint" id="f-contact-hint">${section.hint ?? ''}</p>${contactError}${fields}</fieldset>`;
}

function renderForm(agency: AgencyProfile, view: ApplyFormView): SafeHtml {
  return html`${[
    html`<form class="stack" method="post" action="${urls.apply(agency.code)}" novalidate>`,
    html`<input type="hidden" name="token" value="${view.token}">`,
    html`<input type="hidden" name="${FORM_CSRF_FIELD}" value="${view.csrf}">`,
    APPLICATION_FORM.map((section) => renderSection(section, view)),
    html`<p><button type="submit">提交申请</button></p></form>`,
  ]}`;
}

/** A page of the request form's steps, in the agency's 依申请公开 column. */
export function applyPage(
  agency: AgencyProfile,
  context: PageContext,
  title: string,
  main: SafeHtml,
): string {
  return renderSectionPage(agency, context, {
    title,
    nav: '/apply',
    side: 'onRequest',
    trail: [{ label: '依申请公开', href: urls.onRequest(agency.code) }, { label: title }],
    main,
  });
}

/** The form page (empty, or again with the values and the messages). */
export function renderApplyForm(agency: AgencyProfile, view: ApplyFormView, context: PageContext): string {
  const main = html`<h1>政府信息公开申请</h1><p>向<strong>${agency.name}</strong>申请获取政府信息。带 <span class="req">*</span> 的为必填项。</p>${errorSummary(view.errors)}${renderForm(agency, view)}`;
  return applyPage(agency, context, '在线申请', main);
}
