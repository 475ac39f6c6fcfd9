import { defineConfig } from 'vitest/config';

/** `npm run test:cluster`: the cluster scripts/cluster starts (test/cluster/), alone, one file. */
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
    env: { GONGKAI_ID_KEY_FILE: `${process.cwd()}/tmp/cluster/keys.json` },
  },
});
