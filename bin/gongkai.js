#!/usr/bin/env node
// The `gongkai` command: runs the TypeScript CLI through tsx, so no build step is needed.
import { unsupportedNodeMessage } from './node-version.js';

const tooOld = unsupportedNodeMessage(process.versions.node);
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(2);
}
// `check` and `serve` read PDFs (年报体检): pdfjs is loaded by Node before tsx's hooks are in place,
// which saves about 350 MB (src/report-check/pdfjs-load.mjs)
if (process.argv[2] === 'check' || process.argv[2] === 'serve') {
  const { loadPdfjs } = await import('../src/report-check/pdfjs-load.mjs');
  await loadPdfjs();
}
const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
