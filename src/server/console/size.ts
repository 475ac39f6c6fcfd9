/**
 * The console's first-load size: the gzipped JavaScript a browser loads for /console's first page
 * — the entry script of index.html with its static imports, and the lazily loaded chunk of the
 * first page (the dashboard) with its static imports. Dynamic imports of other pages are not counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget of the issue: 1 MB of gzipped JavaScript. */
export const FIRST_LOAD_BUDGET = 1_000_000;

/** The relative chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`). */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:\bfrom\s*|\bimport\s*)["'`]\.\/([\w.-]+\.js)["'`]/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/** A chunk and every chunk it imports statically, transitively (file names in assets/). */
function closure(assets: string, start: string, into: Set<string>): void {
  if (into.has(start)) return;
  into.add(start);
  for (const next of staticImports(readFileSync(join(assets, start), 'utf8'))) closure(assets, next, into);
}

export interface FirstLoad {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
}

/** Measures the first load of the build in `dir` (its index.html and assets/). */
export function measureFirstLoad(dir: string, firstPage = 'DashboardPage'): FirstLoad {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="[^"]*\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no entry script');
  const assets = join(dir, 'assets');
  const loaded = new Set<string>();
  closure(assets, entry, loaded);
  const page = readdirSync(assets).find((f) => f.startsWith(`${firstPage}-`) && f.endsWith('.js'));
  if (!page) throw new Error(`no chunk of ${firstPage} in the build`);
  closure(assets, page, loaded);
  const files = [...loaded].sort().map((file) => {
    const bytes = readFileSync(join(assets, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
