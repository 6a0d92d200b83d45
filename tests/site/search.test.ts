import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, PHONE_VIEWPORT, serveStatic } from '../support/browser.ts'
import { MANIFEST_PATH, type SearchDocument, type SearchManifest } from '../../site/lib/search/indexFormat.ts'
import { PLANTED } from '../support/privacyFixture.ts'
import { startNginx } from '../../scripts/deploy/nginx.ts'
import type { GoldenQueries } from '../../scripts/sample-dataset/lib/golden.ts'

// Chinese search on the built sample site, in Chromium, through the search page a reader uses.

// Generated with the dataset from its one source, scripts/sample-dataset/content/search-golden.ts
// (`npm run dataset:sample`; tests/content/sample-dataset.test.ts fails when this copy is stale).
const golden = JSON.parse(
  await readFile(new URL('./search-golden.json', import.meta.url), 'utf8'),
) as GoldenQueries
const QUERIES = golden.queries
const ABSENT = golden.absent

const siteDir = inject('sampleSiteDir')
let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  server = await serveStatic(siteDir)
  page = await browser.newPage({ viewport: PHONE_VIEWPORT })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

interface SearchOutcome {
  /** Result permalinks in the order shown, after loading every page of results. */
  urls: string[]
  status: string
}

/** Types the query into the search box, submits, and reads every result (pressing 显示更多 until it disappears). */
async function searchFor(query: string, on: Page = page): Promise<SearchOutcome> {
  const input = on.locator('#search-q')
  await input.fill(query)
  await input.press('Enter')
  await on.waitForFunction(
    (text) => document.querySelector('#search-status')?.textContent?.includes(`“${text}”`),
    query,
  )
  return readResults(on)
}

async function readResults(on: Page): Promise<SearchOutcome> {
  const more = on.locator('#search-more')
  while (await more.isVisible()) {
    const shown = await on.locator('#search-results > li').count()
    await more.click()
    await on.waitForFunction(
      (count) => document.querySelectorAll('#search-results > li').length > count,
      shown,
    )
  }
  const urls = await on.$$eval('#search-results > li h2 a', (links) =>
    links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
  )
  return { urls, status: (await on.locator('#search-status').textContent()) ?? '' }
}

function shownCount(status: string): number {
  return Number(/(\d+) 条/.exec(status)?.[1] ?? 0)
}

describe('the golden list', () => {
  it('names pages that exist in the build, and every kind of query', async () => {
    for (const query of QUERIES) {
      for (const url of Object.values(query.mustFind)) {
        const built = await readFile(path.join(siteDir, url, 'index.html'), 'utf8').catch(() => '')
        expect(built, `${query.query} → ${url}`).toContain('data-search-body')
      }
    }
    expect(QUERIES.length).toBeGreaterThanOrEqual(30)
    expect(new Set(QUERIES.map((query) => query.kind))).toEqual(
      new Set(['name', 'place', 'two-character', 'compound', 'mixed']),
    )
  })

  it('finds every document of every golden query, with the expected one in the first five', async () => {
    await page.goto(`${server.url}/search/`)
    const problems: string[] = []
    for (const query of QUERIES) {
      const { urls, status } = await searchFor(query.query)
      const wanted = Object.values(query.mustFind)
      const missing = wanted.filter((url) => !urls.includes(url))
      if (missing.length > 0) problems.push(`${query.query}: missing ${missing.join(', ')}`)
      const firstFive = urls.slice(0, 5)
      if (query.top ? !firstFive.includes(query.top) : !firstFive.every((url) => wanted.includes(url))) {
        problems.push(
          `${query.query}: expected ${query.top ?? 'only must-find documents'} in the first five, got ${firstFive.join(', ')}`,
        )
      }
      const forbidden = Object.values(query.mustNotFind ?? {}).filter((url) => url && urls.includes(url))
      if (forbidden.length > 0) problems.push(`${query.query}: found private ${forbidden.join(', ')}`)
      if (shownCount(status) !== urls.length)
        problems.push(`${query.query}: status "${status}" but ${urls.length} results listed`)
    }
    expect(problems).toEqual([])
  })

  it('finds nothing for names and text that are never published', async () => {
    await page.goto(`${server.url}/search/`)
    for (const { query } of ABSENT) {
      const { urls, status } = await searchFor(query)
      expect(urls, query).toEqual([])
      expect(status, query).toContain('没有找到')
    }
  })
})

