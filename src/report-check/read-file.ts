/**
 * Any published report file → SourceDocument, its type told by its content (file-type's magic
 * bytes; the name only tells Markdown from plain text and a .wps from a .doc): PDF, DOCX, HTML
 * (also saved as MHTML), Markdown, plain text. Old Word (.doc), WPS and pictures are refused with what to do. The size
 * limit is the caller's.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { SourceDocument } from '../domain/report/reading/document.ts';
import { declaredCharset, decodeText } from './decode.ts';
import { isMhtml, mhtmlPage } from './mhtml.ts';
import { readDocx } from './read-docx.ts';
import { readHtml } from './read-html.ts';
import { readPdf } from './read-pdf.ts';
import { readText } from './read-text.ts';
import { UnreadableReportError } from './unreadable.ts';

export { UnreadableReportError } from './unreadable.ts';

const HTML_START =
  /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<table[\s>]|<div[\s>]|<p[\s>])/i;
const MARKDOWN_TABLE = /^\s*\|.*\|\s*\n\s*\|?\s*:?-{2,}:?\s*\|/m;
const MARKDOWN_HEADING = /^#{1,6}\s+\S/m;

/** Reads a report file of any type we read; throws UnreadableReportError for the rest. */
export async function readReportFile(bytes: Uint8Array, fileName?: string): Promise<SourceDocument> {
  const name = (fileName ?? '').toLowerCase();
  const type = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (type?.ext === 'pdf') return readPdf(bytes);
  if (type?.ext === 'docx' || type?.ext === 'zip') return readDocx(bytes);
  if (type?.ext === 'cfb') throw new UnreadableReportError(name.endsWith('.wps') ? 'wps' : 'legacy_word');
  if (type?.mime.startsWith('image/')) throw new UnreadableReportError('image');
  if (type && !['xml', 'html'].includes(type.ext)) throw new UnreadableReportError('unsupported', type.ext);
  if (looksBinary(bytes)) throw new UnreadableReportError('unsupported');
  if (isMhtml(head(bytes))) {
    const page = mhtmlPage(bytes);
    if (!page) throw new UnreadableReportError('damaged', '网页文件中没有 HTML 正文');
    return readHtml(decodeText(page.html, page.charset ?? declaredCharset(page.html)));
  }
  if (type?.ext === 'html' || /\.(html?|shtml|mht)$/.test(name) || HTML_START.test(head(bytes)))
    return readHtml(decodeText(bytes, declaredCharset(bytes)));
  const text = decodeText(bytes);
  const markdown = /\.(md|markdown)$/.test(name) || MARKDOWN_TABLE.test(text) || MARKDOWN_HEADING.test(text);
  return readText(text, { markdown });
}

function head(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF|^ï»¿/, '');
}

/** NUL bytes in the first kilobytes: not a text file (UTF-16 with its BOM aside). */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8192).includes(0);
}
