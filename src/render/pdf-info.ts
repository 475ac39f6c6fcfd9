/**
 * The document information of a PDF printed by Chromium, rewritten: Chromium (Skia) writes the
 * browser's user agent as Creator (“…HeadlessChrome/…”), “Skia/PDF m…” as Producer and the print's
 * own instant as the dates, and no Author. `setPdfInfo` replaces that dictionary with ours — Title,
 * Author, Creator, Producer and both dates — and rewrites the cross-reference table, so nothing of
 * the old one remains and the same report printed twice gives the same bytes.
 *
 * Skia writes one classic cross-reference table (`xref`, `trailer` with `/Info n 0 R`, no
 * incremental updates); anything else is refused rather than patched (PdfLayoutError), so a change
 * of Chromium's output shows in the tests, not in a published file.
 */

export interface PdfInfo {
  title: string;
  author: string;
  creator: string;
  producer: string;
  /** creation and modification date: the publication's instant */
  date: Date;
}

export class PdfLayoutError extends Error {
  constructor(what: string) {
    super(`unexpected PDF layout: ${what}`);
    this.name = 'PdfLayoutError';
  }
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hex: safe for any character. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** `D:YYYYMMDDHHmmSS+00'00'` in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString(); // 2022-01-28T02:00:00.000Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  return `(D:${digits}+00'00')`;
}

/** The information dictionary's object body. */
function infoDictionary(info: PdfInfo): string {
  return [
    `<</Title ${pdfTextString(info.title)}`,
    `/Author ${pdfTextString(info.author)}`,
    `/Creator ${pdfTextString(info.creator)}`,
    `/Producer ${pdfTextString(info.producer)}`,
    `/CreationDate ${pdfDate(info.date)}`,
    `/ModDate ${pdfDate(info.date)}>>`,
  ].join('\n');
}

/** Replaces the PDF's document information dictionary; the result is a complete, valid PDF. */
export function setPdfInfo(pdf: Buffer, info: PdfInfo): Buffer {
  const text = pdf.toString('latin1'); // one character per byte: offsets stay byte offsets
  const startxrefAt = text.lastIndexOf('startxref');
  if (startxrefAt < 0) throw new PdfLayoutError('no startxref');
  const xrefAt = Number(/^startxref\s+(\d+)/.exec(text.slice(startxrefAt))?.[1]);
  if (!Number.isInteger(xrefAt) || !text.startsWith('xref', xrefAt))
    throw new PdfLayoutError('no classic cross-reference table at startxref');
  const table = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  if (!table) throw new PdfLayoutError('cross-reference table not in one section from 0');
  const count = Number(table[1]);
  const entriesAt = xrefAt + table[0].length;
  const entries: string[] = [];
  for (let i = 0; i < count; i++) entries.push(text.slice(entriesAt + i * 20, entriesAt + i * 20 + 20));
  const trailerAt = entriesAt + count * 20;
  const trailer = text.slice(trailerAt, startxrefAt);
  if (!trailer.startsWith('trailer') || /\/Prev\b/.test(trailer))
    throw new PdfLayoutError('trailer missing or incremental update');
  const infoRef = /\/Info (\d+) 0 R/.exec(trailer);
  if (!infoRef) throw new PdfLayoutError('no /Info in the trailer');
  const infoNumber = Number(infoRef[1]);
  const entry = /^(\d{10}) (\d{5}) n/.exec(entries[infoNumber] ?? '');
  if (!entry) throw new PdfLayoutError('the /Info object is not in use');
  const objectAt = Number(entry[1]);
  const head = `${infoNumber} 0 obj\n`;
  if (!text.startsWith(head, objectAt))
    throw new PdfLayoutError('the /Info entry does not point at its object');
  const endAt = text.indexOf('\nendobj', objectAt);
  if (endAt < 0) throw new PdfLayoutError('the /Info object has no end');
  const replacement = infoDictionary(info);
  const oldBody = text.slice(objectAt + head.length, endAt);
  if (!oldBody.startsWith('<<') || oldBody.includes('stream'))
    throw new PdfLayoutError('the /Info object is not a dictionary');
  const delta = Buffer.byteLength(replacement, 'latin1') - oldBody.length;
  const shifted = entries.map((e) => {
    const m = /^(\d{10}) (\d{5}) n/.exec(e);
    if (!m || Number(m[1]) <= objectAt) return e;
    return `${String(Number(m[1]) + delta).padStart(10, '0')}${e.slice(10)}`;
  });
  const before = pdf.subarray(0, objectAt + head.length);
  const between = pdf.subarray(endAt, xrefAt);
  const tail = `${table[0]}${shifted.join('')}${trailer}startxref\n${xrefAt + delta}\n%%EOF\n`;
  return Buffer.concat([before, Buffer.from(replacement, 'latin1'), between, Buffer.from(tail, 'latin1')]);
}
