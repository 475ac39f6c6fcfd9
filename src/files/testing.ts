/** Small sample files for tests: real signatures, built in memory. */
import JSZip from 'jszip';

const CONTENT_TYPES = (main: string, part: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="${part}" ContentType="${main}"/>
</Types>`;

/** A one-page PDF (enough for the signature and a viewer). */
export function pdfBytes(text = '临港区政务公开'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** A 1×1 PNG. */
export function pngBytes(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** The start of a Windows program (MZ header): what must never pass as a document. */
export function exeBytes(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0, 'latin1');
  bytes.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return bytes;
}

async function officeZip(main: string, part: string, deflate: boolean): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES(main, part));
  zip.file(part.slice(1), '<?xml version="1.0"?><root/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: deflate ? 'DEFLATE' : 'STORE' });
}

/** A minimal Word document (the parts that name it one). */
export function docxBytes(deflate = true): Promise<Buffer> {
  return officeZip(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    '/word/document.xml',
    deflate,
  );
}

/** A minimal Excel workbook. */
export function xlsxBytes(deflate = true): Promise<Buffer> {
  return officeZip(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    '/xl/workbook.xml',
    deflate,
  );
}

/** A ZIP that is no Office file. */
export async function plainZipBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('readme.txt', '不是 Office 文件');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
