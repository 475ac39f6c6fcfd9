/**
 * Builds the staff console with Vite's JS API (one config, used by `npm run build:console` and by
 * `gongkai serve` when the build is missing or older than its sources).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_DIST, CONSOLE_PREFIX, CONSOLE_SOURCE } from './paths.ts';

/** The domain folder: the console imports its labels, so a change there is a change of the console. */
const DOMAIN_SOURCE = join(CONSOLE_SOURCE, '..', 'domain');

/** The newest modification time (ms) of the files under `dir`, skipping build output and tests. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether `outDir` lacks a build, or has one older than the console's sources. */
export function consoleBuildIsStale(outDir = CONSOLE_DIST): boolean {
  let built: number;
  try {
    built = statSync(join(outDir, 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  return Math.max(newestMtime(CONSOLE_SOURCE), newestMtime(DOMAIN_SOURCE)) > built;
}

/** Builds the console into `outDir` (emptied first). */
export async function buildConsole(outDir = CONSOLE_DIST): Promise<void> {
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  await build({
    configFile: false,
    root: CONSOLE_SOURCE,
    base: `${CONSOLE_PREFIX}/`,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  });
}
