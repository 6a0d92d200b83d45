/**
 * The search indexer's thread (integrations/searchIndex.ts starts it): indexes pages on the second core while
 * Astro renders on the first. When the last page is in, it encodes the buckets and hands them to the main thread in
 * batches to write (Astro waits for the index then), so writing and encoding overlap.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { ByteBatch, unpackBytes, type PackedBytes } from './byteBatch.ts'
import { SearchIndexer, type BucketWriter, type SearchIndexStats } from './indexer.ts'

export type WorkerRequest =
  /**
   * Rendered pages in render order, by URL: each one's HTML from the `data-search-body` element on, as UTF-8 (empty
   * when the page has none).
   */
  { type: 'pages'; pages: PackedBytes } | { type: 'finish' } | { type: 'flushed'; error?: string }
export type WorkerReply =
  | { type: 'done'; stats: SearchIndexStats }
  | { type: 'error'; message: string }
  /** Bucket files to write, by path. */
  | { type: 'write'; files: PackedBytes }
  | { type: 'flush' }

let flushed: ((error?: string) => void) | undefined
const bucketFiles = new ByteBatch(1 << 20, (packed) =>
  parentPort!.postMessage({ type: 'write', files: packed } satisfies WorkerReply, [
    packed.bytes.buffer as ArrayBuffer,
  ]),
)
const mainThreadWriter: BucketWriter = {
  write: (file, bytes) => bucketFiles.add(file, bytes),
  flush: () =>
    new Promise<void>((resolve, reject) => {
      bucketFiles.flush()
      flushed = (error) => (error ? reject(new Error(error)) : resolve())
      parentPort!.postMessage({ type: 'flush' } satisfies WorkerReply)
    }),
}

const indexer = new SearchIndexer((workerData as { outDir: string }).outDir, mainThreadWriter)
let failure: string | undefined
const decoder = new TextDecoder()

parentPort!.on('message', async (request: WorkerRequest) => {
  if (request.type === 'pages') {
    for (const [url, html] of unpackBytes(request.pages)) {
      if (failure) return
      try {
        indexer.addPage(url, decoder.decode(html))
      } catch (error) {
        failure = `${url}: ${(error as Error).stack ?? error}`
      }
    }
    return
  }
  if (request.type === 'flushed') return flushed?.(request.error)
  let reply: WorkerReply
  try {
    reply = failure ? { type: 'error', message: failure } : { type: 'done', stats: await indexer.finish() }
  } catch (error) {
    reply = { type: 'error', message: (error as Error).stack ?? String(error) }
  }
  parentPort!.postMessage(reply)
})
