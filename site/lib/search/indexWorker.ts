/**
 * The search indexer's thread (integrations/searchIndex.ts starts it): indexes pages on the second core while
 * Astro renders on the first. When the last page is in, it encodes the buckets and hands each to the main thread to
 * write (Astro waits for the index then), so writing and encoding overlap.
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
  | { type: 'write'; file: string; bytes: Uint8Array }
  | { type: 'flush' }

let flushed: ((error?: string) => void) | undefined
const mainThreadWriter: BucketWriter = {
  write: (file, bytes) =>
    // The bytes move to the main thread without a copy; the indexer does not touch them again.
    parentPort!.postMessage({ type: 'write', file, bytes } satisfies WorkerReply, [
      bytes.buffer as ArrayBuffer,
    ]),
  flush: () =>
    new Promise<void>((resolve, reject) => {
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
