import { defineMiddleware } from 'astro:middleware'
import { pageSink } from './lib/search/pageSink.ts'

/** During `astro build`, hands every rendered HTML page to the search indexer (integrations/searchIndex.ts). */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next()
  const sink = pageSink()
  if (!sink || !context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html'))
    return response
  const html = await response.text()
  sink.add(context.url.pathname, html)
  return new Response(html, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
})
