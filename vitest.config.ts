import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // End-to-end tests share one build of the examples (see test/e2e/build-once.ts).
    fileParallelism: true,
  },
});
