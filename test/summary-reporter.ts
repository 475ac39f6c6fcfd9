import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** How many of the slowest files the summary names (where `npm test`'s minutes go, run by run). */
const SLOWEST = 15;

/**
 * Ends the run with the plain line CI reads: “tests: N passed, N failed, N skipped”, after the
 * slowest test files (import and tests, seconds) so a run that grows shows where.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (module.state() === 'failed' && module.children.size === 0) counts.failed++;
    }
    const timed = testModules
      .map((module) => {
        const d = module.diagnostic();
        return { file: relative(process.cwd(), module.moduleId), s: (d.collectDuration + d.duration) / 1000 };
      })
      .sort((a, b) => b.s - a.s);
    const total = timed.reduce((sum, t) => sum + t.s, 0);
    const lines = timed.slice(0, SLOWEST).map((t) => `  ${t.s.toFixed(1).padStart(6)} s  ${t.file}`);
    process.stdout.write(
      `\nslowest ${Math.min(SLOWEST, timed.length)} of ${timed.length} files (of ${total.toFixed(0)} s in files, two workers):\n${lines.join('\n')}\n`,
    );
    process.stdout.write(
      `\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
