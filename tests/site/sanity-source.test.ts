import { existsSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite, buildSiteOrThrow, makeOutputRoot, type BuildResult } from '../support/buildSite.ts'
import { OFFSET_DATED, PLANTED, writePrivacyDataset } from '../support/privacyFixture.ts'
import { startSanityStandIn, type SanityStandIn } from '../support/sanityStandIn.ts'
import { findValues, listFiles, pagePaths, readOutput, type OutputFile } from '../support/scanOutput.ts'

// The Sanity content source, built against a local stand-in for the query API (tests/support/sanityStandIn.ts).

const TOKEN = 'skPLANTEDreadTOKENqx7a1b2c3d4e5f6'
/** Fast retries and timeouts, so fault tests take seconds. */
const FAST = { SANITY_RETRY_BASE_MS: '10', SANITY_TIMEOUT_MS: '400' }
const SITE_URL = 'https://alumni.example.edu.cn'

let work: string
let datasetDir: string
let standIn: SanityStandIn
let localOut: string
let sanityOut: string
let sanityFiles: OutputFile[]
let imageMirror: { url: string; requests: string[]; server: Server }
let env: (extra?: Record<string, string>) => Record<string, string>

/**
 * The stand-in's assets live at https://cdn.sanity.io/…; builds download them through SANITY_ASSET_MIRROR from this
 * local server instead (a domestic mirror, as a university may run), so no test reaches the internet.
 */
