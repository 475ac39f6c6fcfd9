/**
 * The online request form (条例第二十九条: who applies, with identity and contact; what
 * information; in what form and how delivered), re-rendered with the values kept and each field's
 * Chinese message; and the confirmation with the tracking code and registration number.
 */

import { ID_DOCUMENT_LABELS, ID_DOCUMENT_TYPES } from '../../domain/identity/documents.ts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from '../../domain/report/vocabulary.ts';
import {
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  INFORMATION_FORM_LABELS,
  INFORMATION_FORMS,
} from '../../domain/requests/applicant.ts';
import { SUGGESTION_REASON_LABELS, SUGGESTION_REASONS } from '../../domain/requests/proposals/suggestion.ts';
import { html, type SafeHtml } from '../../render/escape.ts';
import { FORM_CSRF_FIELD } from '../../server/csrf.ts';
import type { AgencyProfile } from '../queries/catalog.ts';
import { checkboxGroup, type FieldErrors, radioGroup, selectField, textArea, textField } from './fields.ts';
import type { PageContext } from './layout.ts';
import { urls } from './parts.ts';
import { renderSectionPage } from './section-page.ts';

/** The form's fields (names as the API's applicant body), all text. */
export const APPLY_FIELDS = [
  'applicantType',
  'name',
  'idType',
  'idName',
  'idNumber',
  'phone',
  'email',
  'address',
  'information',
  'docNumber',
  'form',
  'formOther',
  'delivery',
  'deliveryOther',
  'suggestNote',
] as const;
/** The form's values; `suggestReasons` holds the ticked reasons of 条例第四十四条第二款. */
export type ApplyValues = Record<(typeof APPLY_FIELDS)[number], string> & { suggestReasons: string[] };

export interface ApplyFormView {
  values: ApplyValues;
  errors: FieldErrors;
  /** the one-time submission token */
  token: string;
  /** the CSRF field's value (server/csrf.ts: the HMAC of this browser's gongkai_csrf cookie) */
  csrf: string;
}

const options = <T extends string>(codes: readonly T[], labels: Record<T, string>) =>
  codes.map((c) => [c, labels[c]] as [string, string]);

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

function renderForm(agency: AgencyProfile, view: ApplyFormView): SafeHtml {
  const v = view.values;
  const e = view.errors;
  const contactErrors = e.contact ?? [];
  const contactError = contactErrors.map((m) => html`<p class="error" id="f-contact-error">${m}</p>`);
  return html`${[
    html`<form class="stack" method="post" action="${urls.apply(agency.code)}" novalidate>`,
    html`<input type="hidden" name="token" value="${view.token}">`,
    html`<input type="hidden" name="${FORM_CSRF_FIELD}" value="${view.csrf}">`,
    html`<fieldset><legend>一、申请人信息</legend>`,
    selectField({
      name: 'applicantType',
      label: '申请人类型',
      value: v.applicantType,
      errors: e,
      required: true,
      options: options(APPLICANT_TYPES, APPLICANT_TYPE_LABELS),
    }),
    textField({
      name: 'name',
      label: '姓名或者名称',
      value: v.name,
      errors: e,
      required: true,
      maxlength: 100,
      hint: '自然人填写姓名；法人或者其他组织填写名称。',
      autocomplete: 'name',
    }),
    selectField({
      name: 'idType',
      label: '身份证明（证件类型）',
      value: v.idType,
      errors: e,
      required: true,
      options: options(ID_DOCUMENT_TYPES, ID_DOCUMENT_LABELS),
    }),
    textField({
      name: 'idName',
      label: '证件名称',
      value: v.idName,
      errors: e,
      maxlength: 100,
      hint: '证件类型选择“其他证件”时填写。',
    }),
    textField({
      name: 'idNumber',
      label: '证件号码',
      value: v.idNumber,
      errors: e,
      required: true,
      maxlength: 64,
    }),
    html`</fieldset>`,
    html`<fieldset aria-describedby="f-contact-hint${contactErrors.length > 0 ? ' f-contact-error' : ''}"><legend>二、联系方式</legend>`,
    html`<p class="hint" id="f-contact-hint">联系电话、电子邮箱、通信地址至少填写一项；选择邮寄的须填写通信地址，选择电子邮件的须填写电子邮箱。</p>`,
    contactError,
    textField({
      name: 'phone',
      label: '联系电话',
      value: v.phone,
      errors: e,
      type: 'tel',
      maxlength: 40,
      autocomplete: 'tel',
    }),
    textField({
      name: 'email',
      label: '电子邮箱',
      value: v.email,
      errors: e,
      type: 'email',
      maxlength: 200,
      autocomplete: 'email',
    }),
    textField({
      name: 'address',
      label: '通信地址',
      value: v.address,
      errors: e,
      maxlength: 200,
      autocomplete: 'street-address',
    }),
    html`</fieldset>`,
    html`<fieldset><legend>三、所需政府信息</legend>`,
    textArea({
      name: 'information',
      label: '所需信息的名称或者特征性描述',
      value: v.information,
      errors: e,
      required: true,
      maxlength: 2000,
      hint: '请尽量写明信息的名称、形成时间、制作机关等，便于查找。',
    }),
    textField({ name: 'docNumber', label: '文号（如知道）', value: v.docNumber, errors: e, maxlength: 100 }),
    html`</fieldset>`,
    html`<fieldset><legend>四、形式要求</legend>`,
    radioGroup({
      name: 'form',
      label: '所需信息的形式',
      value: v.form,
      errors: e,
      required: true,
      options: options(INFORMATION_FORMS, INFORMATION_FORM_LABELS),
    }),
    textField({
      name: 'formOther',
      label: '其他形式（选择“其他”时填写）',
      value: v.formOther,
      errors: e,
      maxlength: 200,
    }),
    radioGroup({
      name: 'delivery',
      label: '获取信息的方式',
      value: v.delivery,
      errors: e,
      required: true,
      options: options(DELIVERY_METHODS, DELIVERY_METHOD_LABELS),
    }),
    textField({
      name: 'deliveryOther',
      label: '其他方式（选择“其他”时填写）',
      value: v.deliveryOther,
      errors: e,
      maxlength: 200,
    }),
    html`</fieldset>`,
    html`<fieldset><legend>五、建议纳入主动公开（可选）</legend>`,
    html`<p class="hint">条例第四十四条第二款：申请人认为涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的，可以建议行政机关将该信息纳入主动公开的范围。</p>`,
    checkboxGroup({
      name: 'suggestReasons',
      label: '建议纳入主动公开的理由',
      values: v.suggestReasons,
      errors: e,
      options: options(SUGGESTION_REASONS, SUGGESTION_REASON_LABELS),
    }),
    textArea({ name: 'suggestNote', label: '建议说明', value: v.suggestNote, errors: e, maxlength: 500 }),
    html`</fieldset>`,
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