describe('the search page', () => {
  it('runs the query from the address, highlights the match and keeps ?q= in the address', async () => {
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('张伟')}`)
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('找到'))
    const { urls, status } = await readResults(page)
    expect(status).toMatch(/^找到 \d+ 条与“张伟”相关的结果$/)
    expect(urls).toEqual(expect.arrayContaining(Object.values(QUERIES[0]!.mustFind)))
    expect(urls[0]).toBe(QUERIES[0]!.top)
    expect(await page.inputValue('#search-q')).toBe('张伟')
    // One mark around the whole name, not one per character; no zero-width spaces left in what readers see.
    const marks = await page.$$eval('#search-results mark', (elements) =>
      elements.map((mark) => mark.textContent),
    )
    expect(marks.length).toBeGreaterThan(0)
    expect(new Set(marks)).toEqual(new Set(['张伟']))
    const text = (await page.locator('#search-results').textContent()) ?? ''
    expect(text).not.toMatch(/\u200b/)
    const first = page.locator('#search-results > li').first()
    expect(await first.locator('h2 a').textContent()).toContain('张伟')
    expect(await first.locator('.meta').textContent()).toMatch(/^校友风采 · \d{4}年\d{1,2}月\d{1,2}日$/)

    await searchFor('深圳校友会')
    expect(new URL(page.url()).searchParams.get('q')).toBe('深圳校友会')
  })

  it('filters by type and by college, and keeps the filters in the address', async () => {
    await page.goto(`${server.url}/search/`)
    const all = await searchFor('深圳')
    const types = await page.$$eval('select[name="type"] option', (options) =>
      options.map((option) => (option as HTMLOptionElement).value),
    )
    expect(types).toEqual(
      expect.arrayContaining([
        '',
        '新闻',
        '校友风采',
        '捐赠',
        '校友会活动',
        '活动',
        '校友通讯',
        '学院',
        '校友会',
      ]),
    )

    await page.selectOption('select[name="type"]', '校友会')
    await page.waitForFunction(() =>
      document.querySelector('#search-status')?.textContent?.includes('筛选：校友会'),
    )
    const chapters = await readResults(page)
    expect(chapters.urls.length).toBeGreaterThan(0)
    expect(chapters.urls.length).toBeLessThan(all.urls.length)
    expect(chapters.urls.every((url) => url.startsWith('/chapters/'))).toBe(true)
    expect(chapters.urls).toContain(QUERIES.find((query) => query.query === '深圳')!.top)
    expect(new URL(page.url()).searchParams.get('type')).toBe('校友会')

    // A shared address brings the same filtered search back.
    const shared = page.url()
    const other = await browser.newPage({ viewport: PHONE_VIEWPORT })
    await other.goto(shared)
    await other.waitForFunction(() =>
      document.querySelector('#search-status')?.textContent?.includes('筛选：校友会'),
    )
    expect((await readResults(other)).urls).toEqual(chapters.urls)
    expect(await other.inputValue('select[name="type"]')).toBe('校友会')
    await other.close()

    await page.selectOption('select[name="type"]', '')
    await page.selectOption('select[name="college"]', '建筑学院')
    await page.waitForFunction(() =>
      document.querySelector('#search-status')?.textContent?.includes('筛选：建筑学院'),
    )
    const architecture = await readResults(page)
    expect(architecture.urls.length).toBeGreaterThan(0)
    expect(architecture.urls.length).toBeLessThan(all.urls.length)
    expect(architecture.urls).toContain(QUERIES.find((query) => query.query === '建筑学院')!.top)
    expect(new URL(page.url()).searchParams.get('college')).toBe('建筑学院')
  })

  it('falls back to pages containing each word when nothing contains the query as typed', async () => {
    await page.goto(`${server.url}/search/`)
    const { urls, status } = await searchFor('深圳的校友会')
    expect(status).toContain('没有完全符合')
    expect(urls).toEqual(
      expect.arrayContaining(Object.values(QUERIES.find((query) => query.query === '深圳校友会')!.mustFind)),
    )
  })

  it('says so when nothing is found', async () => {
    await page.goto(`${server.url}/search/`)
    const { urls, status } = await searchFor('量子引力')
    expect(urls).toEqual([])
    expect(status).toBe('没有找到与“量子引力”相关的内容。可以换个说法，或减少筛选条件。')
  })

  it('fetches nothing for search until a search is about to run, and only on the search page', async () => {
    const fresh = await browser.newPage({ viewport: PHONE_VIEWPORT })
    const requested: string[] = []
    fresh.on('request', (request) => requested.push(new URL(request.url()).pathname))
    await fresh.goto(`${server.url}/search/`, { waitUntil: 'networkidle' })
    expect(requested.filter((url) => url.startsWith('/_search/'))).toEqual([])
    await Promise.all([
      fresh.waitForRequest((request) => request.url().endsWith('/_search/manifest.json')),
      fresh.focus('#search-q'),
    ])
    await fresh.close()

    const loading: string[] = []
    for (const file of await htmlFiles()) {
      const html = await readFile(path.join(siteDir, file), 'utf8')
      const scripts = await Promise.all(
        scriptSources(html).map((src) => readFile(path.join(siteDir, src), 'utf8')),
      )
      if ([html, ...scripts].some((text) => text.includes('/_search/'))) loading.push(file)
    }
    expect(loading).toEqual([path.join('search', 'index.html')])
  })

  it('is one small script of its own, without WebAssembly, and a search fetches only what it needs', async () => {
    const html = await readFile(path.join(siteDir, 'search/index.html'), 'utf8')
    const scripts = await Promise.all(scriptSources(html).map((src) => readFile(path.join(siteDir, src))))
    const search = scripts.filter((script) => script.includes('/_search/'))
    expect(search).toHaveLength(1)
    expect(gzipSync(search[0]!).byteLength).toBeLessThan(4 * 1024)
    expect((await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('.wasm'))).toEqual([])

    const fresh = await browser.newPage({ viewport: PHONE_VIEWPORT })
    const fetched: string[] = []
    fresh.on('request', (request) => fetched.push(new URL(request.url()).pathname))
    await fresh.goto(`${server.url}/search/?q=${encodeURIComponent('张伟')}`)
    await fresh.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('找到'))
    await fresh.waitForLoadState('networkidle')
    const index = fetched.filter((url) => url.startsWith('/_search/'))
    // The manifest, the one bucket holding 张伟, and the documents of the first page of results.
    expect(index.filter((url) => url.endsWith('/manifest.json'))).toHaveLength(1)
    expect(index.filter((url) => url.endsWith('.bin'))).toHaveLength(1)
    const shown = await fresh.locator('#search-results > li').count()
    expect(index.filter((url) => url.endsWith('.json') && !url.endsWith('/manifest.json'))).toHaveLength(
      shown,
    )
    await fresh.close()
  })

  it('works at 390 px without sideways scrolling, with labelled controls and a live result count', async () => {
    await page.goto(`${server.url}/search/`)
    await searchFor('计算机与人工智能学院')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE_VIEWPORT.width,
    )
    for (const control of ['#search-q', 'select[name="type"]', 'select[name="college"]']) {
      expect(
        await page
          .locator(control)
          .evaluate((element) => (element as HTMLInputElement).labels?.[0]?.textContent?.trim()),
      ).toBeTruthy()
    }
    expect(await page.getAttribute('#search-status', 'aria-live')).toBe('polite')
    expect(await page.getAttribute('#search-form', 'role')).toBe('search')
  })

  it('submits as a plain GET form when scripts are off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE_VIEWPORT })
    const noScript = await context.newPage()
    await noScript.goto(`${server.url}/search/`)
    await noScript.fill('#search-q', '深圳')
    await Promise.all([noScript.waitForURL(/\/search\/\?q=/), noScript.press('#search-q', 'Enter')])
    expect(new URL(noScript.url()).searchParams.get('q')).toBe('深圳')
    expect(await noScript.locator('noscript').count()).toBe(1)
    await context.close()
  })
})

describe('through nginx with the shipped configuration', () => {
  it('finds a golden query’s documents, the expected one first (gzip, caching and types as in production)', async () => {
    const nginx = await startNginx({ root: siteDir })
    const onNginx = await browser.newPage({ viewport: PHONE_VIEWPORT })
    try {
      const query = QUERIES[0]!
      await onNginx.goto(`${nginx.url}/search/`)
      const { urls } = await searchFor(query.query, onNginx)
      expect(urls).toEqual(expect.arrayContaining(Object.values(query.mustFind)))
      expect(urls[0]).toBe(query.top)
    } finally {
      await onNginx.close()
      await nginx.close()
    }
  })
})

describe('the index', () => {
  it('holds every page with main content and no list or home page', async () => {
    const withBody: string[] = []
    for (const file of await htmlFiles()) {
      if ((await readFile(path.join(siteDir, file), 'utf8')).includes('data-search-body'))
        withBody.push(`/${file.replace(/index\.html$/, '')}`)
    }
    const { manifest, documents } = await readIndex()
    expect(documents.map((document) => document.url).sort()).toEqual(withBody.sort())
    expect(manifest.documents).toBe(withBody.length)
    for (const listPage of ['/', '/articles/', '/alumni/', '/search/', '/giving/', '/events/'])
      expect(withBody).not.toContain(listPage)
  })

  it('keeps titles, types and filter values as readers see them, and chrome out of the indexed text', async () => {
    const { manifest, documents } = await readIndex()
    expect(manifest.filters.type!.map(([value]) => value)).toContain('校友风采')
    expect(manifest.filters.college!.map(([value]) => value)).toContain('建筑学院')
    for (const document of documents) {
      expect(document.title, document.url).toBeTruthy()
      expect(document.meta.type, document.url).toBeTruthy()
      expect(document.text, document.url).toContain(document.title)
      expect(document.text, document.url).not.toMatch(/跳到正文|站内搜索|阅读约|RSS 订阅|\u200b/)
    }
    // Chinese punctuation stays as written (only comparisons are normalized).
    expect(documents.some((document) => /[，。：]/.test(document.text))).toBe(true)
  })
})

describe('private data', () => {
  // The privacy fixture's production build, made once by the global setup (tests/support/buildSharedSites.ts).
  const { siteDir: outDir } = inject('privacySite')
  let privacyServer: Awaited<ReturnType<typeof serveStatic>>

  beforeAll(async () => {
    privacyServer = await serveStatic(outDir)
  })

  afterAll(async () => {
    await privacyServer?.close()
  })

  it('cannot be found: every planted value finds nothing, while public pages of the same build can be found', async () => {
    const searchPage = await browser.newPage({ viewport: PHONE_VIEWPORT })
    await searchPage.goto(`${privacyServer.url}/search/`)
    const found: string[] = []
    for (const value of Object.values(PLANTED)) {
      const { urls } = await searchFor(value, searchPage)
      if (urls.length > 0) found.push(`${value} → ${urls.join(', ')}`)
    }
    expect(found).toEqual([])
    expect((await searchFor('公开文章', searchPage)).urls).toContain('/articles/public-article/')
    await searchPage.close()
  })
})

async function htmlFiles(): Promise<string[]> {
  return (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('.html'))
}

/** Site-relative paths of a page's script files. */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\ssrc="(\/[^"]+)"/g)].map((match) => match[1]!)
}

async function readIndex(): Promise<{ manifest: SearchManifest; documents: SearchDocument[] }> {
  const manifest = JSON.parse(await readFile(path.join(siteDir, MANIFEST_PATH), 'utf8')) as SearchManifest
  const directory = path.join(siteDir, manifest.base, 'd')
  const files = await readdir(directory)
  const documents = await Promise.all(
    files.map(
      async (file) => JSON.parse(await readFile(path.join(directory, file), 'utf8')) as SearchDocument,
    ),
  )
  return { manifest, documents }
}
