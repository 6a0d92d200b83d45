/**
 * `npm run build:if-changed`: for a cron job or a systemd timer on a server that sanity.io cannot reach (no inbound
 * webhook) and that may not reach GitHub. Each run asks the content source one small question and rebuilds
 * (`scripts/build.ts`: staging folder, atomic swap) only when something changed since the last successful build:
 *
 * - the published content: newest `_updatedAt`, or the number of published documents (a deletion);
 * - the clock: a document whose `publishedAt` (or an event whose start or end) has passed since that build;
 * - the build itself: the code's git commit, SITE_URL, the source's project and dataset, or the output is gone.
 *
 * It remembers the last successful build in `<OUT_DIR>.last-build.json` (BUILD_STATE_FILE overrides). Same
 * environment as `npm run build`; BUILD_TIME, when set, is the clock (tests move it). Options:
 *   --force    rebuild whatever the state says
 * POST_BUILD_COMMAND, when set, runs (sh -c, OUT_DIR in its environment) after each rebuild, e.g. the upload to a
 * web server or OSS (scripts/deploy/publish.sh); the build counts as done only when it succeeds.
 * Exit status: 0 when the site is current (rebuilt or not), non-zero when a build or the command failed (the next
 * run tries again).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, readdir, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { contentSource } from '../../site/lib/content.ts'
import { releaseLock, tryLock } from '../lib/processLock.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const outDir = path.resolve(ROOT, process.env.OUT_DIR ?? 'dist')
const stateFile = path.resolve(ROOT, process.env.BUILD_STATE_FILE ?? `${outDir}.last-build.json`)
const lockFile = `${outDir}.lock`
const { values: flags } = parseArgs({ options: { force: { type: 'boolean', default: false } } })

interface BuildState {
  /** The build clock of the last successful build. */
  builtAt: string
  /** Everything but the clock that decides what the site contains. */
  fingerprint: Fingerprint
}
interface Fingerprint {
  code: string | null
  siteUrl: string
  source: string
  documents: number
  newestUpdate: string | null
}

/** Published documents only (the content source applies the published perspective). */
const contentQuery = /* groq */ `{
  "documents": count(*),
  "newestUpdate": *[defined(_updatedAt)] | order(_updatedAt desc)[0]._updatedAt
}`
/** Date-times compare as instants, exactly as the publishing rule in site/lib/queries.ts does. */
const dueQuery = /* groq */ `*[
  (dateTime(publishedAt) > dateTime($since) && dateTime(publishedAt) <= dateTime($now)) ||
  (dateTime(startsAt) > dateTime($since) && dateTime(startsAt) <= dateTime($now)) ||
  (dateTime(endsAt) > dateTime($since) && dateTime(endsAt) <= dateTime($now))
][0...5]{_id, _type}`

const log = (message: string) => console.log(`[build:if-changed ${new Date().toISOString()}] ${message}`)

const now = process.env.BUILD_TIME ? new Date(process.env.BUILD_TIME) : new Date()
if (Number.isNaN(now.getTime())) {
  console.error(`BUILD_TIME "${process.env.BUILD_TIME}" is not a valid ISO 8601 date-time`)
  process.exit(2)
}

// One run at a time: cron does not wait for the previous run.
if (!(await tryLock(lockFile))) {
  log(`another run holds ${lockFile}; nothing to do`)
  process.exit(0)
}
try {
  process.exitCode = await run()
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
} finally {
  await releaseLock(lockFile)
}

async function run(): Promise<number> {
  const previous = await readState()
  const fingerprint = await takeFingerprint()
  const reason = await reasonToBuild(previous, fingerprint)
  if (!reason) {
    log(
      `no change since the build of ${previous!.builtAt}; ${path.relative(ROOT, outDir) || outDir}/ is current`,
    )
    return 0
  }
  log(`building: ${reason}`)
  const clock = now.toISOString()
  const built = await runChild(process.execPath, [path.join(ROOT, 'scripts/build.ts')], { BUILD_TIME: clock })
  if (built !== 0) {
    log(`build failed (exit ${built}); the site was left as it was, the next run tries again`)
    return built
  }
  const command = process.env.POST_BUILD_COMMAND
  if (command) {
    const posted = await runChild('sh', ['-c', command], { OUT_DIR: outDir })
    if (posted !== 0) {
      log(`POST_BUILD_COMMAND failed (exit ${posted}); the next run builds and tries again`)
      return posted
    }
  }
  await writeState({ builtAt: clock, fingerprint })
  log('done')
  return 0
}

