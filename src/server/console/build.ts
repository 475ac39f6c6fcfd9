/**
 * Builds the staff console with Vite's JS API (one config, used by `npm run build:console` and by
 * `gongkai serve` when the build is missing or older than its sources).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_DIST, CONSOLE_PREFIX, CONSOLE_SOURCE } from './paths.ts';

/** Folders the console imports from (domain labels, the report table model): a change there is a change of it. */
const SHARED_SOURCES = [join(CONSOLE_SOURCE, '..', 'domain'), join(CONSOLE_SOURCE, '..', 'render')];

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
  return Math.max(newestMtime(CONSOLE_SOURCE), ...SHARED_SOURCES.map((dir) => newestMtime(dir))) > built;
}

/**
 * Builds the console into `outDir` (emptied first), always for production: Vite and the React
 * plugin take NODE_ENV from the environment, and under a test runner (NODE_ENV=test) they would
 * make a development build (React's jsx-dev-runtime, antd's test ids) that `gongkai serve` would
 * then serve, as it only rebuilds a stale build.
 */
export async function buildConsole(outDir = CONSOLE_DIST): Promise<void> {
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: CONSOLE_SOURCE,
      base: `${CONSOLE_PREFIX}/`,
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1500 },
    });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}