async function startImageMirror(imagesDir: string): Promise<typeof imageMirror> {
  const requests: string[] = []
  const server = createServer(async (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    requests.push(pathname)
    const bytes = await readFile(path.join(imagesDir, path.basename(pathname))).catch(() => undefined)
    if (!bytes) return void response.writeHead(404).end()
    response
      .writeHead(200, { 'Content-Type': pathname.endsWith('.png') ? 'image/png' : 'image/jpeg' })
      .end(bytes)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server }
}

beforeAll(async () => {
  work = await makeOutputRoot('sanity-source')
  datasetDir = path.join(work, 'dataset')
  localOut = path.join(work, 'local')
  sanityOut = path.join(work, 'sanity')
  await writePrivacyDataset(datasetDir)
  standIn = await startSanityStandIn({ datasetPath: datasetDir, dataset: 'privacy', token: TOKEN })
  imageMirror = await startImageMirror(path.join(datasetDir, 'images'))
  const images = {
    SANITY_ASSET_MIRROR: imageMirror.url,
    IMAGE_CACHE_DIR: path.join(work, 'image-cache'),
    SITE_URL,
  }
  env = (extra = {}) => standIn.env({ ...FAST, ...images, ...extra })
  await buildSiteOrThrow({ outDir: localOut, env: { CONTENT_DATASET: datasetDir, SITE_URL } })
  await buildSiteOrThrow({ outDir: sanityOut, env: env() })
  sanityFiles = await readOutput(sanityOut)
})

afterAll(async () => {
  await standIn?.close()
  imageMirror?.server.closeAllConnections()
  await new Promise((resolve) => imageMirror?.server.close(resolve))
  if (work) await rm(work, { recursive: true, force: true })
})

/** The readable text of a page's <main>: what a reader gets, whatever the image URLs. */
async function mainText(root: string, page: string): Promise<string> {
  const html = await readFile(path.join(root, page), 'utf8')
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? ''
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const report = (result: BuildResult) => `${result.stderr}\n${result.stdout}`

describe('a build from Sanity', () => {
  it('sends the read token to Sanity in the Authorization header of every query', () => {
    const queries = standIn.requests.filter((request) => request.query)
    expect(queries.length).toBeGreaterThan(5)
    for (const request of queries) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(queries.every((request) => request.perspective === 'published')).toBe(true)
  })

  it('never writes the read token or a planted private value into any file of the output', () => {
    expect(findValues(sanityFiles, ['公开的正文。']).length).toBeGreaterThan(0)
    const hits = findValues(sanityFiles, [TOKEN, ...Object.values(PLANTED)])
    expect(hits, hits.map((hit) => `${hit.value} in ${hit.file}: …${hit.context}…`).join('\n')).toEqual([])
  })

  it('builds the same public pages as the local dataset, with the same text', async () => {
    const local = pagePaths(await listFiles(localOut))
    expect(pagePaths(sanityFiles)).toEqual(local)
    expect(local).toContain('/articles/public-article/')
    for (const page of [
      'articles/public-article/index.html',
      'alumni/public-alumnus/index.html',
      'newsletter/issue-test/index.html',
    ]) {
      const text = await mainText(sanityOut, page)
      expect(text.length).toBeGreaterThan(20)
      expect(text, page).toBe(await mainText(localOut, page))
    }
  })

  it('reads date-times with a UTC offset as the instants they name, as the local build does', async () => {
    const east = OFFSET_DATED.articles.find((article) => article.publishedAt.endsWith('+08:00'))!
    const page = sanityFiles.find((file) => file.path === `articles/${east.slug}/index.html`)
    // 10:00 at +08:00 is 02:00 UTC: published before the 04:00 UTC build clock, and written in UTC.
    expect(page?.text).toContain('datetime="2026-11-21T02:00:00.000Z"')
    for (const list of ['articles/index.html', 'events/index.html', 'giving/honour-roll/2026/index.html'])
      expect(await mainText(sanityOut, list), list).toBe(await mainText(localOut, list))
  })

  it('serves every image variant from its own origin, cropped and resized from the downloaded original', async () => {
    const article = sanityFiles.find((file) => file.path === 'articles/public-article/index.html')!.text
    const sources = [...article.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"[^>]*?\ssrcset="([^"]+)"/g)]
    expect(sources.length).toBeGreaterThan(0)
    const urls = sources.flatMap(([, src, srcset]) => [
      src!,
      ...srcset!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!),
    ])
    for (const url of urls) {
      expect(url).toMatch(/^\/_img\/[0-9a-f]{12}(-[0-9a-f]{6})?-\d+x\d+\.(webp|jpg)$/)
      expect(existsSync(path.join(sanityOut, url)), url).toBe(true)
    }
    // The same asset resolves to the same variant names as a build from the local dataset.
    const localArticle = await readFile(path.join(localOut, 'articles/public-article/index.html'), 'utf8')
    for (const url of urls) expect(localArticle).toContain(url)
  })

  it('downloads each original once, through the mirror setting, and nothing on a rebuild (cached by asset id)', async () => {
    expect(imageMirror.requests.length).toBeGreaterThan(0)
    expect(new Set(imageMirror.requests).size).toBe(imageMirror.requests.length)
    for (const request of imageMirror.requests)
      expect(request).toMatch(/^\/images\/test\/privacy\/[0-9a-f]{40}-\d+x\d+\.(jpg|png)$/)
    expect((await readdir(path.join(work, 'image-cache/originals'))).sort()).toEqual(
      imageMirror.requests
        .map((request) => /([0-9a-f]{40})-(\d+x\d+)\.(\w+)$/.exec(request)!.slice(1).join('-'))
        .map((id) => `image-${id}`)
        .sort(),
    )
    const before = imageMirror.requests.length
    await buildSiteOrThrow({ outDir: path.join(work, 'rebuild'), env: env() })
    expect(imageMirror.requests.length).toBe(before)
  })

  it('names no other host in any page, feed, edition, srcset or sitemap, except links the editors wrote', async () => {
    const hosts = ['cdn.sanity.io', new URL(imageMirror.url).host, new URL(standIn.url).host]
    const hits = findValues(sanityFiles, hosts)
    expect(hits, hits.map((hit) => `${hit.value} in ${hit.file}: …${hit.context}…`).join('\n')).toEqual([])
    const written = new Set(
      (await readFile(path.join(datasetDir, 'data.ndjson'), 'utf8')).match(/https?:\/\/[^\s"'<>\\]+/g) ?? [],
    )
    // Namespaces and vocabularies are names, not places a reader's browser goes.
    const names =
      /^https?:\/\/(www\.w3\.org|www\.sitemaps\.org|schema\.org|purl\.org|www\.google\.com\/schemas|backend\.userland\.com)(\/|$)/
    const foreign: string[] = []
    for (const file of sanityFiles) {
      if (!/\.(html|xml|xsl|ics|json|txt)$/.test(file.path)) continue
      // iCalendar folds lines longer than 75 octets, URLs included (RFC 5545 3.1): read them unfolded.
      const text = file.path.endsWith('.ics') ? file.text.replace(/\r\n[ \t]/g, '') : file.text
      for (const [url] of text.matchAll(/https?:\/\/[^\s"'<>)\\]+/g)) {
        const clean = url.replace(/&amp;/g, '&').replace(/[.,;]+$/, '')
        if (clean.startsWith(`${SITE_URL}/`) || clean === SITE_URL || names.test(clean) || written.has(clean))
          continue
        foreign.push(`${clean} in ${file.path}`)
      }
    }
    expect(foreign).toEqual([])
    expect(
      sanityFiles.some(
        (file) =>
          /^newsletter\/[^/]+\/edition\.html$/.test(file.path) && file.text.includes(`${SITE_URL}/_img/`),
      ),
    ).toBe(true)
  })
})

describe('when Sanity misbehaves', () => {
  it('retries two 503 answers and then builds the site', async () => {
    standIn.requests.length = 0
    standIn.failNext({ kind: 'status', status: 503 }, 2)
    const outDir = path.join(work, 'retry')
    const result = await buildSite({ outDir, env: env() })
    expect(result.code, report(result)).toBe(0)
    expect(standIn.requests.filter((request) => request.status === 503)).toHaveLength(2)
    expect(existsSync(path.join(outDir, 'articles/public-article/index.html'))).toBe(true)
  })

  it('fails with a non-zero exit naming the query when Sanity keeps answering 500, and leaves the previous output as it was', async () => {
    const before = await readOutput(sanityOut)
    standIn.failAlways({ kind: 'status', status: 500 })
    try {
      const result = await buildSite({ outDir: sanityOut, clean: false, env: env() })
      expect(result.code).not.toBe(0)
      expect(result.stderr).toMatch(/Sanity query failed after \d+ attempt\(s\) \(HTTP 500\)/)
      // The first query is the content contract's (every content document), then the page queries.
      expect(result.stderr).toMatch(/query: \*\[_type (== "\w+"|in \$types)/)
      expect(report(result)).not.toContain(TOKEN)
    } finally {
      standIn.recover()
    }
    const after = await readOutput(sanityOut)
    expect(after).toEqual(before)
    expect(existsSync(`${sanityOut}.staging`)).toBe(false)
    expect(existsSync(`${sanityOut}.previous`)).toBe(false)
  })

  it('tells the editor to check SANITY_API_READ_TOKEN when Sanity answers 403', async () => {
    standIn.failAlways({ kind: 'status', status: 403 })
    try {
      const result = await buildSite({ outDir: path.join(work, 'unauthorized'), env: env() })
      expect(result.code).not.toBe(0)
      expect(result.stderr).toContain('Sanity refused the query (HTTP 403). Check SANITY_API_READ_TOKEN')
      expect(report(result)).not.toContain(TOKEN)
    } finally {
      standIn.recover()
    }
  })

  it('names SANITY_API_READ_TOKEN when the token is wrong (401), without printing either token', async () => {
    const wrong = 'skWRONGtokenQX7zz'
    const result = await buildSite({
      outDir: path.join(work, 'forbidden'),
      env: env({ SANITY_API_READ_TOKEN: wrong }),
    })
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('Sanity refused the query (HTTP 401). Check SANITY_API_READ_TOKEN')
    expect(report(result)).not.toContain(wrong)
    expect(report(result)).not.toContain(TOKEN)
  })

  it('gives up after retrying when Sanity never answers, naming the query', async () => {
    standIn.failAlways({ kind: 'hang' })
    try {
      const result = await buildSite({ outDir: path.join(work, 'timeout'), env: env() })
      expect(result.code).not.toBe(0)
      expect(result.stderr).toMatch(/Sanity query failed after \d+ attempt\(s\)/)
      expect(result.stderr).toMatch(/timeout/i)
      expect(result.stderr).toContain('query: *[')
    } finally {
      standIn.recover()
    }
  })
})
