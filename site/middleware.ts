import { defineMiddleware } from 'astro:middleware'
import { pageSink } from './lib/search/pageSink.ts'

/** During `astro build`, hands every rendered HTML page to the search indexer (integrations/searchIndex.ts). */
export const onRequest = defineMiddleware(async (context, next) => {
  const sink = pageSink()
  if (!sink || !context.isPrerendered) return next()
  const slot = sink.reserve()
  let response: Response
  try {
    response = await next()
  } catch (error) {
    sink.skip(slot)
    throw error
  }
  if (!response.headers.get('content-type')?.startsWith('text/html')) {
    sink.skip(slot)
    return response
  }
  // Bytes, not text: decoding the page and encoding it again for Astro cost the build ~0.1 ms a page.
  const html = new Uint8Array(await response.arrayBuffer())
  sink.add(slot, context.url.pathname, html)
  return new Response(html, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
})
