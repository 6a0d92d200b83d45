import type { AstroIntegration } from 'astro'
import { writeFile } from 'node:fs/promises'
import { renderHeadersFile } from '../lib/headers.ts'

/**
 * Writes `_headers` (Netlify, Cloudflare Pages) from the one definition of the site's response headers
 * (site/lib/headers.ts); a preview build's adds `X-Robots-Tag: noindex`. The nginx configuration comes from the
 * same definition (deploy/nginx/).
 */
export function hostingHeaders(options: { preview: boolean }): AstroIntegration {
  return {
    name: 'alumni-news:hosting-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), renderHeadersFile(options))
      },
    },
  }
}
