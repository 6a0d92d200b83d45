import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'tests/content/**/*.test.ts',
            'tests/deploy/**/*.test.ts',
            'tests/*.test.ts',
            'site/**/*.test.ts',
            'schemas/**/*.test.ts',
          ],
          testTimeout: 30_000,
        },
      },
      {
        // The editors' Studio in Chromium against the offline stand-in: one Studio build, one browser per file.
        test: {
          name: 'studio',
          include: ['tests/studio/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        // Tests over a real build of the sample dataset: built once by the global setup, shared read-only.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/newsletter/**/*.test.ts'],
          globalSetup: ['tests/support/buildSampleSite.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
