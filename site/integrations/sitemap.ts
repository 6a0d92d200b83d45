import type { AstroIntegration } from 'astro'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Sitemap files hold at most this many pages (the protocol allows 50,000). */
const PAGES_PER_FILE = 45_000
const URLSET =
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" ' +
  'xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" ' +
  'xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">'
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

/**
 * `sitemap-index.xml` and `sitemap-N.xml` listing every page the build wrote (not 404 or feeds), written as
 * @astrojs/sitemap 3.7 wrote them. Our own because that package sorted the URLs with `localeCompare`, which took
 * 3.5 s of the build's main thread at 20,000 pages while the search index waited for it to write its files.
 */
export function sitemap(): AstroIntegration {
  let site = ''
  return {
    name: 'alumni-news:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('The sitemap needs `site` in astro.config.mjs')
        site = new URL(config.base, config.site).href
      },
      'astro:build:done': async ({ dir, pages }) => {
        const urls = sitemapUrls(
          site,
          pages.map((page) => page.pathname),
        )
        const files = []
        for (let start = 0; start < urls.length; start += PAGES_PER_FILE)
          files.push(urls.slice(start, start + PAGES_PER_FILE))
        const outDir = fileURLToPath(dir)
        await Promise.all(
          files.map((chunk, n) =>
            writeFile(
              path.join(outDir, `sitemap-${n}.xml`),
              `${XML_DECLARATION}${URLSET}${chunk.map((url) => `<url><loc>${escapeXml(url)}</loc></url>`).join('')}</urlset>`,
            ),
          ),
        )
        const index = files.map(
          (_, n) => `<sitemap><loc>${escapeXml(new URL(`sitemap-${n}.xml`, site).href)}</loc></sitemap>`,
        )
        await writeFile(
          path.join(outDir, 'sitemap-index.xml'),
          `${XML_DECLARATION}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${index.join('')}</sitemapindex>`,
        )
      },
    },
  }
}

/** Absolute URLs of the built pages (pathnames as Astro reports them, without their leading slash), sorted. */
export function sitemapUrls(site: string, pathnames: string[]): string[] {
  const isErrorPage = (pathname: string) => /^\/?(404|500)\/?$/.test(pathname)
  const urls = new Set(
    pathnames
      .filter((pathname) => !isErrorPage(pathname))
      .map((pathname) => new URL(pathname.replace(/^\//, ''), site).href),
  )
  const collator = new Intl.Collator('en', { numeric: true })
  return [...urls].sort(collator.compare)
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`,
  )
}
