/**
 * The images of a site's settings (issue 13): the 党政机关网站 mark and the icon, uploaded and served
 * by the portal at `/site-files/<sha256>.<ext>` — an address that names its content, so it is
 * cached for a year and a new image is a new address. Raster images only: an SVG may carry script
 * and is refused (docs/portal.md), as is any type not listed for the field.
 */
import { SITE_FIELD_LABELS, type SiteSettings } from './settings.ts';

/** The settings fields that take an uploaded image. */
export const SITE_IMAGE_FIELDS = ['markImage', 'favicon'] as const satisfies ReadonlyArray<
  keyof SiteSettings
>;
export type SiteImageField = (typeof SITE_IMAGE_FIELDS)[number];

/** An image type by what file-type calls it: the media type served and the address's extension. */
export interface SiteImageType {
  mediaType: string;
  extension: string;
  label: string;
}

export const SITE_IMAGE_TYPES = {
  png: { mediaType: 'image/png', extension: 'png', label: 'PNG' },
  jpg: { mediaType: 'image/jpeg', extension: 'jpg', label: 'JPEG' },
  gif: { mediaType: 'image/gif', extension: 'gif', label: 'GIF' },
  ico: { mediaType: 'image/x-icon', extension: 'ico', label: 'ICO' },
} as const satisfies Record<string, SiteImageType>;
export type SiteImageKind = keyof typeof SITE_IMAGE_TYPES;

/** What each field accepts and how big it may be. */
export const SITE_IMAGE_RULES: Readonly<
  Record<SiteImageField, { kinds: readonly SiteImageKind[]; maxBytes: number }>
> = {
  // the mark 党政机关网站标识 is a small picture (about 110 × 55 pixels, a few KB)
  markImage: { kinds: ['png', 'jpg', 'gif'], maxBytes: 200 * 1024 },
  favicon: { kinds: ['ico', 'png', 'gif'], maxBytes: 100 * 1024 },
};

/** Whether a value names an image field (`markImage`, `favicon`). */
export function isSiteImageField(value: string): value is SiteImageField {
  return (SITE_IMAGE_FIELDS as readonly string[]).includes(value);
}

/** `200 KB`, `1.5 MB`: a limit as a person reads it. */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** The types a field accepts, as a person reads them: `PNG、JPEG 或 GIF`. */
export function acceptedLabel(field: SiteImageField): string {
  const labels = SITE_IMAGE_RULES[field].kinds.map((k) => SITE_IMAGE_TYPES[k].label);
  return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join('、')} 或 ${labels.at(-1)}`;
}

/** Why an upload is refused: empty, too big, or not a type the field takes. */
export type SiteImageProblem = 'empty' | 'too_large' | 'wrong_type';

/** A refusal of an upload, in Chinese, naming the field; null when the upload is fine. */
export function siteImageRefusal(
  field: SiteImageField,
  upload: { size: number; kind: string | null; looksLikeSvg: boolean },
): { problem: SiteImageProblem; message: string } | null {
  const label = SITE_FIELD_LABELS[field];
  const rule = SITE_IMAGE_RULES[field];
  if (upload.size === 0) return { problem: 'empty', message: `${label}文件是空的，请重新选择。` };
  if (upload.size > rule.maxBytes)
    return {
      problem: 'too_large',
      message: `${label}不能超过 ${sizeLabel(rule.maxBytes)}（该文件 ${sizeLabel(upload.size)}），请压缩后重新上传。`,
    };
  if (upload.looksLikeSvg)
    return {
      problem: 'wrong_type',
      message: `${label}不接受 SVG 图片（SVG 可以含有脚本），请转换为 ${acceptedLabel(field)} 后上传。`,
    };
  if (!upload.kind || !(rule.kinds as readonly string[]).includes(upload.kind))
    return {
      problem: 'wrong_type',
      message: `${label}只能是 ${acceptedLabel(field)} 图片；该文件的内容不是（按文件内容判断，与扩展名无关）。`,
    };
  return null;
}

const SITE_FILE_PATH = /^\/site-files\/([0-9a-f]{64})\.([a-z]{3,4})$/;

/** The portal address of a stored site image. */
export function siteFileUrl(sha256: string, kind: SiteImageKind): string {
  return `/site-files/${sha256}.${SITE_IMAGE_TYPES[kind].extension}`;
}

/** The SHA-256 and extension of a site image's address, or null when it is not one. */
export function parseSiteFileUrl(path: string): { sha256: string; extension: string } | null {
  const match = SITE_FILE_PATH.exec(path);
  return match ? { sha256: match[1], extension: match[2] } : null;
}