async function reasonToBuild(
  previous: BuildState | undefined,
  fingerprint: Fingerprint,
): Promise<string | undefined> {
  if (flags.force) return '--force'
  if (!previous) return 'no earlier successful build recorded'
  if (
    !(await stat(outDir).then(
      (info) => info.isDirectory(),
      () => false,
    ))
  )
    return `${outDir} is missing`
  const before = previous.fingerprint
  if (fingerprint.newestUpdate !== before.newestUpdate) {
    return `content updated (newest _updatedAt ${before.newestUpdate} → ${fingerprint.newestUpdate})`
  }
  if (fingerprint.documents !== before.documents)
    return `published documents ${before.documents} → ${fingerprint.documents}`
  if (fingerprint.code !== before.code) return `code changed (${before.code} → ${fingerprint.code})`
  if (fingerprint.siteUrl !== before.siteUrl || fingerprint.source !== before.source)
    return 'SITE_URL or the content source changed'
  if (now.toISOString() <= previous.builtAt) return undefined
  // Ids and dates only, nothing rendered: the build itself runs the content contract over every document.
  const due = await contentSource().fetch<Array<{ _id: string; _type: string }>>(
    dueQuery,
    { since: previous.builtAt, now: now.toISOString() },
    { contract: false },
  )
  if (due.length > 0)
    return `due since ${previous.builtAt}: ${due.map((document) => `${document._type} "${document._id}"`).join(', ')}`
  return undefined
}

async function takeFingerprint(): Promise<Fingerprint> {
  const content = await contentSource().fetch<{ documents: number; newestUpdate: string | null }>(
    contentQuery,
    {},
    { contract: false },
  )
  const local = !process.env.SANITY_PROJECT_ID
  return {
    code: await gitCommit(),
    siteUrl: process.env.SITE_URL ?? '',
    source: local
      ? `local ${await localDatasetVersion(path.resolve(ROOT, process.env.CONTENT_DATASET ?? 'dataset'))}`
      : `sanity ${process.env.SANITY_PROJECT_ID}/${process.env.SANITY_DATASET || 'production'}`,
    documents: content.documents,
    newestUpdate: content.newestUpdate ?? null,
  }
}

/** A local dataset may be edited without touching `_updatedAt`: its files' sizes and times count too. */
async function localDatasetVersion(datasetPath: string): Promise<string> {
  const hash = createHash('sha1')
  const visit = async (target: string): Promise<void> => {
    const info = await stat(target).catch(() => undefined)
    if (!info) return
    hash.update(`${target}\0${info.size}\0${info.mtimeMs}\0`)
    if (info.isDirectory())
      for (const entry of (await readdir(target)).sort()) await visit(path.join(target, entry))
  }
  await visit(datasetPath)
  return hash.digest('hex').slice(0, 16)
}

async function gitCommit(): Promise<string | null> {
  const head = await readFile(path.join(ROOT, '.git/HEAD'), 'utf8').catch(() => undefined)
  if (head === undefined) {
    // A worktree or submodule: .git is a file naming the real folder; ask git itself.
    return new Promise((resolve) => {
      const child = spawn('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
      let out = ''
      child.stdout.on('data', (chunk) => (out += chunk))
      child.on('error', () => resolve(null))
      child.on('close', (code) => resolve(code === 0 ? out.trim() : null))
    })
  }
  const ref = /^ref: (.+)$/m.exec(head)?.[1]
  if (!ref) return head.trim()
  return (await readFile(path.join(ROOT, '.git', ref), 'utf8').catch(() => null))?.trim() ?? null
}

async function readState(): Promise<BuildState | undefined> {
  const text = await readFile(stateFile, 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as BuildState
  } catch {
    log(`${stateFile} is not readable JSON; building as if for the first time`)
    return undefined
  }
}

async function writeState(state: BuildState): Promise<void> {
  const staging = `${stateFile}.tmp`
  await writeFile(staging, `${JSON.stringify(state, null, 2)}\n`)
  await rename(staging, stateFile)
}

function runChild(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`)
      resolve(127)
    })
    child.on('close', (code) => resolve(code ?? 1))
  })
}
