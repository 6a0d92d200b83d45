/**
 * `npm run build`: builds the site into a staging folder beside the output and swaps it in only when the whole
 * build (pages, images, search index) succeeded, so a failed build never leaves a half-written dist/ behind.
 *
 *   OUT_DIR             output folder (default dist/; preview builds use dist-preview/)
 *   CONTENT_PERSPECTIVE published (default) | drafts — preview builds only, see README
 */
import { spawn } from 'node:child_process'
import { rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import { astroNodeFlags, DEFAULT_HEAP_MB } from './lib/astroNodeFlags.ts'
import { tidyPageLog } from './lib/pageLogLines.ts'
import { releaseLock, waitForLock } from './lib/processLock.ts'

const root = path.resolve(import.meta.dirname, '..')
const outDir = path.resolve(root, process.env.OUT_DIR ?? 'dist')
const staging = `${outDir}.staging`
const previous = `${outDir}.previous`

const exists = (target: string) =>
  stat(target).then(
    () => true,
    () => false,
  )

// Drafts never reach the production output (docs/publishing.md): a drafts build may only write elsewhere.
const productionOutDir = path.resolve(root, 'dist')
if (process.env.CONTENT_PERSPECTIVE === 'drafts' && outDir === productionOutDir) {
  console.error(
    `CONTENT_PERSPECTIVE=drafts builds a preview with drafts in it, which must never be written to the production ` +
      `output ${path.relative(root, outDir)}/. Use \`npm run build:preview\` (writes dist-preview/), or set OUT_DIR ` +
      `to another folder.`,
  )
  process.exit(1)
}

const heapMegabytes = Number(process.env.BUILD_HEAP_MB ?? DEFAULT_HEAP_MB)
if (!Number.isInteger(heapMegabytes) || heapMegabytes < 256) {
  console.error(
    `BUILD_HEAP_MB must be a whole number of megabytes (at least 256), not "${process.env.BUILD_HEAP_MB}".`,
  )
  process.exit(1)
}

// Astro stages a build's pages in <output>/.prerender/, but in the project's one .astro/.prerender/ when the output
// is outside the project (its test: the path starts with the working directory). Two such builds at once (the cron
// build and a manual one on a campus server) would delete each other's pages: they take turns.
const prerenderLock = staging.startsWith(root)
  ? undefined
  : path.join(root, '.astro/build-outside-project.lock')
if (prerenderLock)
  await waitForLock(prerenderLock, (holder) =>
    console.log(
      `Waiting for the build of process ${holder} to finish: builds writing outside the project take turns.`,
    ),
  )

await rm(staging, { recursive: true, force: true })
const astro = spawn(
  process.execPath,
  [
    ...astroNodeFlags(heapMegabytes),
    path.join(root, 'node_modules/astro/bin/astro.mjs'),
    'build',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    // Astro's log goes through tidyPageLog (one line per page); colours stay when our own output is a terminal.
    stdio: ['inherit', 'pipe', 'inherit'],
    env: {
      ASTRO_TELEMETRY_DISABLED: '1',
      DO_NOT_TRACK: '1',
      NO_UPDATE_NOTIFIER: '1',
      ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
      ...process.env,
      OUT_DIR: staging,
    },
  },
)
const log = astro.stdout.pipe(tidyPageLog())
log.pipe(process.stdout)
const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
  (resolve) => astro.on('close', (code, signal) => resolve({ code, signal })),
)
await finished(log)
if (prerenderLock) await releaseLock(prerenderLock)
if (code !== 0) {
  await rm(staging, { recursive: true, force: true })
  // V8 aborts the process when the bounded heap is full ("JavaScript heap out of memory" above).
  if (signal === 'SIGABRT' || code === 134)
    console.error(
      `\nThe build ran out of memory: its heap is bounded at ${heapMegabytes} MB. A larger archive needs more: ` +
        `build again with BUILD_HEAP_MB=${heapMegabytes * 2}.`,
    )
  console.error(
    `\nBuild failed (exit ${code ?? signal}); ${path.relative(root, outDir) || outDir} was left as it was.`,
  )
  process.exit(code ?? 1)
}

await rm(previous, { recursive: true, force: true })
if (await exists(outDir)) await rename(outDir, previous)
await rename(staging, outDir)
await rm(previous, { recursive: true, force: true })
console.log(`Site written to ${path.relative(root, outDir) || outDir}/`)
