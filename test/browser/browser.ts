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

export type Shoot = (page: Page, name: string) => Promise<void>;

/** `GONGKAI_SCREENSHOTS=1`: a screenshot of every key step, to look at (each takes as long as a step). */
export const ALL_SHOTS = process.env.GONGKAI_SCREENSHOTS === '1';

/** A journey's screenshots: `shot` at its key steps, `failed` when a test fails. */
export interface Screenshots {
  /** with GONGKAI_SCREENSHOTS=1, saves the full page as the next `NN-name.png`; else notes the step */
  shot: Shoot;
  /** saves each page as `NN-failed-after-<last step>[-i].png`, whatever GONGKAI_SCREENSHOTS says */
  failed: (pages: Page[]) => Promise<void>;
}

/**
 * The screenshots of one journey under `artifacts/browser/<journey>/` (emptied first): of the key
 * steps with GONGKAI_SCREENSHOTS=1 (a full-page picture takes as long as the step it shows), and
 * always of the pages of a test that failed, named after the last step reached.
 */
export async function screenshots(journey: string): Promise<Screenshots> {
  const dir = join(ARTIFACTS_DIR, journey);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let count = 0;
  let last = 'start';
  const save = async (page: Page, name: string) => {
    count += 1;
    await page.screenshot({
      path: join(dir, `${String(count).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };
  return {
    shot: async (page, name) => {
      last = name;
      if (ALL_SHOTS) await save(page, name);
    },
    failed: async (pages) => {
      // a page that closed or crashed has no picture: the test's own error says what happened
      for (const [i, page] of pages.entries())
        await save(page, `failed-after-${last}${pages.length > 1 ? `-${i + 1}` : ''}`).catch(() => {});
    },
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
