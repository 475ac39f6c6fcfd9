/**
 * Before the browser journeys: builds the staff console when its build is missing or stale (the
 * journeys drive /console), and says whether Chromium is there — loudly when it is missing.
 */
import { ensureConsoleBuilt } from '../../src/cli/build-console.ts';
import { ChromiumMissingError, chromiumPath } from '../../src/render/pdf.ts';
import { chromiumInstalled } from './browser.ts';

export default async function setup(): Promise<void> {
  if (!chromiumInstalled()) {
    const verdict = process.env.CI ? '在 CI 中判为失败' : '已跳过';
    process.stderr.write(`\n⚠ 浏览器测试${verdict}：${new ChromiumMissingError(chromiumPath()).message}\n\n`);
    return;
  }
  await ensureConsoleBuilt();
  process.stderr.write(`\n浏览器测试：${chromiumPath()}，截图保存在 artifacts/browser/\n\n`);
}
