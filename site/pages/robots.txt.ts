import type { APIRoute } from 'astro'
import { SITE_URL } from '../lib/consts.ts'
import { configuredPerspective } from '../lib/content.ts'

// Preview builds hold drafts: they ask every crawler to stay away and advertise no sitemap.
export const GET: APIRoute = () =>
  new Response(
    configuredPerspective() === 'drafts'
      ? 'User-agent: *\nDisallow: /\n'
      : `User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}/sitemap-index.xml\n`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  )
