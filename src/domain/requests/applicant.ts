/**
 * What an application states, 条例 第二十九条第二款: (一) 申请人的姓名或者名称、身份证明、联系方式;
 * (二) 申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述; (三) 申请公开的政府信息的
 * 形式要求，包括获取信息的方式、途径. Pure validation of a submitted form: every problem, in Chinese.
 */
import {
  idNumberProblem,
  isIdDocumentType,
  ORGANIZATION_DOCUMENTS,
  PERSON_DOCUMENTS,
} from '../identity/documents.ts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, type ApplicantType } from '../report/vocabulary.ts';

/** 所需信息的形式: 纸质, 电子邮件, 光盘, 当场查阅, 其他. */
export const INFORMATION_FORMS = ['paper', 'email', 'disc', 'on_site', 'other'] as const;
export type InformationForm = (typeof INFORMATION_FORMS)[number];
export const INFORMATION_FORM_LABELS: Record<InformationForm, string> = {
  paper: '纸质',
  email: '电子邮件',
  disc: '光盘',
  on_site: '当场查阅',
  other: '其他',
};

/** 获取信息的方式: 邮寄, 电子邮件, 自行领取, 其他. */
export const DELIVERY_METHODS = ['post', 'email', 'pickup', 'other'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '自行领取',
  other: '其他',
};

/**
 * The applicant's part of an application as submitted (a form, an imported line): every field may
 * be missing. Codes are those of ID_DOCUMENT_TYPES, INFORMATION_FORMS and DELIVERY_METHODS.
 */
export interface ApplicantInput {
  /** 姓名 or 名称 */
  name?: string;
  idType?: string;
  idNumber?: string;
  /** the name of the document when idType is other */
  idName?: string;
  phone?: string;
  email?: string;
  address?: string;
  /** 所需信息的名称或者特征性描述 */
  information?: string;
  /** 文号, optional */
  docNumber?: string;
  form?: string;
  formOther?: string;
  delivery?: string;
  deliveryOther?: string;
}

/** One problem: the field (an ApplicantInput key, `applicantType` or `contact`) and what to do. */
export interface FieldProblem {
  field: keyof ApplicantInput | 'applicantType' | 'contact';
  message: string;
}

const PHONE_PATTERNS = [
  /^1[3-9]\d{9}$/, // 手机
  /^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$/, // 固定电话（区号可省）
  /^[48]00-?\d{3}-?\d{4}$/, // 400/800
  /^\+\d[\d-]{6,18}$/, // 境外
];
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const text = (value: string | undefined): string => value?.trim() ?? '';
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** Whether an applicant type is a 法人或者其他组织 (any column but 自然人). */
export function isOrganization(type: ApplicantType): boolean {
  return type !== 'natural_person';
}

function identityProblems(input: ApplicantInput, type: string, today: string | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = isOneOf(APPLICANT_TYPES, type);
  if (!known)
    problems.push({
      field: 'applicantType',
      message: `请选择申请人类型：${APPLICANT_TYPES.map((t) => APPLICANT_TYPE_LABELS[t]).join('、')}`,
    });
  const organization = known && isOrganization(type);
  const name = text(input.name);
  if (name === '')
    problems.push({
      field: 'name',
      message: organization ? '请填写法人或者其他组织的名称' : '请填写申请人姓名',
    });
  else if (name.length > 100) problems.push({ field: 'name', message: '姓名或名称不能超过100个字' });

  const idType = text(input.idType);
  if (!isIdDocumentType(idType)) {
    problems.push({ field: 'idType', message: '请选择身份证明的证件类型' });
    return problems;
  }
  if (known && !(organization ? ORGANIZATION_DOCUMENTS : PERSON_DOCUMENTS).includes(idType))
    problems.push({
      field: 'idType',
      message: organization
        ? '法人或者其他组织请以统一社会信用代码（或其他登记证照）作为身份证明'
        : '自然人不能以统一社会信用代码作为身份证明',
    });
  if (idType === 'other' && text(input.idName) === '')
    problems.push({ field: 'idName', message: '请写明证件名称' });
  const idProblem = idNumberProblem(idType, input.idNumber ?? '', today);
  if (idProblem) problems.push({ field: 'idNumber', message: idProblem });
  return problems;
}

