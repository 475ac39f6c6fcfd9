/**
 * A site's settings (issue 13) as the API, the CLI and the console exchange them: the installation's
 * (the whole portal) or an agency's (its section). Every field is text, '' when not set; the
 * identifiers are checked against their formats (domain/site/identifiers.ts), each message naming
 * the field in Chinese and how to write it.
 */
import { z } from 'zod';
import { isIcpNumber, isSiteIdCode, psbDigits } from '../domain/site/identifiers.ts';
import { SITE_IMAGE_FIELDS } from '../domain/site/images.ts';
import { SITE_FIELD_LABELS, SITE_FIELDS, type SiteSettings } from '../domain/site/settings.ts';
import { fileUpload } from './request-inputs.ts';

const text = (field: keyof SiteSettings, max: number) =>
  z
    .string({ error: `${SITE_FIELD_LABELS[field]}应为文本` })
    .trim()
    .max(max, { error: `${SITE_FIELD_LABELS[field]}最长 ${max} 个字符` })
    .default('');

const isAddress = (value: string, { local }: { local: boolean }) => {
  if (value === '') return true;
  if (local && value.startsWith('/') && !value.startsWith('//')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

const address = (field: keyof SiteSettings, { local }: { local: boolean }) =>
  text(field, 500).refine((v) => isAddress(v, { local }), {
    error: local
      ? `${SITE_FIELD_LABELS[field]}应为以 https:// 开头的网址或以 / 开头的本站地址`
      : `${SITE_FIELD_LABELS[field]}应为以 https:// 开头的网址，如 https://gk.example.gov.cn`,
  });

export const siteSettingsBody = z.object({
  siteName: text('siteName', 100),
  siteUrl: address('siteUrl', { local: false }),
  sponsor: text('sponsor', 200),
  organizer: text('organizer', 200),
  contactPhone: text('contactPhone', 100),
  contactEmail: text('contactEmail', 200).refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    error: '联系邮箱格式不正确，应如 gongkai@example.gov.cn',
  }),
  contactAddress: text('contactAddress', 200),
  contactPage: address('contactPage', { local: true }),
  siteCode: text('siteCode', 10).refine((v) => v === '' || isSiteIdCode(v), {
    error:
      '网站标识码应为国务院办公厅分配的 10 位：地方政府网站为 10 位数字（如 3710000001），国务院部门网站为 bm 加 8 位数字',
  }),
  icp: text('icp', 40).refine((v) => v === '' || isIcpNumber(v), {
    error: 'ICP备案号格式不正确，应如 鲁ICP备12345678号-1（省份简称、ICP备、编号、号，网站序号可省略）',
  }),
  psb: text('psb', 40).refine((v) => v === '' || psbDigits(v) !== null, {
    error: '公安机关备案号格式不正确，应如 鲁公网安备 37100202000123号（省份简称、公网安备、14 位数字、号）',
  }),
  markImage: address('markImage', { local: true }),
  markLink: address('markLink', { local: false }),
  favicon: address('favicon', { local: true }),
});
export type SiteSettingsInput = z.input<typeof siteSettingsBody>;

export const siteSettingsSchema = z.object(
  Object.fromEntries(SITE_FIELDS.map((f) => [f, z.string()])) as Record<keyof SiteSettings, z.ZodString>,
);

/**
 * `POST …/site-settings/images`: an image uploaded for a field — `markImage` (党政机关网站标识图片)
 * or `favicon` (网站图标) — as JSON, its content in base64; the answer is the settings as stored.
 */
export const siteImageBody = z.object({
  field: z.enum(SITE_IMAGE_FIELDS, {
    error: `图片栏目应为 ${SITE_IMAGE_FIELDS.map((f) => `${f}（${SITE_FIELD_LABELS[f]}）`).join('或')}`,
  }),
  ...fileUpload,
});
export type SiteImageInput = z.input<typeof siteImageBody>;
