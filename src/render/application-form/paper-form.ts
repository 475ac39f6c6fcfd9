/**
 * The paper 政府信息公开申请表 as rows, from the one field list the online form uses
 * (domain/requests/application-form.ts): the HTML (printed to PDF) and the DOCX render these rows,
 * so the three never differ in what they ask.
 */
import { APPLICATION_FORM } from '../../domain/requests/application-form.ts';

/** The agency the form is addressed to. */
export interface PaperFormAgency {
  name: string;
  office: string;
  address: string;
  postcode: string;
  phone: string;
}

export type PaperRow =
  | { kind: 'section'; text: string; hint?: string }
  | { kind: 'field'; label: string; required: boolean; hint?: string; lines: number }
  | { kind: 'choices'; label: string; required: boolean; hint?: string; choices: string[] };

/** The box a choice is ticked in. */
export const BOX = '□';

/** The form's rows in order: each section's heading, then its fields. */
export function paperRows(): PaperRow[] {
  return APPLICATION_FORM.flatMap((section): PaperRow[] => [
    { kind: 'section', text: section.legend, ...(section.hint ? { hint: section.hint } : {}) },
    ...section.fields.map((f): PaperRow => {
      const common = { label: f.label, required: f.required === true, ...(f.hint ? { hint: f.hint } : {}) };
      return f.options
        ? { kind: 'choices', ...common, choices: f.options.map(([, label]) => label) }
        : { kind: 'field', ...common, lines: f.paperLines ?? 1 };
    }),
  ]);
}

/** Where the paper form goes (the lines under the title), '' parts left out. */
export function addressLines(agency: PaperFormAgency): string[] {
  const lines = [`受理机关：${agency.name}${agency.office ? `（${agency.office}）` : ''}`];
  if (agency.address)
    lines.push(`递交地址：${agency.address}${agency.postcode ? `（邮政编码${agency.postcode}）` : ''}`);
  if (agency.phone) lines.push(`咨询电话：${agency.phone}`);
  return lines;
}

/** The lines after the table: the applicant's signature and what the agency fills in. */
export const SIGNATURE_LINE = '申请人签名（盖章）：＿＿＿＿＿＿＿＿＿　　申请日期：＿＿＿＿年＿＿月＿＿日';
export const OFFICE_USE_LINE =
  '以下由受理机关填写　收到日期：＿＿＿＿年＿＿月＿＿日　登记编号：＿＿＿＿＿＿＿＿';
export const FORM_NOTES = [
  '带 * 的为必填项。请用黑色或蓝黑色笔填写，字迹清楚；选择项在 □ 内打 √。',
  '请同时提交身份证明复印件；法人或者其他组织请提交营业执照等证明文件复印件。',
];
export const FORM_TITLE = '政府信息公开申请表';
