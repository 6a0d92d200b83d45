import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  BODY_WEIGHT,
  encodeBucket,
  FIELD_SHIFT,
  IN_SUBHEADING,
  IN_TITLE,
  MANIFEST_PATH,
  MAX_FIELD,
  type SearchDocument,
  type SearchManifest,
} from './indexFormat.ts'
import { pageText, type PageText } from './pageText.ts'
import { bucketOf, countTokens, filterToken, normalizeText } from './tokens.ts'

const INDEX_DIR = '_search'
/** Average bucket size to aim for: a query fetches one bucket per character pair, so buckets stay small. */
const TARGET_BUCKET_BYTES = 4096
// BM25's usual constants: how fast repeated mentions stop counting, and how much long pages are discounted.
const K1 = 1.2
const B = 0.75
const PARALLEL_FILES = 32

export interface SearchIndexStats {
  pages: number
  documents: number
  buckets: number
  bytes: number
  seconds: number
  /** Peak resident memory of this process so far, bytes. */
  peakMemory: number
}

interface Posting {
  ids: number[]
  weights: number[]
}

/**
 * Builds the site search index (formats in indexFormat.ts) from the finished pages in `outDir`, after Astro has
 * exited so the two never hold memory at the same time. Reads each page's marked text (pageText.ts); the index
 * holds nothing a reader cannot see on a published page.
 */
export async function writeSearchIndex(outDir: string): Promise<SearchIndexStats> {
  const started = performance.now()
  const indexDir = path.join(outDir, INDEX_DIR)
  await rm(indexDir, { recursive: true, force: true })

  const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html')).sort()
  const pages: Array<{ url: string; page: PageText }> = []
  await inParallel(files, async (file) => {
    const page = pageText(await readFile(path.join(outDir, file), 'utf8'))
    if (page) pages.push({ url: urlOf(file), page })
  })
  // Newest first: document numbers break ties between equally good results.
  pages.sort((a, b) =>
    a.page.date === b.page.date ? compare(a.url, b.url) : compare(b.page.date, a.page.date),
  )

  const postings = new Map<string, Posting>()
  const add = (token: string, id: number, weight: number) => {
    let posting = postings.get(token)
    if (!posting) postings.set(token, (posting = { ids: [], weights: [] }))
    posting.ids.push(id)
    posting.weights.push(weight)
  }
  const filterCounts = new Map<string, Map<string, number>>()
  const averageLength = pages.reduce((sum, { page }) => sum + page.text.length, 0) / Math.max(1, pages.length)

  const build = `${indexDir}/.writing-${process.pid}`
  await mkdir(path.join(build, 'b'), { recursive: true })
  await mkdir(path.join(build, 'd'), { recursive: true })
  const hash = createHash('sha256')
  const documents: Array<[id: number, json: string]> = []

  pages.forEach(({ url, page }, id) => {
    const title = normalizeText(page.title)
    const titleLength = [...title].length
    const inTitle = countTokens(title)
    const inSubheading = countTokens(normalizeText(page.headings))
    const lengthFactor = K1 * (1 - B + (B * page.text.length) / averageLength)
    for (const [token, count] of countTokens(normalizeText(page.text))) {
      const saturated = (count * (K1 + 1)) / (count + lengthFactor) / (K1 + 1)
      const body = Math.max(1, Math.round(saturated * BODY_WEIGHT))
      const field = inTitle.has(token)
        ? titleLevel(token, title, titleLength)
        : inSubheading.has(token)
          ? IN_SUBHEADING
          : 0
      add(token, id, body | (field << FIELD_SHIFT))
    }
    for (const [key, values] of Object.entries(page.filters)) {
      const counts = filterCounts.get(key) ?? filterCounts.set(key, new Map()).get(key)!
      for (const value of values) {
        add(filterToken(key, value), id, 0)
        counts.set(value, (counts.get(value) ?? 0) + 1)
      }
    }
    const { title: _title, ...meta } = page.meta
    const document: SearchDocument = { url, title: page.title, meta, text: page.text }
    documents.push([id, JSON.stringify(document)])
  })

  let totalBytes = 0
  for (const [token, posting] of postings) totalBytes += token.length * 3 + posting.ids.length * 2 + 4
  const bucketCount = Math.max(1, Math.ceil(totalBytes / TARGET_BUCKET_BYTES))
  const buckets: Array<Array<[string, number[], number[]]>> = Array.from({ length: bucketCount }, () => [])
  for (const [token, { ids, weights }] of postings)
    buckets[bucketOf(token, bucketCount)]!.push([token, ids, weights])
  postings.clear()

  // The folder is named after what is in it, so its files can be cached for good (docs/deploy.md).
  const encoded = buckets.map((entries) => encodeBucket(entries.sort(([a], [b]) => compare(a, b))))
  buckets.length = 0
  let bytes = 0
  for (const file of encoded) {
    hash.update(file)
    bytes += file.length
  }
  for (const [, json] of documents) {
    hash.update(json)
    bytes += Buffer.byteLength(json)
  }
  await inParallel(
    encoded.map((file, n) => [n, file] as const),
    ([n, file]) => writeFile(path.join(build, 'b', `${n}.bin`), file),
  )
  await inParallel(documents, ([id, json]) => writeFile(path.join(build, 'd', `${id}.json`), json))
  const version = hash.digest('hex').slice(0, 12)
  await rename(build, path.join(indexDir, version))

  const manifest: SearchManifest = {
    version: 1,
    base: `/${INDEX_DIR}/${version}/`,
    documents: pages.length,
    buckets: bucketCount,
    filters: Object.fromEntries(
      [...filterCounts].map(([key, counts]) => [
        key,
        [...counts].sort(([a, x], [b, y]) => y - x || compare(a, b)),
      ]),
    ),
  }
  await writeFile(path.join(outDir, MANIFEST_PATH), JSON.stringify(manifest))

  return {
    pages: files.length,
    documents: pages.length,
    buckets: bucketCount,
    bytes,
    seconds: (performance.now() - started) / 1000,
    peakMemory: process.resourceUsage().maxRSS * 1024,
  }
}

/**
 * How much a title match counts (indexFormat.ts): more the more of the title the token is (张伟 in 张伟 against 张伟
 * in a 25-character headline), and one more when the title starts with it (红楼修缮完工重新开放 is about 红楼).
 */
function titleLevel(token: string, title: string, titleLength: number): number {
  const coverage = Math.min(1, [...token].length / titleLength)
  return Math.min(MAX_FIELD, IN_TITLE + Math.round(coverage * 4) + (title.startsWith(token) ? 1 : 0))
}

/** `articles/x/index.html` → `/articles/x/`, as the site links it (trailingSlash: 'always'). */
function urlOf(file: string): string {
  const url = `/${file.split(path.sep).join('/')}`
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: PARALLEL_FILES }, worker))
}
