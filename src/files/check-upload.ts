import { AppError } from '../errors.ts';
import { cleanFileName, type DetectedType, detectType, extensionOf } from './detect-type.ts';

/** An uploaded file before it is stored: the name the uploader gave, its bytes, the size limit. */
export interface Upload {
  fileName: string;
  bytes: Uint8Array;
  maxBytes: number;
}

const ACCEPTED = 'PDF、Word（DOCX）、Excel（XLSX）及 PNG、JPEG、GIF、WebP 图片';

function mebibytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

/** The file's type by content and a name that agrees with it; refused before anything is written. */
export async function checkUpload(input: Upload): Promise<{ type: DetectedType; fileName: string }> {
  if (input.bytes.byteLength === 0) throw new AppError('validation', '文件是空的，请重新选择。');
  if (input.bytes.byteLength > input.maxBytes) {
    throw new AppError(
      'payload_too_large',
      `附件不能超过 ${mebibytes(input.maxBytes)}，请压缩或拆分后上传。`,
    );
  }
  const type = await detectType(input.bytes);
  if (!type) {
    throw new AppError(
      'unsupported_media_type',
      `只能上传${ACCEPTED}；该文件的内容不是其中任何一种（按文件内容判断，与扩展名无关）。`,
    );
  }
  const cleaned = cleanFileName(input.fileName);
  const extension = extensionOf(cleaned);
  if (!extension || !cleaned.slice(0, -extension.length - 1)) {
    return { type, fileName: `${cleaned || '附件'}.${type.extensions[0]}` };
  }
  if (!(type.extensions as readonly string[]).includes(extension)) {
    throw new AppError(
      'unsupported_media_type',
      `文件名的扩展名 .${extension} 与文件内容（${type.label}）不符，请核对后重新上传。`,
    );
  }
  return { type, fileName: cleaned };
}
