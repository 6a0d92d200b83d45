import type { AstroIntegration } from 'astro'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { WorkerReply, WorkerRequest } from '../lib/search/indexWorker.ts'
import { setPageSink } from '../lib/search/pageSink.ts'
import { searchBodyStartInBytes } from '../lib/search/pageText.ts'

/**
 * Builds the site search index (lib/search/) while Astro renders: middleware.ts hands each rendered page to a worker
 * thread, which indexes it on the machine's second core, so a 20,000-page site is indexed by the time the last page
 * is written. Any indexing error fails the build.
 */
export function searchIndex(): AstroIntegration {
  let outDir = ''
  let worker: Worker | undefined
  let crashed: Error | undefined
  let finishing: Promise<Extract<WorkerReply, { type: 'done' | 'error' }>> | undefined
  let started = 0
  let flushPages = () => {}
  return {
    name: 'alumni-news:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir)
      },
      'astro:build:start': () => {
        worker = new Worker(new URL('../lib/search/indexWorker.ts', import.meta.url), {
          workerData: { outDir },
        })
        worker.on('error', (error) => (crashed = error))
        // Do not keep the process alive for the worker if the build stops early.
        worker.unref()
        const batch = new PageBatch((pages, bytes) =>
          worker!.postMessage({ type: 'pages', pages, bytes } satisfies WorkerRequest, [
            bytes.buffer as ArrayBuffer,
          ]),
        )
        // Only the part the indexer reads, in batches moved to the worker without a copy: a message per page cost
        // this (rendering) thread about 0.4 ms a page.
        setPageSink({ add: (url, html) => batch.add(url, html) })
        flushPages = () => batch.flush()
      },
      // All pages are rendered (and handed to the worker) when this hook runs: the index is finished while the
      // other integrations' build:done hooks (the sitemap) run, and build:done waits for it.
      'astro:build:generated': () => {
        setPageSink(undefined)
        if (!worker) return
        flushPages()
        started = performance.now()
        finishing = new Promise<Extract<WorkerReply, { type: 'done' | 'error' }>>((resolve, reject) => {
          if (crashed) return reject(crashed)
          let writeError: string | undefined
          // The worker hands over each bucket file to write (this thread is mostly idle by now).
          worker!.on('message', (message: WorkerReply) => {
            if (message.type === 'write') {
              let at = 0
              for (const { file, length } of message.files) {
                try {
                  if (!writeError) writeFileSync(file, message.bytes.subarray(at, at + length))
                } catch (error) {
                  writeError = `${file}: ${(error as Error).message}`
                }
                at += length
              }
            } else if (message.type === 'flush') {
              worker!.postMessage({ type: 'flushed', error: writeError } satisfies WorkerRequest)
            } else resolve(message)
          })
          worker!.once('error', reject)
          worker!.postMessage({ type: 'finish' } satisfies WorkerRequest)
        }).finally(() => worker!.terminate())
        // Awaited in build:done; until then a failure must not count as unhandled.
        finishing.catch(() => {})
      },
      'astro:build:done': async ({ logger }) => {
        setPageSink(undefined)
        if (!finishing) return
        const reply = await finishing
        if (reply.type === 'error') throw new Error(`Search index: ${reply.message}`)
        const { stats } = reply
        logger.info(
          `${stats.documents} of ${stats.pages} pages indexed; finished in ${((performance.now() - started) / 1000).toFixed(1)}s ` +
            `after the last page: ${stats.tokens} tokens in ${stats.buckets} buckets, ${(stats.bytes / 1024 / 1024).toFixed(1)} MB; ` +
            `indexer memory ${(stats.peakMemory / 1024 / 1024).toFixed(0)} MB`,
        )
      },
    },
  }
}

/** Pages collected for the worker: the search part of each, back to back in one buffer, sent every BATCH_BYTES. */
class PageBatch {
  private static readonly BATCH_BYTES = 512 * 1024
  private bytes = new Uint8Array(PageBatch.BATCH_BYTES * 2)
  private length = 0
  private pages: Array<{ url: string; length: number }> = []

  constructor(
    private readonly send: (pages: Array<{ url: string; length: number }>, bytes: Uint8Array) => void,
  ) {}

  add(url: string, html: Uint8Array): void {
    const start = searchBodyStartInBytes(html)
    const part = start === -1 ? html.subarray(0, 0) : html.subarray(start)
    if (this.length + part.length > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + part.length))
      bigger.set(this.bytes.subarray(0, this.length))
      this.bytes = bigger
    }
    this.bytes.set(part, this.length)
    this.length += part.length
    this.pages.push({ url, length: part.length })
    if (this.length >= PageBatch.BATCH_BYTES) this.flush()
  }

  flush(): void {
    if (this.pages.length === 0) return
    this.send(this.pages, this.bytes.subarray(0, this.length))
    this.bytes = new Uint8Array(PageBatch.BATCH_BYTES * 2)
    this.length = 0
    this.pages = []
  }
}
