/**
 * Where the build sends each rendered page for the search index: set on globalThis by integrations/searchIndex.ts
 * for the duration of `astro build` (never in dev or preview builds) and fed by middleware.ts. A global, because
 * the integration and the middleware are loaded as separate module graphs of the same process.
 */
export interface PageSink {
  /** A rendered page as the build writes it (UTF-8); the sink copies what it keeps. */
  add(url: string, html: Uint8Array): void
}

const KEY = Symbol.for('alumni-news.search-page-sink')

export function pageSink(): PageSink | undefined {
  return (globalThis as { [KEY]?: PageSink })[KEY]
}

export function setPageSink(sink: PageSink | undefined): void {
  ;(globalThis as { [KEY]?: PageSink })[KEY] = sink
}
