/** Test helpers of the letter renderers: a DOCX's parts and its text. */
import JSZip from 'jszip';

/** The XML of one part of a DOCX (word/document.xml unless told). */
export async function docxPart(docx: Buffer, path = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return (await zip.file(path)?.async('string')) ?? '';
}

/** The text of a document part: its `w:t` runs, paragraphs separated by a line break, entities decoded. */
export function docxText(xml: string): string {
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of an HTML document's body, tags removed and entities decoded. */
export function htmlText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
