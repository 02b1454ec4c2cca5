import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites start real servers (Postgres, Prometheus, Chromium); keep them from fighting over 2 cores.
    maxWorkers: 2,
    // @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`, which Node refuses;
    // inlined, Vite loads them (used by the workflow and action.yml validation tests).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
