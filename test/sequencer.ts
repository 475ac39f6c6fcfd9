/**
 * The order the two workers take the test files in: the longest first, across both projects (the
 * browser journeys and the rest share one queue), so that the run does not end with one worker on
 * a half-minute file while the other has nothing left. A file's length is Vitest's own record of
 * its last run where there is one (its cache, node_modules/.vite/vitest), else what CI measured for
 * the slowest files (SLOWEST_IN_CI); the files of neither come after them, in Vitest's own order
 * (project, then the larger file first).
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds CI's run took for its slowest files (the summary reporter's list, test/summary-reporter.ts):
 * the order of a run without Vitest's cache. Update it from that list when the slowest files change.
 */
export const SLOWEST_IN_CI: Readonly<Record<string, number>> = {
  'test/browser/item-publication.test.ts': 33,
  'test/import-busy.test.ts': 33,
  'test/kill-nine.test.ts': 33,
  'test/browser/approval-workflow.test.ts': 32,
  'test/inspection.test.ts': 28,
  'test/browser/supervision.test.ts': 27,
  'test/demo-open-cases.test.ts': 26,
  'test/golden-seed.test.ts': 26,
  'test/browser/console-pages-reports.test.ts': 26,
  'test/items-import.test.ts': 25,
  'test/browser/console-pages-platform.test.ts': 24,
  'src/commands/backups/backup-restore.test.ts': 23,
  'test/browser/console-pages-cases.test.ts': 22,
  'test/browser/console-pages-operator.test.ts': 20,
};

/** What is known of a file's last run: whether it failed, its seconds (undefined: not known). */
interface LastRun {
  spec: TestSpecification;
  failed: boolean;
  seconds: number | undefined;
}

/**
 * Longest first: Vitest's record of the last run, else SLOWEST_IN_CI, else Vitest's own order;
 * as in Vitest's own order, the files that failed last time before all (they are what is being fixed).
 */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const runs: LastRun[] = (await super.sort(files)).map((spec) => {
      const path = relative(root, spec.moduleId);
      const last = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`);
      return {
        spec,
        failed: last?.failed === true,
        seconds: last ? last.duration / 1000 : SLOWEST_IN_CI[path],
      };
    });
    const longest = runs
      .filter((run) => !run.failed && run.seconds !== undefined)
      .sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0));
    const rest = runs.filter((run) => !run.failed && run.seconds === undefined);
    return [...runs.filter((run) => run.failed), ...longest, ...rest].map((run) => run.spec);
  }
}
