/**
 * What a file is, from its content (magic bytes), never from its name: PDF, Word (DOCX), Excel
 * (XLSX), PNG, JPEG, GIF, WebP. Office files are ZIP archives; their `[Content_Types].xml` names
 * the main part, which tells a Word document from a workbook (and from any other ZIP).
 */
import { readZipEntry } from './zip-entry.ts';

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

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function officeType(bytes: Uint8Array): DetectedType | null {
  const types = readZipEntry(bytes, '[Content_Types].xml');
  if (!types) return null;
  const xml = types.toString('utf8');
  if (xml.includes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')) {
    return ATTACHMENT_TYPES.docx;
  }
  if (xml.includes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')) {
    return ATTACHMENT_TYPES.xlsx;
  }
  return null;
}

/** The type of a file's content, or null when it is none of the accepted types. */
export function detectType(bytes: Uint8Array): DetectedType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return ATTACHMENT_TYPES.pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ATTACHMENT_TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ATTACHMENT_TYPES.jpeg;
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return ATTACHMENT_TYPES.gif;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return ATTACHMENT_TYPES.webp;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(bytes);
  return null;
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
