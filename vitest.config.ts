import { defineConfig } from 'vitest/config';

// Three tiers: pure unit tests beside the code, integration tests on real databases, e2e in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        // Property tests run 10,000 cases each (issue 10 item 3); on a loaded 2-core machine that can pass 5 s.
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
