/**
 * The search indexer's thread (integrations/searchIndex.ts starts it): indexes pages on the second core while
 * Astro renders on the first.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { SearchIndexer, type SearchIndexStats } from './indexer.ts'

export type WorkerRequest = { type: 'page'; url: string; html: string } | { type: 'finish' }
export type WorkerReply = { type: 'done'; stats: SearchIndexStats } | { type: 'error'; message: string }

const indexer = new SearchIndexer((workerData as { outDir: string }).outDir)
let failure: string | undefined

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.type === 'page') {
    if (failure) return
    try {
      indexer.addPage(request.url, request.html)
    } catch (error) {
      failure = `${request.url}: ${(error as Error).stack ?? error}`
    }
    return
  }
  let reply: WorkerReply
  try {
    reply = failure ? { type: 'error', message: failure } : { type: 'done', stats: indexer.finish() }
  } catch (error) {
    reply = { type: 'error', message: (error as Error).stack ?? String(error) }
  }
  parentPort!.postMessage(reply)
})
