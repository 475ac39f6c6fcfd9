/**
 * `npm run console:size [-- --build]`: the gzipped JavaScript of /console's first page, per file
 * and in all, against the 1 MB budget (exit 1 when over). `--build` builds the console first.
 */
import { buildConsole } from '../src/server/console/build.ts';
import { CONSOLE_DIST } from '../src/server/console/paths.ts';
import { FIRST_LOAD_BUDGET, measureFirstLoad } from '../src/server/console/size.ts';

if (process.argv.includes('--build')) await buildConsole();
const load = measureFirstLoad(CONSOLE_DIST);
const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
for (const f of load.files)
  console.log(`${f.file.padEnd(40)} ${kb(f.bytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)} gzip`);
console.log(`first load: ${kb(load.gzipBytes)} gzip of JavaScript (budget ${kb(FIRST_LOAD_BUDGET)})`);
process.exitCode = load.gzipBytes <= FIRST_LOAD_BUDGET ? 0 : 1;
