import { describe, expect, it } from 'vitest';
import { reportFile } from '../../test/fixtures/report-files.ts';
import { readPdf } from './read-pdf.ts';

/** A built-in as the engine has it, not a JavaScript replacement. */
const isNative = (f: unknown) =>
  typeof f === 'function' && Function.prototype.toString.call(f).includes('[native code]');

describe('reading a PDF leaves the process’s built-ins native', () => {
  it('Array.prototype.push, JSON.parse, JSON.stringify and Function.prototype.toString after pdfjs is loaded', async () => {
    const platformStream = globalThis.DecompressionStream;
    const doc = await readPdf(await reportFile('libreoffice.pdf'));
    expect(doc.blocks.length).toBeGreaterThan(10);
    expect(
      [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString].map(isNative),
    ).toEqual([true, true, true, true]);
    // the platform's DecompressionStream, hidden from pdfjs while it reads, is back
    expect(globalThis.DecompressionStream).toBe(platformStream);
    expect(typeof platformStream).toBe('function');
    // what pdfjs needs on Node 20 and adds stays
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
  }, 30_000);
});
