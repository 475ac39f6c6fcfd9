import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // attachments written by tests go to a scratch folder, never into ./data
    env: { GONGKAI_FILES_DIR: join(tmpdir(), 'gongkai-test-files') },
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
