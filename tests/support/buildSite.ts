import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')
/** Build-time clock for every test build, so "upcoming" and "future-dated" mean the same on any day. */
export const TEST_BUILD_TIME = '2026-11-21T04:00:00Z'

export interface BuildResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * A new empty folder for a test's build outputs, in test-results/work/. Builds must write inside the repository:
 * Astro stages a build's pages in `<output>/.prerender/` when the output is inside the project, but in the project's
 * one `.astro/.prerender/` otherwise, so scripts/build.ts makes builds with outputs outside the project take turns,
 * and test files, which run two at a time, would wait for each other. (Datasets may stay in the system's temporary folder: the build names a dataset
 * outside the repository by its absolute path, which some tests expect.)
 */
export async function makeOutputRoot(prefix: string): Promise<string> {
  const parent = path.join(ROOT, 'test-results/work')
  await mkdir(parent, { recursive: true })
  return mkdtemp(path.join(parent, `${prefix}-`))
}

/** Runs the real `npm run build` pipeline (astro build + search index) with the given environment. */
export async function buildSite(options: {
  outDir: string
  env?: Record<string, string | undefined>
  clean?: boolean
}): Promise<BuildResult> {
  if (path.relative(ROOT, path.resolve(options.outDir)).startsWith('..'))
    throw new Error(
      `test build output ${options.outDir} is outside the repository: builds side by side would share .astro/ ` +
        `(use makeOutputRoot in tests/support/buildSite.ts)`,
    )
  if (options.clean !== false) await rm(options.outDir, { recursive: true, force: true })
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    NO_UPDATE_NOTIFIER: '1',
    BUILD_TIME: TEST_BUILD_TIME,
    OUT_DIR: options.outDir,
    SANITY_PROJECT_ID: '',
    ...options.env,
  }
  // process.execPath is the Node 24 that runs vitest (node_modules/.bin/node).
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/build.ts'), '--silent'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, stdout, stderr }
}

export async function buildSiteOrThrow(options: Parameters<typeof buildSite>[0]): Promise<void> {
  const result = await buildSite(options)
  if (result.code !== 0) {
    throw new Error(
      `site build failed (exit ${result.code}):\n${result.stderr}\n${result.stdout.slice(-4000)}`,
    )
  }
}
