/** pdfjs-load.mjs: pdfjs-dist loaded once per thread, the built-ins its polyfills replace put back. */
export function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')>;
