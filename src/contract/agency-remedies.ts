/**
 * Where an agency's answers send the applicant (issue 11 point 2), as the API, the CLI and the
 * console exchange it: the 行政复议机关 (复议法 第二十三条第二款 “应当告知……先向行政复议机关申请行政复议”;
 * 第二十条第三款), the court for suits (诉讼法 第四十六条), and the complaint channel (条例 第四十七条第二款
 * “可以向政府信息公开工作主管部门提出”, 第五十一条). Empty text: not set.
 */
import { z } from 'zod';

const name = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文本` })
    .trim()
    .max(max, { error: `${label}最长 ${max} 个字符` });

export const agencyRemediesBody = z.object({
  /** the 行政复议机关's full name, e.g. 威海市人民政府 */
  reviewBody: name('行政复议机关', 200).min(2, { error: '请填写行政复议机关的全称（如：威海市人民政府）' }),
  /** the court for suits, e.g. 威海市环翠区人民法院 */
  court: name('行政诉讼管辖法院', 200).min(2, {
    error: '请填写行政诉讼管辖法院的全称（如：威海市环翠区人民法院）',
  }),
  /** optional: the complaint channel, e.g. 威海市人民政府办公室（电话0631-…） */
  complaintChannel: name('投诉渠道', 500).default(''),
});
export type AgencyRemediesInput = z.input<typeof agencyRemediesBody>;
export type AgencyRemedies = z.output<typeof agencyRemediesBody>;

export const agencyRemediesSchema = z.object({
  reviewBody: z.string(),
  court: z.string(),
  complaintChannel: z.string(),
});
