/**
 * Debian's Chromium through playwright-core, and the screenshots each journey leaves under
 * `artifacts/browser/<journey>/NN-name.png`.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserServer, chromium, type Download, type Page } from 'playwright-core';
import { ChromiumMissingError, chromiumPath } from '../../src/render/pdf.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Where the screenshots go: `artifacts/browser/` at the repository root. */
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../artifacts/browser');

/** Whether the Chromium the project uses (`CHROMIUM_PATH` or /usr/bin/chromium) is installed. */
export function chromiumInstalled(): boolean {
  return existsSync(chromiumPath());
}

/**
 * Launches the run's one headless Chromium as a server the journeys connect to (the global set-up
 * does, once); throws ChromiumMissingError (with the apt-get line) when it is not installed.
 */
export async function launchChromiumServer(): Promise<BrowserServer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  return chromium.launchServer({ executablePath, args: ARGS });
}

/**
 * A journey's own connection to the run's Chromium (`endpoint` from the global set-up), or a
 * Chromium of its own when run without it; closing it closes the journey's contexts only.
 */
export async function connectChromium(endpoint: string): Promise<Browser> {
  let browser: Browser;
  if (endpoint) browser = await chromium.connect(endpoint);
  else {
    const executablePath = chromiumPath();
    if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
    browser = await chromium.launch({ executablePath, args: ARGS });
  }
  // the journeys' users ask for reduced motion: the console then opens dialogs, menus and drawers
  // without animation (src/console/main.tsx), and no step waits for one to finish
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

export type Shoot = (page: Page, name: string) => Promise<string>;

/**
 * A screenshot taker for one journey: empties `artifacts/browser/<journey>/`, then each call saves
 * the full page as the next `NN-name.png` and returns its path.
 */
export async function screenshots(journey: string): Promise<Shoot> {
  const dir = join(ARTIFACTS_DIR, journey);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let count = 0;
  return async (page, name) => {
    count += 1;
    const path = join(dir, `${String(count).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  };
}

/**
 * The bytes of a finished download. The journeys' Chromium runs as a server they connect to, where
 * `download.path()` is not available: the file is saved through the connection instead.
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-download-'));
  try {
    const file = join(dir, 'file');
    await download.saveAs(file);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
