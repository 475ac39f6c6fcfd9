/**
 * The application form's fields, one list for the online form (src/portal/views/apply.ts) and the
 * paper 申请表 the 公开指南 offers as DOCX and PDF (src/render/application-form/), so the two always ask
 * the same things in the same order. 条例 第二十九条第二款：“政府信息公开申请应当包括下列内容：(一)申请人的姓名或者
 * 名称、身份证明、联系方式；(二)申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；(三)申请公开的政府
 * 信息的形式要求，包括获取信息的方式、途径。” Section 五 is 条例 第四十四条第二款's suggestion.
 */
import { ID_DOCUMENT_LABELS, ID_DOCUMENT_TYPES } from '../identity/documents.ts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from '../report/vocabulary.ts';
import {
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  INFORMATION_FORM_LABELS,
  INFORMATION_FORMS,
} from './applicant.ts';
import { SUGGESTION_REASON_LABELS, SUGGESTION_REASONS } from './proposals/suggestion.ts';

/** The form's text fields (names as the API's applicant body). */
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
export type ApplyField = (typeof APPLY_FIELDS)[number];

export type FormFieldKind = 'text' | 'textarea' | 'select' | 'radio' | 'checkbox';

export interface ApplicationFormField {
  name: ApplyField | 'suggestReasons';
  label: string;
  kind: FormFieldKind;
  required?: boolean;
  maxlength?: number;
  hint?: string;
  options?: ReadonlyArray<[string, string]>;
  /** the online input's type and autocomplete */
  type?: 'tel' | 'email';
  autocomplete?: string;
  /** handwritten lines the paper form leaves (1 unless told) */
  paperLines?: number;
}

export interface ApplicationFormSection {
  /** 一、申请人信息 */
  legend: string;
  /** the contact section: at least one of its fields (its hint is tied to the fieldset) */
  contact?: boolean;
  hint?: string;
  fields: readonly ApplicationFormField[];
}

const options = <T extends string>(codes: readonly T[], labels: Record<T, string>) =>
  codes.map((c): [string, string] => [c, labels[c]]);

export const APPLICATION_FORM: readonly ApplicationFormSection[] = [
  {
    legend: '一、申请人信息',
    fields: [
      {
        name: 'applicantType',
        label: '申请人类型',
        kind: 'select',
        required: true,
        options: options(APPLICANT_TYPES, APPLICANT_TYPE_LABELS),
      },
      {
        name: 'name',
        label: '姓名或者名称',
        kind: 'text',
        required: true,
        maxlength: 100,
        hint: '自然人填写姓名；法人或者其他组织填写名称。',
        autocomplete: 'name',
      },
      {
        name: 'idType',
        label: '身份证明（证件类型）',
        kind: 'select',
        required: true,
        options: options(ID_DOCUMENT_TYPES, ID_DOCUMENT_LABELS),
      },
      {
        name: 'idName',
        label: '证件名称',
        kind: 'text',
        maxlength: 100,
        hint: '证件类型选择“其他证件”时填写。',
      },
      { name: 'idNumber', label: '证件号码', kind: 'text', required: true, maxlength: 64 },
    ],
  },
  {
    legend: '二、联系方式',
    contact: true,
    hint: '联系电话、电子邮箱、通信地址至少填写一项；选择邮寄的须填写通信地址，选择电子邮件的须填写电子邮箱。',
    fields: [
      { name: 'phone', label: '联系电话', kind: 'text', type: 'tel', maxlength: 40, autocomplete: 'tel' },
      {
        name: 'email',
        label: '电子邮箱',
        kind: 'text',
        type: 'email',
        maxlength: 200,
        autocomplete: 'email',
      },
      {
        name: 'address',
        label: '通信地址',
        kind: 'text',
        maxlength: 200,
        autocomplete: 'street-address',
      },
    ],
  },
  {
    legend: '三、所需政府信息',
    fields: [
      {
        name: 'information',
        label: '所需信息的名称或者特征性描述',
        kind: 'textarea',
        required: true,
        maxlength: 2000,
        hint: '请尽量写明信息的名称、形成时间、制作机关等，便于查找。',
        paperLines: 5,
      },
      { name: 'docNumber', label: '文号（如知道）', kind: 'text', maxlength: 100 },
    ],
  },
  {
    legend: '四、形式要求',
    fields: [
      {
        name: 'form',
        label: '所需信息的形式',
        kind: 'radio',
        required: true,
        options: options(INFORMATION_FORMS, INFORMATION_FORM_LABELS),
      },
      { name: 'formOther', label: '其他形式（选择“其他”时填写）', kind: 'text', maxlength: 200 },
      {
        name: 'delivery',
        label: '获取信息的方式',
        kind: 'radio',
        required: true,
        options: options(DELIVERY_METHODS, DELIVERY_METHOD_LABELS),
      },
      { name: 'deliveryOther', label: '其他方式（选择“其他”时填写）', kind: 'text', maxlength: 200 },
    ],
  },
  {
    legend: '五、建议纳入主动公开（可选）',
    hint: '条例第四十四条第二款：申请人认为涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的，可以建议行政机关将该信息纳入主动公开的范围。',
    fields: [
      {
        name: 'suggestReasons',
        label: '建议纳入主动公开的理由',
        kind: 'checkbox',
        options: options(SUGGESTION_REASONS, SUGGESTION_REASON_LABELS),
      },
      { name: 'suggestNote', label: '建议说明', kind: 'textarea', maxlength: 500, paperLines: 2 },
    ],
  },
];
