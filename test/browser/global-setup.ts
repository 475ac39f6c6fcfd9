/**
 * Before the browser journeys: launches the one Chromium every journey connects to
 * (`inject('chromiumEndpoint')`) and says whether Chromium is there — loudly when it is missing.
 * Vitest runs the global set-ups of both projects before any test file, each second here a second
 * of the whole run with a core idle: the console's build (when stale) and the demo agency's
 * template database each journey copies (`inject('demoDatabase')`) are made by a process of their
 * own (prepare-template.ts) beside the first files, and each journey waits for them (template.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ChromiumMissingError, chromiumPath } from '../../src/render/pdf.ts';
import { chromiumInstalled, launchChromiumServer } from './browser.ts';
import { templateFailedMark } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the demo agency's template database (a SQLite file, there once made), empty when Chromium is missing */
    demoDatabase: string;
    /** the run's Chromium the journeys connect to (a ws:// address), empty when Chromium is missing */
    chromiumEndpoint: string;
  }
}

const PREPARE = join(import.meta.dirname, 'prepare-template.ts');

/**
 * Starts prepare-template.ts for `template`; resolves when it has ended, leaving the failed mark
 * when it ended without the template and without saying why (it could not start, it was killed).
 */
function prepare(root: string, template: string): { child: ChildProcess; ended: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', PREPARE, template], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const ended = new Promise<void>((resolve) => {
    const end = async (why: string) => {
      const failed = templateFailedMark(template);
      if (!existsSync(template) && !existsSync(failed)) await writeFile(failed, why);
      resolve();
    };
    child.on('error', (error) => void end(`无法启动 ${PREPARE}：${error.message}`));
    child.on('exit', (code, signal) => void end(`${PREPARE} 已退出（${signal ?? `退出码 ${code}`}）`));
  });
  return { child, ended };
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  project.provide('demoDatabase', '');
  project.provide('chromiumEndpoint', '');
  if (!chromiumInstalled()) {
    process.stderr.write(`\n⚠ 浏览器测试将失败：${new ChromiumMissingError(chromiumPath()).message}\n\n`);
    return;
  }
  // the demo users' password hashes at the tests' cost (vitest.config.ts), as the workers would
  // make them: the global set-up and its child run outside the workers and their env, and every
  // journey signs in
  process.env.GONGKAI_SCRYPT_N ??= project.config.env.GONGKAI_SCRYPT_N;
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-browser-template-'));
  const template = join(dir, 'demo.db');
  const preparing = prepare(project.config.root, template);
  const chromium = await launchChromiumServer().catch(async (error: unknown) => {
    preparing.child.kill();
    await preparing.ended;
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  project.provide('demoDatabase', template);
  project.provide('chromiumEndpoint', chromium.wsEndpoint());
  process.stderr.write(`\n浏览器测试：${chromiumPath()}，截图保存在 artifacts/browser/\n\n`);
  return async () => {
    // a run that ends (or is stopped) before the template is made no longer needs it
    if (preparing.child.exitCode === null && preparing.child.signalCode === null) preparing.child.kill();
    await preparing.ended;
    await chromium.close();
    await rm(dir, { recursive: true, force: true });
  };
}
