import type { AstroIntegration } from 'astro'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { WorkerReply, WorkerRequest } from '../lib/search/indexWorker.ts'
import { ByteBatch, unpackBytes } from '../lib/search/byteBatch.ts'
import { pageSinkInRequestOrder, setPageSink } from '../lib/search/pageSink.ts'
import { searchBodyStartInBytes } from '../lib/search/pageText.ts'

const PAGE_BATCH_BYTES = 512 * 1024

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
        const pages = new ByteBatch(PAGE_BATCH_BYTES, (packed) =>
          worker!.postMessage({ type: 'pages', pages: packed } satisfies WorkerRequest, [
            packed.bytes.buffer as ArrayBuffer,
          ]),
        )
        // Only the part the indexer reads (none of a page without it), in batches moved to the worker.
        setPageSink(
          pageSinkInRequestOrder((url, html) => {
            const start = searchBodyStartInBytes(html)
            pages.add(url, start === -1 ? html.subarray(0, 0) : html.subarray(start))
          }),
        )
        flushPages = () => pages.flush()
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
              for (const [file, bytes] of unpackBytes(message.files)) {
                try {
                  if (!writeError) writeFileSync(file, bytes)
                } catch (error) {
                  writeError = `${file}: ${(error as Error).message}`
                }
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
