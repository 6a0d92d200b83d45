import { createHash } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { getHeapStatistics } from 'node:v8'
import {
  BODY_WEIGHT,
  encodeBucket,
  FIELD_SHIFT,
  IN_SUBHEADING,
  INDEX_DIR,
  IN_TITLE,
  MANIFEST_PATH,
  MAX_FIELD,
  type SearchDocument,
  type SearchManifest,
} from './indexFormat.ts'
import { pageText } from './pageText.ts'
import { PostingPool } from './postingPool.ts'
import { bucketOf, countTokens, filterToken, normalizeText } from './tokens.ts'

/** Average bucket size to aim for: a query fetches one bucket per character pair, so buckets stay small. */
const TARGET_BUCKET_BYTES = 4096
// BM25's usual constants: how fast repeated mentions stop counting, and how much long pages are discounted
// against a typical story of REFERENCE_LENGTH characters (pages arrive one by one, so no average is known yet).
const K1 = 1.2
const B = 0.75
const REFERENCE_LENGTH = 1000

export interface SearchIndexStats {
  pages: number
  documents: number
  buckets: number
  /** Distinct tokens (characters, character pairs, words, filter values). */
  tokens: number
  bytes: number
  /** Peak memory of the indexer itself (its V8 heap and typed arrays, sampled every few hundred pages), bytes. */
  peakMemory: number
}

/**
 * Builds the site search index (formats in indexFormat.ts) one finished page at a time, as the build renders them
 * (integrations/searchIndex.ts), so indexing overlaps rendering and no page is kept in memory: each document's
 * file is written when its page arrives, and only its postings stay (postingPool.ts).
 * Documents are numbered in the order pages arrive. Only the page's marked text is read (pageText.ts): the index
 * holds nothing a reader cannot see on a published page.
 */
export class SearchIndexer {
  private readonly postings = new PostingPool()
  private readonly filterCounts = new Map<string, Map<string, number>>()
  private readonly hash = createHash('sha256')
  private readonly outDir: string
  private readonly writing: string
  private pages = 0
  private documents = 0
  private bytes = 0
  private peakMemory = 0

  constructor(outDir: string) {
    this.outDir = outDir
    this.writing = path.join(outDir, INDEX_DIR, `.writing-${process.pid}`)
  }

  addPage(url: string, html: string): void {
    if (this.pages++ % 500 === 0) this.sampleMemory()
    const page = pageText(html)
    if (!page) return
    if (this.documents === 0) mkdirSync(path.join(this.writing, 'd'), { recursive: true })
    const id = this.documents++

    const title = normalizeText(page.title)
    const titleLength = [...title].length
    const inTitle = countTokens(title)
    const inSubheading = countTokens(normalizeText(page.headings))
    const lengthFactor = K1 * (1 - B + (B * page.text.length) / REFERENCE_LENGTH)
    for (const [token, count] of countTokens(normalizeText(page.text))) {
      const body = Math.max(1, Math.round((count / (count + lengthFactor)) * BODY_WEIGHT))
      const field = inTitle.has(token)
        ? titleLevel(token, title, titleLength)
        : inSubheading.has(token)
          ? IN_SUBHEADING
          : 0
      this.add(token, id, body | (field << FIELD_SHIFT))
    }
    for (const [key, values] of Object.entries(page.filters)) {
      let counts = this.filterCounts.get(key)
      if (!counts) this.filterCounts.set(key, (counts = new Map()))
      for (const value of values) {
        this.add(filterToken(key, value), id, 0)
        counts.set(value, (counts.get(value) ?? 0) + 1)
      }
    }

    const { title: _title, ...meta } = page.meta
    const document: SearchDocument = { url, title: page.title, meta, text: page.text }
    const json = JSON.stringify(document)
    this.hash.update(json)
    this.bytes += Buffer.byteLength(json)
    writeFileSync(path.join(this.writing, 'd', `${id}.json`), json)
  }

  /** Writes the buckets and the manifest, and moves the index into place. */
  finish(): SearchIndexStats {
    const tokens = this.postings.size
    let estimate = 0
    for (let id = 0; id < tokens; id++)
      estimate += this.postings.tokenAt(id).length * 3 + this.postings.countAt(id) * 2 + 4
    const bucketCount = Math.max(1, Math.ceil(estimate / TARGET_BUCKET_BYTES))
    const buckets: number[][] = Array.from({ length: bucketCount }, () => [])
    for (let id = 0; id < tokens; id++) buckets[bucketOf(this.postings.tokenAt(id), bucketCount)]!.push(id)

    this.sampleMemory()
    mkdirSync(path.join(this.writing, 'b'), { recursive: true })
    buckets.forEach((ids, n) => {
      const entries = ids
        .map((id): [string, number] => [this.postings.tokenAt(id), id])
        .sort(([a], [b]) => compare(a, b))
        .map(([token, id]): [string, Int32Array] => [token, this.postings.postingsOf(id)])
      const encoded = encodeBucket(entries)
      this.hash.update(encoded)
      this.bytes += encoded.length
      writeFileSync(path.join(this.writing, 'b', `${n}.bin`), encoded)
    })

    // The folder is named after what is in it, so its files can be cached for good (docs/deploy.md).
    const version = this.hash.digest('hex').slice(0, 12)
    const folder = path.join(this.outDir, INDEX_DIR, version)
    rmSync(folder, { recursive: true, force: true })
    renameSync(this.writing, folder)
    const manifest: SearchManifest = {
      version: 1,
      base: `/${INDEX_DIR}/${version}/`,
      documents: this.documents,
      buckets: bucketCount,
      filters: Object.fromEntries(
        [...this.filterCounts].map(([key, counts]) => [
          key,
          [...counts].sort(([a, x], [b, y]) => y - x || compare(a, b)),
        ]),
      ),
    }
    writeFileSync(path.join(this.outDir, MANIFEST_PATH), JSON.stringify(manifest))
    return {
      pages: this.pages,
      documents: this.documents,
      buckets: bucketCount,
      tokens,
      bytes: this.bytes,
      peakMemory: this.sampleMemory(),
    }
  }

  private sampleMemory(): number {
    const heap = getHeapStatistics()
    this.peakMemory = Math.max(this.peakMemory, heap.total_heap_size + heap.external_memory)
    return this.peakMemory
  }

  private add(token: string, id: number, weight: number): void {
    this.postings.add(token, id * 256 + weight)
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
