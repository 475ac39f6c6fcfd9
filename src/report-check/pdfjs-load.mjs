// pdfjs-dist, loaded once per thread (read-pdf.ts). Plain JavaScript on purpose: a process that
// runs TypeScript through tsx imports this file BEFORE registering tsx (bin/gongkai.js for `check`
// and `serve`, check-worker.mjs), so pdfjs's large modules are loaded by Node itself — through tsx's
// hooks they cost about 350 MB more memory (its transformed sources and source maps). A later import
// of this file through tsx gets the same module, already loaded.
//
// pdfjs-dist's legacy build carries core-js polyfills that REPLACE built-ins of the whole process,
// not only add missing ones: Array.prototype.push (a loop in JavaScript: every push anywhere several
// times slower), JSON.parse, JSON.stringify and Function.prototype.toString. The natives are put
// back once it is loaded; the methods it adds (Promise.withResolvers, Map.prototype.getOrInsert,
// Uint8Array.prototype.toHex …), which it needs on Node 20, stay.

// @ts-check (typed through JSDoc; its declaration for TypeScript callers is pdfjs-load.d.mts)

/** @typedef {typeof import('pdfjs-dist/legacy/build/pdf.mjs')} Pdfjs */

/** @type {Promise<Pdfjs> | undefined} */
let loading;

/**
 * The pdfjs library, with its worker's code set up to run in this thread.
 * @returns {Promise<Pdfjs>}
 */
export function loadPdfjs() {
  loading ??= (async () => {
    const natives = {
      push: Array.prototype.push,
      parse: JSON.parse,
      stringify: JSON.stringify,
      toString: Function.prototype.toString,
    };
    const [lib, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    /** @type {typeof globalThis & { pdfjsWorker?: unknown }} */ (globalThis).pdfjsWorker = worker;
    /** @type {(target: object, key: string, value: unknown) => void} */
    const restore = (target, key, value) => {
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
    };
    restore(Array.prototype, 'push', natives.push);
    restore(JSON, 'parse', natives.parse);
    restore(JSON, 'stringify', natives.stringify);
    restore(Function.prototype, 'toString', natives.toString);
    return lib;
  })();
  return loading;
}
