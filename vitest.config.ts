import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/sequencer.ts';

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
      // cheap password hashes: the suite signs in hundreds of times (src/accounts/password-hash.ts)
      GONGKAI_SCRYPT_N: '1024',
    },
    reporters: ['default', './test/summary-reporter.ts'],
    // the longest files first, across both projects: the run does not end on one worker's long file
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/worker-env.ts'],
          // Two workers, one per core. What made them race before is gone: the migrator looks only
          // at its own PostgreSQL schema (src/db/migrate.ts), the ID-number keyring is made once
          // (src/crypto/id-vault.ts), each worker has its own attachments folder (test/worker-env.ts),
          // and every suite has its own database or schema and listens on a free port.
          maxWorkers: 2,
          // Test files share a worker's module cache (no vi.mock anywhere; suites open their own
          // databases and servers): importing Fastify, Kysely, docx, ECharts… once per worker instead
          // of once per file was half of the unit run's time.
          isolate: false,
          // lets memory tests measure the live heap (gc before sampling), not another file's garbage
          execArgv: ['--expose-gc'],
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/cluster/**'],
        },
      },
      {
        // Browser journeys: a real server per file and one Chromium for the run (global set-up),
        // in the same two workers' queue as the rest (a group shares its workers: the cores stay
        // busy to the end), each worker importing the platform once.
        extends: true,
        test: {
          name: 'browser',
          globalSetup: ['test/browser/global-setup.ts'],
          include: ['test/browser/**/*.test.ts'],
          maxWorkers: 2,
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
