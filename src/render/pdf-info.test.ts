import { describe, expect, it } from 'vitest';
import { PdfLayoutError, pdfDate, pdfTextString, setPdfInfo } from './pdf-info.ts';

/** A small PDF laid out as Skia writes one: Info first, one classic xref table, no /Prev. */
function skiaLike(): Buffer {
  const objects = [
    '<</Creator (Mozilla/5.0 HeadlessChrome/156.0.0.0)\n/Producer (Skia/PDF m156)>>',
    '<</Type /Catalog\n/Pages 3 0 R>>',
    '<</Type /Pages\n/Kids []\n/Count 0>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const INFO = {
  title: '临港区2021年政府信息公开工作年度报告',
  author: '威海临港经济技术开发区管理委员会',
  creator: 'Gongkai',
  producer: 'Gongkai',
  date: new Date('2022-01-28T02:00:00Z'),
};

/** Every object's offset in the xref table points at its `n 0 obj`. */
function offsetsHold(pdf: Buffer): boolean {
  const text = pdf.toString('latin1');
  const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
  const entries = text.slice(xref).match(/^\d{10} 00000 n $/gm) ?? [];
  return entries.every((e, i) => text.startsWith(`${i + 1} 0 obj`, Number(e.slice(0, 10))));
}

describe('setPdfInfo', () => {
  it('replaces the information dictionary and keeps every offset right', () => {
    const out = setPdfInfo(skiaLike(), INFO);
    const text = out.toString('latin1');
    expect(text).not.toMatch(/HeadlessChrome|Skia|Mozilla/);
    expect(text).toContain(`/Title ${pdfTextString(INFO.title)}`);
    expect(text).toContain(`/Author ${pdfTextString(INFO.author)}`);
    expect(text).toContain("/CreationDate (D:20220128020000+00'00')");
    expect(text.slice(text.indexOf('startxref'), text.indexOf('startxref') + 10)).toBe('startxref\n');
    expect(text.indexOf('xref\n0 4')).toBe(Number(/startxref\n(\d+)/.exec(text)?.[1]));
    expect(offsetsHold(out)).toBe(true);
    expect(setPdfInfo(skiaLike(), INFO).equals(out)).toBe(true);
  });

  it.each([
    ['no startxref', (pdf: string) => pdf.replace('startxref', 'startxreg')],
    ['an incremental update', (pdf: string) => pdf.replace('/Info 1 0 R', '/Info 1 0 R\n/Prev 9')],
    ['no /Info', (pdf: string) => pdf.replace('/Info 1 0 R', '')],
  ])('refuses a PDF with %s', (_situation, damage) => {
    const pdf = Buffer.from(damage(skiaLike().toString('latin1')), 'latin1');
    expect(() => setPdfInfo(pdf, INFO)).toThrow(PdfLayoutError);
  });

  it.each([
    ['ASCII', 'Gongkai', '<FEFF0047006F006E0067006B00610069>'],
    ['Chinese', '报告', '<FEFF62A5544A>'],
  ])('writes %s text as UTF-16BE hex', (_kind, text, expected) => {
    expect(pdfTextString(text)).toBe(expected);
  });

  it('writes a date in UTC', () => {
    expect(pdfDate(new Date('2022-01-28T02:03:04.500Z'))).toBe("(D:20220128020304+00'00')");
  });
});
