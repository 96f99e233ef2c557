import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ compiled from the current sources, for the tests of the kommunrapport executable.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Test files run in parallel workers; each end-to-end file builds the reports it reads.
    fileParallelism: true,
  },
});
