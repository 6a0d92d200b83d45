import { createHash } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { getHeapStatistics } from 'node:v8'
import {
  BODY_WEIGHT,
  ByteWriter,
  encodeEncodedBucket,
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
import { countTokens, filterToken, normalizeText, visitTokens } from './tokens.ts'

/** Average bucket size to aim for: a query fetches one bucket per character pair, so buckets stay small. */
const TARGET_BUCKET_BYTES = 4096
// BM25's usual constants: how fast repeated mentions stop counting, and how much long pages are discounted
// against a typical story of REFERENCE_LENGTH characters (pages arrive one by one, so no average is known yet).
const K1 = 1.2
const B = 0.75
const REFERENCE_LENGTH = 1000

/**
 * Where finish() writes the bucket files. The build's worker (indexWorker.ts) hands them to the main thread, idle by
 * then, so writing one bucket overlaps encoding the next; by default they are written here, synchronously.
 */
export interface BucketWriter {
  /** Writes (or copies) the bytes during the call: they are reused for the next bucket. */
  write(file: string, bytes: Uint8Array): void
  /** Resolves when every file handed to write() is on disk. */
  flush(): Promise<void>
}

const writeHere: BucketWriter = {
  write: (file, bytes) => writeFileSync(file, bytes),
  flush: async () => {},
}

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
 * file is written when its page arrives, and only its postings stay, already encoded (postingPool.ts).
 * Documents are numbered in the order pages arrive (render order), so ties between equally good results go to the
 * page rendered first. Only the page's marked text is read (pageText.ts): the index holds nothing a reader cannot
 * see on a published page.
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
  // Scratch for the page being indexed, by token id: occurrences in its body, and title/subheading level.
  private pageCounts = new Int32Array(1 << 16)
  private pageFields = new Uint8Array(1 << 16)
  private readonly pageTokens: number[] = []

  private readonly bucketWriter: BucketWriter

  constructor(outDir: string, bucketWriter: BucketWriter = writeHere) {
    this.outDir = outDir
    this.bucketWriter = bucketWriter
    this.writing = path.join(outDir, INDEX_DIR, `.writing-${process.pid}`)
  }

  addPage(url: string, html: string): void {
    if (this.pages++ % 500 === 0) this.sampleMemory()
    const page = pageText(html)
    if (!page) return
    if (this.documents === 0) mkdirSync(path.join(this.writing, 'd'), { recursive: true })
    const id = this.documents++

    const counts = this.countBody(normalizeText(page.text))
    const fields = this.pageFields
    const title = normalizeText(page.title)
    const titleLength = [...title].length
    // Only tokens of the body get postings; the title and subheadings raise their weight.
    for (const token of countTokens(title).keys()) {
      const tokenId = this.postings.idOf(token, false)
      if (tokenId >= 0 && counts[tokenId]! > 0) fields[tokenId] = titleLevel(token, title, titleLength)
    }
    for (const token of countTokens(normalizeText(page.headings)).keys()) {
      const tokenId = this.postings.idOf(token, false)
      if (tokenId >= 0 && counts[tokenId]! > 0 && fields[tokenId] === 0) fields[tokenId] = IN_SUBHEADING
    }
    const lengthFactor = K1 * (1 - B + (B * page.text.length) / REFERENCE_LENGTH)
    for (const token of this.pageTokens) {
      const count = counts[token]!
      const body = Math.max(1, Math.round((count / (count + lengthFactor)) * BODY_WEIGHT))
      this.postings.add(token, id, body | (fields[token]! << FIELD_SHIFT))
      counts[token] = 0
      fields[token] = 0
    }
    for (const [key, values] of Object.entries(page.filters)) {
      let counts = this.filterCounts.get(key)
      if (!counts) this.filterCounts.set(key, (counts = new Map()))
      for (const value of values) {
        this.postings.add(this.postings.idOf(filterToken(key, value)), id, 0)
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

  /**
   * Counts the tokens of a page's body into `pageCounts` by token id (new tokens get ids) and lists each token once
   * in `pageTokens`, in order of first occurrence.
   */
  private countBody(text: string): Int32Array {
    const tokens = this.pageTokens
    tokens.length = 0
    const count = (id: number) => {
      if (id >= this.pageCounts.length) {
        const counts = new Int32Array(this.pageCounts.length * 2)
        counts.set(this.pageCounts)
        this.pageCounts = counts
        const fields = new Uint8Array(counts.length)
        fields.set(this.pageFields)
        this.pageFields = fields
      }
      if (this.pageCounts[id]!++ === 0) tokens.push(id)
    }
    visitTokens(
      text,
      (key) => count(this.postings.idOfHan(key)),
      (token) => count(this.postings.idOf(token)),
    )
    return this.pageCounts
  }

  /** Writes the buckets and the manifest, and moves the index into place. */
  async finish(): Promise<SearchIndexStats> {
    const postings = this.postings
    postings.seal()
    const tokens = postings.size
    let estimate = 0
    for (let id = 0; id < tokens; id++) estimate += postings.lengthAt(id) * 3 + postings.countAt(id) * 2 + 4
    const bucketCount = Math.max(1, Math.ceil(estimate / TARGET_BUCKET_BYTES))
    // Token ids grouped by bucket (a counting sort): `starts[n]` to `starts[n + 1]` in `byBucket`.
    const bucketOfToken = new Int32Array(tokens)
    const starts = new Int32Array(bucketCount + 1)
    for (let id = 0; id < tokens; id++)
      starts[(bucketOfToken[id] = postings.bucketAt(id, bucketCount)) + 1]!++
    for (let n = 0; n < bucketCount; n++) starts[n + 1]! += starts[n]!
    const byBucket = new Int32Array(tokens)
    const next = starts.slice(0, bucketCount)
    for (let id = 0; id < tokens; id++) byBucket[next[bucketOfToken[id]!]!++] = id

    this.sampleMemory()
    mkdirSync(path.join(this.writing, 'b'), { recursive: true })
    const scratch = new ByteWriter(1 << 16)
    for (let n = 0; n < bucketCount; n++) {
      const entries = Array.from(byBucket.subarray(starts[n]!, starts[n + 1]!), (id): [string, number] => [
        postings.tokenAt(id),
        id,
      ]).sort(([a], [b]) => compare(a, b))
      const encoded = encodeEncodedBucket(entries, postings, scratch)
      this.hash.update(encoded)
      this.bytes += encoded.length
      this.bucketWriter.write(path.join(this.writing, 'b', `${n}.bin`), encoded)
    }
    await this.bucketWriter.flush()

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
