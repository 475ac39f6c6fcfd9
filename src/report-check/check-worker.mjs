// A worker thread of the check pool (pool.ts): pdfjs loaded by Node itself first (pdfjs-load.mjs
// says why), then TypeScript through tsx, as bin/gongkai.js runs the CLI.
import { register } from 'tsx/esm/api';
import { loadPdfjs } from './pdfjs-load.mjs';

await loadPdfjs();
register();
await import('./check-worker.ts');
