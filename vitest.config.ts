import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { tieringFlags } from './bin/v8-tiering.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ compiled from the current sources, for the tests of the kommunrapport executable.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Test files run in parallel workers; each end-to-end file builds the reports it reads.
    fileParallelism: true,
    // The end-to-end files spend most of their time waiting for Chromium and child processes, so two files at a
    // time keep two cores busy; vitest's own default (cores − 1) would run them one by one on a two-core machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Each test file is a short process, like a build: V8 tuned the same way (bin/v8-tiering.js).
    poolOptions: { forks: { execArgv: tieringFlags() } },
  },
});
