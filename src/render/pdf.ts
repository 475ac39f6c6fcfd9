/** The annual report as PDF: its HTML printed by headless Chromium (A4, the document's own @page). */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
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

/**
 * Prints an HTML document to PDF, with `info` as its document information (else Chromium's, which
 * names the headless browser). Throws ChromiumMissingError, before launching anything, when the
 * executable does not exist; the browser is always closed.
 */
export async function renderReportPdf(html: string, info?: PdfInfo): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    return info ? setPdfInfo(pdf, info) : pdf;
  } finally {
    await browser.close();
  }
}
