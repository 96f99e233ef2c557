import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ compiled from the current sources, for the tests of the kommunrapport executable.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // End-to-end tests share one build of the examples (see test/e2e/build-once.ts).
    fileParallelism: true,
  },
});
