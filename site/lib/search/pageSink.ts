/**
 * Where the build sends each rendered page for the search index: set on globalThis by integrations/searchIndex.ts
 * for the duration of `astro build` (never in dev or preview builds) and fed by middleware.ts. A global, because
 * the integration and the middleware are loaded as separate module graphs of the same process.
 */
export interface PageSink {
  /**
   * Called as a page's request starts. Astro renders several pages at once (build.concurrency) and they finish in
   * an order that varies from build to build; the index numbers documents in arrival order, so pages are handed on
   * in the order their requests started, which is the order of Astro's list of paths.
   */
  reserve(): number
  /** A rendered page as the build writes it (UTF-8); the sink copies what it keeps. */
  add(slot: number, url: string, html: Uint8Array): void
  /** The request of this slot made no page to index (not HTML, or it failed). */
  skip(slot: number): void
}

const KEY = Symbol.for('alumni-news.search-page-sink')

export function pageSink(): PageSink | undefined {
  return (globalThis as { [KEY]?: PageSink })[KEY]
}

export function setPageSink(sink: PageSink | undefined): void {
  ;(globalThis as { [KEY]?: PageSink })[KEY] = sink
}

/** A PageSink that hands pages to `add` in the order of their slots, holding those that finish early. */
export function pageSinkInRequestOrder(add: (url: string, html: Uint8Array) => void): PageSink {
  let reserved = 0
  let next = 0
  const finished = new Map<number, { url: string; html: Uint8Array } | undefined>()
  const settle = (slot: number, page: { url: string; html: Uint8Array } | undefined) => {
    finished.set(slot, page)
    while (finished.has(next)) {
      const ready = finished.get(next)
      finished.delete(next++)
      if (ready) add(ready.url, ready.html)
    }
  }
  return {
    reserve: () => reserved++,
    add: (slot, url, html) => settle(slot, { url, html }),
    skip: (slot) => settle(slot, undefined),
  }
}
