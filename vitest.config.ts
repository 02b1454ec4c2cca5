import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites start real servers (Postgres, Prometheus, Chromium); keep them from fighting over 2 cores.
    maxWorkers: 2,
  },
});
