import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // attachments written by tests go to a scratch folder, never into ./data
    env: {
      GONGKAI_FILES_DIR: join(tmpdir(), 'gongkai-test-files'),
      // the applicants' ID-number keyring of tests (created on first use)
      GONGKAI_ID_KEY_FILE: join(tmpdir(), 'gongkai-test-keys.json'),
    },
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          globalSetup: ['test/global-setup.ts'],
          // One worker, all files in turn (vitest's default on 2 cores): PostgreSQL suites of two
          // workers raced — one worker's schema introspection (the migrator's) failed on a schema the
          // other was dropping ("schema … does not exist").
          maxWorkers: 1,
          // Test files share a worker's module cache (no vi.mock anywhere; suites open their own
          // databases and servers): importing Fastify, Kysely, docx, ECharts… once per worker instead
          // of once per file was half of the unit run's time.
          isolate: false,
          // lets memory tests measure the live heap (gc before sampling), not another file's garbage
          execArgv: ['--expose-gc'],
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**'],
        },
      },
      {
        // Browser journeys: a real server and Chromium per file, one file at a time, after the rest.
        extends: true,
        test: {
          name: 'browser',
          globalSetup: ['test/browser/global-setup.ts'],
          include: ['test/browser/**/*.test.ts'],
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
