/** Says once whether the browser journeys can run: loudly when Chromium is missing. */
import { ChromiumMissingError, chromiumPath } from '../../src/render/pdf.ts';
import { chromiumInstalled } from './browser.ts';

export default function setup(): void {
  if (chromiumInstalled()) {
    process.stderr.write(`\n浏览器测试：${chromiumPath()}，截图保存在 artifacts/browser/\n\n`);
    return;
  }
  const verdict = process.env.CI ? '在 CI 中判为失败' : '已跳过';
  process.stderr.write(`\n⚠ 浏览器测试${verdict}：${new ChromiumMissingError(chromiumPath()).message}\n\n`);
}