function contactProblems(input: ApplicantInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const [phone, email, address] = [
    text(input.phone).replace(/\s/g, ''),
    text(input.email),
    text(input.address),
  ];
  if (!phone && !email && !address)
    problems.push({ field: 'contact', message: '请至少填写一种联系方式：联系电话、电子邮箱或通信地址' });
  if (phone && !PHONE_PATTERNS.some((p) => p.test(phone)))
    problems.push({ field: 'phone', message: '联系电话格式不正确（手机号为11位，固定电话如0631-5201234）' });
  if (email && !EMAIL.test(email)) problems.push({ field: 'email', message: '电子邮箱格式不正确' });
  if (address.length > 200) problems.push({ field: 'address', message: '通信地址不能超过200个字' });
  return problems;
}

function informationProblems(input: ApplicantInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const description = text(input.information);
  if (description === '')
    problems.push({
      field: 'information',
      message: '请写明所需政府信息的名称、文号或者便于查询的其他特征性描述',
    });
  else if (description.length > 2000)
    problems.push({ field: 'information', message: '信息描述不能超过2000个字' });
  if (text(input.docNumber).length > 100)
    problems.push({ field: 'docNumber', message: '文号不能超过100个字' });
  return problems;
}

function formProblems(input: ApplicantInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const [form, delivery] = [text(input.form), text(input.delivery)];
  if (!isOneOf(INFORMATION_FORMS, form))
    problems.push({ field: 'form', message: '请选择所需信息的形式：纸质、电子邮件、光盘、当场查阅或其他' });
  else if (form === 'other' && text(input.formOther) === '')
    problems.push({ field: 'formOther', message: '请写明所需信息的其他形式' });
  if (!isOneOf(DELIVERY_METHODS, delivery))
    problems.push({ field: 'delivery', message: '请选择获取信息的方式：邮寄、电子邮件、自行领取或其他' });
  else if (delivery === 'other' && text(input.deliveryOther) === '')
    problems.push({ field: 'deliveryOther', message: '请写明获取信息的其他方式' });
  if (delivery === 'post' && text(input.address) === '')
    problems.push({ field: 'address', message: '选择邮寄的，请填写通信地址' });
  if ((delivery === 'email' || form === 'email') && text(input.email) === '')
    problems.push({ field: 'email', message: '选择电子邮件的，请填写电子邮箱' });
  if (form === 'on_site' && (delivery === 'post' || delivery === 'email'))
    problems.push({ field: 'delivery', message: '选择当场查阅的，获取方式应为自行领取或其他' });
  return problems;
}

/**
 * Every problem of an application under 第二十九条, each with its field and a Chinese message; empty
 * when it is complete. `applicantType`: natural_person or one of the five kinds of 法人或者其他组织
 * of table 三 (APPLICANT_TYPES). Pass `today` (YYYY-MM-DD) to refuse a 身份证 birth date in the future.
 */
export function applicantProblems(
  input: ApplicantInput,
  applicantType: string,
  today?: string,
): FieldProblem[] {
  return [
    ...identityProblems(input, applicantType.trim(), today),
    ...contactProblems(input),
    ...informationProblems(input),
    ...formProblems(input),
  ];
}

/**
 * The problems of the applicant of a correction request (条例 第四十一条 “与其自身相关的政府信息记录”): who
 * they are and how to reach them; the information sought and its form (第二十九条第二款第（二）（三）项) are a
 * disclosure request's, a correction request states its record instead (record-correction.ts).
 */
export function correctionApplicantProblems(
  input: ApplicantInput,
  applicantType: string,
  today?: string,
): FieldProblem[] {
  return [...identityProblems(input, applicantType.trim(), today), ...contactProblems(input)];
}
