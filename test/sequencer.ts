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
 * Seconds a whole run took for its slowest files (every file of 40 s or more): the order of a run
 * without Vitest's cache. From `npx vitest run --reporter=json` (each file's endTime − startTime)
 * on 2026-12-07, two workers, load 5–25, mean 15.5 (longer than a quiet run's: report-pdf 91 s here, 55 s
 * quiet); the order is what counts. Update it from the summary reporter's list (test/summary-reporter.ts) or such a run
 * when the slowest files change: a long file left out starts late, as read-pdf, report-pdf and
 * import-items did (at 1,590 s and 1,890 s of 2,130).
 */
export const SLOWEST_IN_CI: Readonly<Record<string, number>> = {
  'test/kill-nine.test.ts': 111,
  'src/report-check/read-pdf.test.ts': 107,
  'test/browser/platform-users.test.ts': 104,
  'src/commands/import-items/import-items.test.ts': 98,
  'test/import-busy.test.ts': 98,
  'test/report-pdf.test.ts': 91,
  'src/commands/backups/backup-restore.test.ts': 91,
  'test/browser/item-publication.test.ts': 90,
  'test/browser/portal-phone.test.ts': 81,
  'src/commands/backups/bucket-backup.test.ts': 80,
  'test/inspection.test.ts': 78,
  'test/browser/approval-workflow.test.ts': 78,
  'test/browser/letter-request.test.ts': 77,
  'test/browser/site-and-search.test.ts': 70,
  'test/browser/report-publication.test.ts': 70,
  'test/browser/console-pages-operator.test.ts': 66,
  'test/browser/registry.test.ts': 64,
  'test/role-matrix.test.ts': 60,
  'test/browser/withheld-review.test.ts': 59,
  'test/browser/publication-proposals.test.ts': 59,
  'test/fuzz-public.test.ts': 54,
  'test/browser/console-pages-cases.test.ts': 50,
  'test/demo-open-cases.test.ts': 49,
  'test/golden-seed.test.ts': 49,
  'test/browser/supervision.test.ts': 47,
  'src/cli/report-publish.test.ts': 46,
  'test/first-run.test.ts': 44,
  'test/browser/other-agency.test.ts': 44,
  'test/demo-items.test.ts': 43,
  'test/browser/console-pages-reports.test.ts': 43,
  'test/browser/console-pages-platform.test.ts': 41,
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
