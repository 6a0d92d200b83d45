import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { brotliAvailable, startNginx, type NginxServer } from '../../scripts/deploy/nginx.ts'
import { IMMUTABLE, REVALIDATE, SECURITY_HEADERS } from '../../site/lib/headers.ts'
import { MANIFEST_PATH, type SearchManifest } from '../../site/lib/search/indexFormat.ts'
import { parseHeadersFile } from '../support/headersFile.ts'

// The sample site through the real nginx with the shipped configuration (deploy/nginx/), as `npm run serve` runs
// it: headers, caching, compression, types, the 404 page and no directory listings. The browser tests (csp, search)
// run against it too.

const siteDir = inject('sampleSiteDir')
let nginx: NginxServer

beforeAll(async () => {
  nginx = await startNginx({ root: siteDir })
})

afterAll(async () => {
  await nginx?.close()
})

const get = (pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${nginx.url}${pathname}`, { headers, redirect: 'manual' })

async function firstFile(folder: string, pattern: RegExp): Promise<string> {
  const name = (await readdir(path.join(siteDir, folder))).find((entry) => pattern.test(entry))
  if (!name) throw new Error(`no file matching ${pattern} in ${folder}`)
  return `/${folder}/${name}`
}

describe('nginx with the shipped configuration', () => {
  it('sends the security headers of the build’s _headers on pages, assets, feeds and the 404 page', async () => {
    const fromBuild = parseHeadersFile(await readFile(path.join(siteDir, '_headers'), 'utf8')).get('/*') ?? {}
    expect(fromBuild).toEqual(SECURITY_HEADERS)
    expect(nginx.preview).toBe(false)
    const script = await firstFile('_astro', /\.js$/)
    for (const pathname of [
      '/',
      '/articles/',
      script,
      '/rss.xml',
      '/events.ics',
      MANIFEST_PATH,
      '/no-such-page/',
    ]) {
      const response = await get(pathname)
      await response.body?.cancel()
      for (const [name, value] of Object.entries(fromBuild))
        expect(response.headers.get(name), `${pathname} ${name}`).toBe(value)
      expect(response.headers.get('X-Robots-Tag'), pathname).toBeNull()
      expect(response.headers.get('Server'), pathname).toBe('nginx') // no version
    }
  })

  it('makes HTML, feeds and the search manifest revalidate, and caches hashed files for a year', async () => {
    const manifest = (await (await get(MANIFEST_PATH)).json()) as SearchManifest
    const indexFolder = `${manifest.base}d` // /_search/<hash>/d: the result documents
    const indexFile = (await readdir(path.join(siteDir, indexFolder))).find((name) => name.endsWith('.json'))
    const cases: Array<[string, string]> = [
      ['/', REVALIDATE],
      ['/articles/', REVALIDATE],
      ['/newsletter/', REVALIDATE],
      ['/rss.xml', REVALIDATE],
      ['/events.ics', REVALIDATE],
      [MANIFEST_PATH, REVALIDATE],
      [await firstFile('_astro', /\.js$/), IMMUTABLE],
      [`${indexFolder}/${indexFile}`, IMMUTABLE],
    ]
    for (const [pathname, expected] of cases) {
      const response = await get(pathname)
      await response.body?.cancel()
      expect(response.status, pathname).toBe(200)
      expect(response.headers.get('Cache-Control'), pathname).toBe(expected)
    }
    // Revalidation costs a 304 without a body (what WeChat's webview does with no-cache).
    const first = await get('/')
    await first.body?.cancel()
    const etag = first.headers.get('ETag')
    expect(etag).toBeTruthy()
    const again = await get('/', { 'If-None-Match': etag! })
    expect(again.status).toBe(304)
  })

  it('compresses text with gzip and serves it byte for byte', async () => {
    const script = await firstFile('_astro', /\.js$/)
    for (const [pathname, file] of [
      ['/', 'index.html'],
      [script, script],
      [MANIFEST_PATH, MANIFEST_PATH],
      ['/rss.xml', 'rss.xml'],
    ] as const) {
      const response = await get(pathname, { 'Accept-Encoding': 'gzip' })
      expect(response.headers.get('Content-Encoding'), pathname).toBe('gzip')
      expect(response.headers.get('Vary'), pathname).toMatch(/Accept-Encoding/)
      // fetch decodes gzip itself; compare with the file to prove the body is the site's, whole.
      const body = Buffer.from(await response.arrayBuffer())
      expect(body.equals(await readFile(path.join(siteDir, file))), pathname).toBe(true)
    }
    // Raw check: what goes over the wire really is gzip (node:http does not decode).
    const { request } = await import('node:http')
    const raw = await new Promise<Buffer>((resolve, reject) => {
      request(`${nginx.url}/`, { headers: { 'Accept-Encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve(Buffer.concat(chunks)))
      })
        .on('error', reject)
        .end()
    })
    const html = await readFile(path.join(siteDir, 'index.html'))
    expect(raw.length).toBeLessThan(html.length / 2)
    expect(gunzipSync(raw).equals(html)).toBe(true)
  })

  // Brotli is optional (Debian's libnginx-mod-http-brotli-filter); the test runs where it is installed.
  it.skipIf(!brotliAvailable())('adds Brotli where the module is installed', async () => {
    const response = await get('/', { 'Accept-Encoding': 'br' })
    await response.body?.cancel()
    expect(response.headers.get('Content-Encoding')).toBe('br')
  })

  it('sends the right types for pages, feeds, the calendar, the feed stylesheet, scripts, index and images', async () => {
    const image = await firstFile('_img', /\.webp$/)
    const cases: Array<[string, RegExp]> = [
      ['/', /^text\/html; charset=utf-8$/],
      ['/events.ics', /^text\/calendar; charset=utf-8$/],
      ['/rss.xml', /^(application|text)\/xml; charset=utf-8$/],
      ['/sitemap-index.xml', /^(application|text)\/xml; charset=utf-8$/],
      ['/rss.xsl', /^text\/xsl; charset=utf-8$/],
      [MANIFEST_PATH, /^application\/json; charset=utf-8$/],
      [await firstFile('_astro', /\.js$/), /^(application|text)\/javascript; charset=utf-8$/],
      [image, /^image\/webp$/],
      ['/favicon.svg', /^image\/svg\+xml$/],
    ]
    for (const [pathname, type] of cases) {
      const response = await get(pathname)
      await response.body?.cancel()
      expect(response.status, pathname).toBe(200)
      expect(response.headers.get('Content-Type'), pathname).toMatch(type)
      expect(response.headers.get('X-Content-Type-Options'), pathname).toBe('nosniff')
    }
  })

  it('answers unknown paths with the site’s 404 page, lists no folder and hides build files', async () => {
    const notFound = await readFile(path.join(siteDir, '404.html'), 'utf8')
    for (const pathname of [
      '/no-such-page/',
      '/articles/no-such-article/',
      '/_astro/',
      '/_img/',
      '/_search/',
      '/_headers',
    ]) {
      const response = await get(pathname)
      expect(response.status, pathname).toBe(404)
      const body = await response.text()
      expect(body, pathname).toBe(notFound)
      expect(body, pathname).not.toMatch(/Index of/)
    }
  })

  it('serves /path/ from its index.html and redirects /path to /path/ on the same host and port', async () => {
    const page = await get('/articles/')
    expect(page.status).toBe(200)
    expect(await page.text()).toBe(await readFile(path.join(siteDir, 'articles/index.html'), 'utf8'))
    const redirect = await get('/articles')
    await redirect.body?.cancel()
    expect(redirect.status).toBe(301)
    expect(redirect.headers.get('Location')).toBe('/articles/')
  })
})
