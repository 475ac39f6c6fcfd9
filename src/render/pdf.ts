/** The annual report as PDF: its HTML printed by headless Chromium (A4, the document's own @page). */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { type PdfInfo, setPdfInfo } from './pdf-info.ts';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium is not installed where we look for it; the message tells an operator how to fix it. */
export class ChromiumMissingError extends Error {
  readonly code = 'render.chromium_missing';
  readonly executablePath: string;

  constructor(executablePath: string) {
    super(
      `未找到 Chromium（Chromium not found at ${executablePath}）：请运行 apt-get install -y chromium fonts-noto-cjk，或用 CHROMIUM_PATH 指定可执行文件。`,
    );
    this.name = 'ChromiumMissingError';
    this.executablePath = executablePath;
  }
}

/** The Chromium binary: `CHROMIUM_PATH`, else /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** How long the shared Chromium stays open after its last print (a report's versions print in turn). */
const IDLE_CLOSE_MS = 15_000;

/**
 * One headless Chromium for every print of the process, launched at the first print and closed
 * after IDLE_CLOSE_MS without one (or by closePdfBrowser): launching costs more than printing a
 * report, and publishing prints each version. Each print has its own browser context, so prints
 * share nothing but the process; a browser that crashed or was closed is launched again.
 */
let shared: { path: string; browser: Promise<Browser> } | undefined;
let printing = 0;
let idleTimer: NodeJS.Timeout | undefined;

function sharedBrowser(executablePath: string): Promise<Browser> {
  if (shared && shared.path !== executablePath) void closePdfBrowser();
  if (!shared) {
    const entry = { path: executablePath, browser: chromium.launch({ executablePath, args: CHROMIUM_ARGS }) };
    shared = entry;
    const forget = () => {
      if (shared === entry) shared = undefined;
    };
    entry.browser.then((browser) => browser.on('disconnected', forget), forget);
  }
  return shared.browser;
}

/** Closes the shared Chromium now (the CLI before it exits; a no-op when none is open). */
export async function closePdfBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  const entry = shared;
  shared = undefined;
  if (entry) await entry.browser.then((browser) => browser.close()).catch(() => undefined);
}

/**
 * Prints an HTML document to PDF, with `info` as its document information (else Chromium's, which
 * names the headless browser). Throws ChromiumMissingError, before launching anything, when the
 * executable does not exist.
 */
export async function renderReportPdf(html: string, info?: PdfInfo): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  printing++;
  try {
    const pdf = await printOnce(executablePath, html).catch(async (error: unknown) => {
      // a shared browser that died between prints: once more on a fresh one
      if (shared?.path === executablePath && (await shared.browser.catch(() => null))?.isConnected())
        throw error;
      return printOnce(executablePath, html);
    });
    return info ? setPdfInfo(pdf, info) : pdf;
  } finally {
    printing--;
    if (printing === 0) idleTimer = setTimeout(() => void closePdfBrowser(), IDLE_CLOSE_MS).unref();
  }
}

async function printOnce(executablePath: string, html: string): Promise<Buffer> {
  const context = await (await sharedBrowser(executablePath)).newContext();
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close().catch(() => undefined);
  }
}
