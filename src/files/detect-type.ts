/**
 * What a file is, from its content (magic bytes, read by file-type), never from its name: PDF,
 * Word (DOCX), Excel (XLSX), PNG, JPEG, GIF, WebP. Office files are ZIP archives; file-type reads
 * their `[Content_Types].xml`, which tells a Word document from a workbook (and from any other
 * ZIP), inflating at most 1 MiB of it (declared or actual): a zip bomb is refused, not grown.
 */
import { fileTypeFromBuffer } from 'file-type';

export interface DetectedType {
  mediaType: string;
  /** the file name extensions this type is known by, the usual one first */
  extensions: readonly string[];
  label: string;
}

export const ATTACHMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word 文档（DOCX）',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel 表格（XLSX）',
  },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG 图片' },
  gif: { mediaType: 'image/gif', extensions: ['gif'], label: 'GIF 图片' },
  webp: { mediaType: 'image/webp', extensions: ['webp'], label: 'WebP 图片' },
} as const satisfies Record<string, DetectedType>;

/**
 * The accepted types by file-type's extension. An animated PNG is a PNG, an Illustrator file a
 * PDF, a JPEG-LS file starts as a JPEG does: accepted as before file-type told them apart.
 */
const BY_EXTENSION: Readonly<Record<string, DetectedType>> = {
  pdf: ATTACHMENT_TYPES.pdf,
  ai: ATTACHMENT_TYPES.pdf,
  docx: ATTACHMENT_TYPES.docx,
  xlsx: ATTACHMENT_TYPES.xlsx,
  png: ATTACHMENT_TYPES.png,
  apng: ATTACHMENT_TYPES.png,
  jpg: ATTACHMENT_TYPES.jpeg,
  jls: ATTACHMENT_TYPES.jpeg,
  gif: ATTACHMENT_TYPES.gif,
  webp: ATTACHMENT_TYPES.webp,
};

/** The type of a file's content, or null when it is none of the accepted types (or unreadable). */
export async function detectType(bytes: Uint8Array): Promise<DetectedType | null> {
  try {
    const found = await fileTypeFromBuffer(bytes);
    return (found && BY_EXTENSION[found.ext]) ?? null;
  } catch {
    // file-type gives up on a malformed or oversized structure: no accepted type either
    return null;
  }
}

/** A file name safe to keep and send back: no folders, no control characters, at most 200 characters. */
export function cleanFileName(declared: string): string {
  const base = declared.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  return cleaned.slice(-200);
}

/** The extension of a file name, lower case, without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}
