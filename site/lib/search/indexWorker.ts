/**
 * The search indexer's thread (integrations/searchIndex.ts starts it): indexes pages on the second core while
 * Astro renders on the first. When the last page is in, it encodes the buckets and hands them to the main thread in
 * batches to write (Astro waits for the index then), so writing and encoding overlap.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { SearchIndexer, type BucketWriter, type SearchIndexStats } from './indexer.ts'

export type WorkerRequest =
  /**
   * Rendered pages in render order: each one's HTML from the `data-search-body` element on, as UTF-8, back to back
   * in `bytes` (length 0 when the page has none).
   */
  | { type: 'pages'; pages: Array<{ url: string; length: number }>; bytes: Uint8Array }
  | { type: 'finish' }
  | { type: 'flushed'; error?: string }
export type WorkerReply =
  | { type: 'done'; stats: SearchIndexStats }
  | { type: 'error'; message: string }
  /** Bucket files to write: their bytes back to back in `bytes`. */
  | { type: 'write'; files: Array<{ file: string; length: number }>; bytes: Uint8Array }
  | { type: 'flush' }

let flushed: ((error?: string) => void) | undefined
// Buckets go to the main thread in batches of about 1 MB: a message per bucket cost this thread 0.9 s at 20k.
const WRITE_BATCH_BYTES = 1 << 20
let batch = {
  files: [] as Array<{ file: string; length: number }>,
  bytes: new Uint8Array(WRITE_BATCH_BYTES),
  used: 0,
}
function sendBatch() {
  if (batch.files.length === 0) return
  const { files, bytes, used } = batch
  // The bytes move to the main thread without a copy; this thread starts a new batch.
  parentPort!.postMessage({ type: 'write', files, bytes: bytes.subarray(0, used) } satisfies WorkerReply, [
    bytes.buffer as ArrayBuffer,
  ])
  batch = { files: [], bytes: new Uint8Array(WRITE_BATCH_BYTES), used: 0 }
}
const mainThreadWriter: BucketWriter = {
  write: (file, bytes) => {
    if (batch.used + bytes.length > batch.bytes.length) sendBatch()
    if (bytes.length > batch.bytes.length) batch.bytes = new Uint8Array(bytes.length)
    batch.bytes.set(bytes, batch.used)
    batch.used += bytes.length
    batch.files.push({ file, length: bytes.length })
  },
  flush: () =>
    new Promise<void>((resolve, reject) => {
      sendBatch()
      flushed = (error) => (error ? reject(new Error(error)) : resolve())
      parentPort!.postMessage({ type: 'flush' } satisfies WorkerReply)
    }),
}

const indexer = new SearchIndexer((workerData as { outDir: string }).outDir, mainThreadWriter)
let failure: string | undefined
const decoder = new TextDecoder()

parentPort!.on('message', async (request: WorkerRequest) => {
  if (request.type === 'pages') {
    let at = 0
    for (const { url, length } of request.pages) {
      if (failure) return
      try {
        indexer.addPage(url, decoder.decode(request.bytes.subarray(at, (at += length))))
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
