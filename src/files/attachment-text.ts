/**
 * The text of an item's attachment, for 发布前自查 (docs/screening.md): a PDF's text layer and a
 * DOCX's paragraphs and tables through the 年报体检 readers (report-check/read-file.ts), an XLSX's
 * cells as shown (exceljs). Pictures (and a scanned PDF without a text layer) have no text to read:
 * they are named as not screened, never passed as clean. Nothing is stored; read when screened.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SourceDocument } from '../domain/report/reading/document.ts';
import { readReportFile, UnreadableReportError } from '../report-check/read-file.ts';
import { ATTACHMENT_TYPES } from './detect-type.ts';
import type { FileStore } from './file-store.ts';

export interface AttachmentForText {
  fileName: string;
  mediaType: string;
  storageKey: string;
}

/** The text read, or why none was (a Chinese sentence). */
export type AttachmentText = { text: string } | { unread: string };

export type AttachmentTextReader = (attachment: AttachmentForText) => Promise<AttachmentText>;

/** Reads attachments from the store. */
export function attachmentTextReader(store: FileStore): AttachmentTextReader {
  return async (attachment) => {
    if (!(await store.exists(attachment.storageKey))) return { unread: '附件文件缺失，未能读取' };
    const chunks: Buffer[] = [];
    for await (const chunk of await store.open(attachment.storageKey)) chunks.push(chunk as Buffer);
    return attachmentText(Buffer.concat(chunks), attachment.mediaType);
  };
}

/** The text of an attachment's bytes by its (content-detected) type. */
export async function attachmentText(bytes: Buffer, mediaType: string): Promise<AttachmentText> {
  try {
    if (mediaType === ATTACHMENT_TYPES.pdf.mediaType || mediaType === ATTACHMENT_TYPES.docx.mediaType) {
      const text = documentText(await readReportFile(bytes));
      return text.trim() ? { text } : { unread: '附件中没有可读取的文字（可能是扫描件），请人工核查' };
    }
    if (mediaType === ATTACHMENT_TYPES.xlsx.mediaType) return { text: await workbookText(bytes) };
  } catch (error) {
    if (error instanceof UnreadableReportError) return { unread: `${error.message}，请人工核查` };
    return { unread: '附件无法读取，请人工核查' };
  }
  return { unread: '图片附件不读取文字，请人工核查' };
}

/** A document's paragraphs and table cells, one a line. */
export function documentText(doc: SourceDocument): string {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') lines.push(block.text);
    if (block.kind === 'table') for (const row of block.rows) lines.push(row.map((c) => c.text).join('\t'));
  }
  return lines.join('\n');
}

async function workbookText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  // read from a stream: exceljs types `load` with its own Buffer, which Node 20’s typed Buffer does not match
  await workbook.xlsx.read(Readable.from([bytes]));
  const lines: string[] = [];
  for (const sheet of workbook.worksheets)
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(cell.text));
      lines.push(cells.join('\t'));
    });
  return lines.join('\n');
}
