import { defineConfig } from 'vitest/config'
import { ProjectOrderSequencer } from './tests/support/sequencer.ts'

/**
 * Test files run two at a time across all three projects (Vitest's default on a 2-core machine is one). Every file
 * of every project can run beside any other: each has its own temporary folders, ports, servers and browser, builds
 * inside the repository (tests/support/buildSite.ts says why), and reads the shared builds without writing to them.
 * Projects must share one maxWorkers to run side by side.
 */
const maxWorkers = 2

export default defineConfig({
  test: {
    sequence: { sequencer: ProjectOrderSequencer },
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
          maxWorkers,
        },
      },
      {
        // The editors' Studio in Chromium against the offline stand-in: one Studio build, one browser per file.
        test: {
          name: 'studio',
          include: ['tests/studio/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          maxWorkers,
        },
      },
      {
        // Tests over a real build of the sample dataset: built once by the global setup, shared read-only.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/newsletter/**/*.test.ts'],
          globalSetup: ['tests/support/buildSharedSites.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          maxWorkers,
        },
      },
    ],
  },
})
