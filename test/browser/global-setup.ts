/**
 * Before the browser journeys: builds the staff console when its build is missing or stale (the
 * journeys drive /console), loads the demo agency once into a template database each journey
 * copies (`inject('demoDatabase')`), launches the one Chromium every journey connects to
 * (`inject('chromiumEndpoint')`), and says whether Chromium is there — loudly when it is missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureConsoleBuilt } from '../../src/cli/build-console.ts';
import { processIo } from '../../src/cli/io.ts';
import { ChromiumMissingError, chromiumPath } from '../../src/render/pdf.ts';
import { chromiumInstalled, launchChromiumServer } from './browser.ts';
import { createDemoDatabase } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the demo agency's template database (a SQLite file), empty when Chromium is missing */
    demoDatabase: string;
    /** the run's Chromium the journeys connect to (a ws:// address), empty when Chromium is missing */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  project.provide('demoDatabase', '');
  project.provide('chromiumEndpoint', '');
  if (!chromiumInstalled()) {
    process.stderr.write(`\n⚠ 浏览器测试将失败：${new ChromiumMissingError(chromiumPath()).message}\n\n`);
    return;
  }
  // the demo users' password hashes at the tests' cost (vitest.config.ts), as the workers would
  // make them: the global set-up runs outside the workers and their env, and every journey signs in
  process.env.GONGKAI_SCRYPT_N ??= project.config.env.GONGKAI_SCRYPT_N;
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-browser-template-'));
  const template = join(dir, 'demo.db');
  const [, , chromium] = await Promise.all([
    ensureConsoleBuilt(processIo()),
    createDemoDatabase(template),
    launchChromiumServer(),
  ]);
  project.provide('demoDatabase', template);
  project.provide('chromiumEndpoint', chromium.wsEndpoint());
  process.stderr.write(`\n浏览器测试：${chromiumPath()}，截图保存在 artifacts/browser/\n\n`);
  return async () => {
    await chromium.close();
    await rm(dir, { recursive: true, force: true });
  };
}
