/**
 * Before the browser journeys: builds the staff console when its build is missing or stale (the
 * journeys drive /console), loads the demo agency once into a template database each journey
 * copies (`inject('demoDatabase')`), and says whether Chromium is there — loudly when it is missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureConsoleBuilt } from '../../src/cli/build-console.ts';
import { processIo } from '../../src/cli/io.ts';
import { ChromiumMissingError, chromiumPath } from '../../src/render/pdf.ts';
import { chromiumInstalled } from './browser.ts';
import { createDemoDatabase } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the demo agency's template database (a SQLite file), empty when Chromium is missing */
    demoDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  project.provide('demoDatabase', '');
  if (!chromiumInstalled()) {
    process.stderr.write(`\n⚠ 浏览器测试将失败：${new ChromiumMissingError(chromiumPath()).message}\n\n`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-browser-template-'));
  const template = join(dir, 'demo.db');
  await Promise.all([ensureConsoleBuilt(processIo()), createDemoDatabase(template)]);
  project.provide('demoDatabase', template);
  process.stderr.write(`\n浏览器测试：${chromiumPath()}，截图保存在 artifacts/browser/\n\n`);
  return () => rm(dir, { recursive: true, force: true });
}
