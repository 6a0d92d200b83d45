import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')
/** Build-time clock for every test build, so "upcoming" and "future-dated" mean the same on any day. */
export const TEST_BUILD_TIME = '2026-11-21T04:00:00Z'

export interface BuildResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the real `npm run build` pipeline (astro build + search index) with the given environment. */
export async function buildSite(options: {
  outDir: string
  env?: Record<string, string | undefined>
  clean?: boolean
}): Promise<BuildResult> {
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
