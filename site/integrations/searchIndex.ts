import type { AstroIntegration, AstroIntegrationLogger } from 'astro'
import { readdirSync, readFileSync } from 'node:fs'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as pagefind from 'pagefind'
import { htmlForIndex } from '../lib/search/indexHtml.ts'

const BUNDLE_DIR = 'pagefind'
// Pagefind's ready-made interfaces; the search page uses the JS API with its own small rendering instead.
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
]
const CONCURRENCY = 4

/**
 * Builds the Pagefind index from the finished pages (after localImages, so the build is otherwise complete) into
 * `<outDir>/pagefind/`. Only pages with `data-pagefind-body` are indexed, and only their body text; Chinese text is
 * prepared as described in lib/search/hanText.ts. Any error Pagefind reports fails the build.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'alumni-news:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir)
        try {
          await buildSearchIndex(outDir, logger)
        } finally {
          await pagefind.close()
        }
      },
    },
  }
}

async function buildSearchIndex(outDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now()
  const created = await pagefind.createIndex({})
  failOn(created.errors, 'could not start the indexer')
  const index = created.index!

  const files = (await readdir(outDir, { recursive: true }))
    .filter((file) => file.endsWith('.html') && !file.startsWith(`${BUNDLE_DIR}${path.sep}`))
    .sort()
  let indexed = 0
  const queue = [...files]
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const content = htmlForIndex(await readFile(path.join(outDir, file), 'utf8'))
      if (content === undefined) continue
      const added = await index.addHTMLFile({ url: urlOf(file), content })
      failOn(added.errors, `could not index ${file}`)
      indexed++
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))

  const bundle = path.join(outDir, BUNDLE_DIR)
  const written = await index.writeFiles({ outputPath: bundle })
  failOn(written.errors, `could not write the index to ${bundle}`)
  const peakMemory = indexerPeakMemory()
  await Promise.all(UNUSED_BUNDLE_FILES.map((file) => rm(path.join(bundle, file), { force: true })))

  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const size = await directorySize(bundle)
  logger.info(
    `${indexed} of ${files.length} pages indexed in ${seconds} s; index ${(size / 1024 / 1024).toFixed(1)} MB` +
      (peakMemory ? `; indexer peak memory ${(peakMemory / 1024 / 1024).toFixed(0)} MB` : ''),
  )
}

function failOn(errors: string[], what: string): void {
  if (errors.length > 0) throw new Error(`Search index (Pagefind): ${what}: ${errors.join('; ')}`)
}

/** `articles/x/index.html` → `/articles/x/`, as the site links it (trailingSlash: 'always'). */
function urlOf(file: string): string {
  const url = `/${file.split(path.sep).join('/')}`
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url
}

async function directorySize(directory: string): Promise<number> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true })
  const sizes = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).size),
  )
  return sizes.reduce((sum, size) => sum + size, 0)
}

/**
 * Peak resident memory of the Pagefind binary (a child process of this one), in bytes; Linux only. Logged so the
 * cost of indexing large sites is visible in every build.
 */
function indexerPeakMemory(): number | undefined {
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      if (!/^Name:\s*pagefind/m.test(status) || !new RegExp(`^PPid:\\s*${process.pid}$`, 'm').test(status))
        continue
      const peak = /^VmHWM:\s*(\d+) kB/m.exec(status)
      if (peak) return Number(peak[1]) * 1024
    }
  } catch {
    // No /proc: not Linux, or not allowed to look.
  }
  return undefined
}
