import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_TYPES, cleanFileName, detectType, extensionOf } from './detect-type.ts';
import { docxBytes, exeBytes, pdfBytes, plainZipBytes, pngBytes, xlsxBytes } from './testing.ts';

const bytesOf = (...values: number[]) => Buffer.from(values);
/** A Word document whose `[Content_Types].xml` inflates to about `bytes` (a zip bomb when large). */
async function paddedDocx(bytes: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await docxBytes());
  const types = await zip.file('[Content_Types].xml')?.async('string');
  zip.file('[Content_Types].xml', `${types}${' '.repeat(bytes)}`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** An OpenDocument text (ODT): a ZIP whose first entry names its type. */
async function odtBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file('content.xml', '<?xml version="1.0"?><office:document-content/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A PNG with an animation control chunk before its image data: an animated PNG (APNG). */
function apngBytes(): Buffer {
  const png = pngBytes();
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const afterHeader = 8 + 25;
  return Buffer.concat([
    png.subarray(0, afterHeader),
    chunk('acTL', Buffer.alloc(8)),
    png.subarray(afterHeader),
  ]);
}

const withAscii = (text: string, rest = 16) =>
  Buffer.concat([Buffer.from(text, 'latin1'), Buffer.alloc(rest)]);

describe('a file’s type, from its content', () => {
  it.each([
    ['a PDF', () => pdfBytes(), 'application/pdf'],
    ['a PNG', () => pngBytes(), 'image/png'],
    ['a JPEG', () => bytesOf(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['a GIF89a', () => withAscii('GIF89a'), 'image/gif'],
    ['a GIF87a', () => withAscii('GIF87a'), 'image/gif'],
    [
      'a WebP',
      () => Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(8)]),
      'image/webp',
    ],
    [
      'a Word document (deflated)',
      () => docxBytes(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'a Word document (stored)',
      () => docxBytes(false),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'an Excel workbook',
      () => xlsxBytes(),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['an animated PNG', () => apngBytes(), 'image/png'],
    [
      'a Word document whose content types take almost 1 MiB',
      () => paddedDocx(1000 * 1000),
      ATTACHMENT_TYPES.docx.mediaType,
    ],
    [
      'a Word document written by the docx package',
      () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('通知')] }] })),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  ])('recognizes %s', async (_situation, make, mediaType) => {
    expect((await detectType(await make()))?.mediaType).toBe(mediaType);
  });

  it.each([
    ['a Windows program', () => exeBytes()],
    ['a ZIP that is no Office file', () => plainZipBytes()],
    ['plain text', () => Buffer.from('%PD 不是 PDF')],
    [
      'a RIFF that is not WebP (a WAV)',
      () => Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')]),
    ],
    ['an OpenDocument text', () => odtBytes()],
    ['a zip bomb: content types inflating past 1 MiB', () => paddedDocx(2 * 1024 * 1024)],
    ['a truncated ZIP', async () => (await docxBytes()).subarray(0, 40)],
    ['nothing', () => Buffer.alloc(0)],
  ])('refuses %s', async (_situation, make) => {
    expect(await detectType(await make())).toBeNull();
  });
});

describe('file names', () => {
  it.each([
    ['a plain name', '临港区2021年预算.pdf', '临港区2021年预算.pdf'],
    ['a Windows path', 'C:\\Users\\wang\\预算.xlsx', '预算.xlsx'],
    ['a path climbing out', '../../etc/passwd', 'passwd'],
    ['control characters and quotes', 'a\u0000b"c<d>.pdf', 'abcd.pdf'],
  ])('keeps %s safe', (_situation, declared, expected) => {
    expect(cleanFileName(declared)).toBe(expected);
  });

  it.each([
    ['report.PDF', 'pdf'],
    ['archive.tar.gz', 'gz'],
    ['README', ''],
    ['.hidden', ''],
  ])('%s has the extension “%s”', (name, extension) => {
    expect(extensionOf(name)).toBe(extension);
  });
});
