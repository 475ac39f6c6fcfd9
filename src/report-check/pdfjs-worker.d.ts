/** pdfjs-dist ships no types for its worker module: read-pdf only hands it to pdfjs as `globalThis.pdfjsWorker`. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
