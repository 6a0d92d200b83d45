import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse, type HTMLElement as ParsedElement } from 'node-html-parser'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, PHONE_VIEWPORT, serveStatic } from '../support/browser.ts'
import { buildSite, buildSiteOrThrow, makeOutputRoot } from '../support/buildSite.ts'
import { HOSTILE, HOSTILE_SLUG, PAYLOADS, writeHostileDataset } from '../support/hostileFixture.ts'
import { startSanityStandIn } from '../support/sanityStandIn.ts'
import { listFiles, pagePaths } from '../support/scanOutput.ts'
import { SITE_URL } from '../../site/lib/consts.ts'

// Content is data, never code: markup and script from any field are shown as text, unsafe URLs are dropped,
// and nothing from the dataset runs in a reader's browser.

const SAFE_URL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'xlink:href',
  'background',
  'cite',
  'data',
]
/** Elements that payloads inject and that no page of this site uses. */
const FOREIGN_ELEMENTS = [
  'iframe',
  'frame',
  'base',
  'object',
  'embed',
  'svg',
  'math',
  'applet',
  'form[action^="javascript"]',
]

const SITE_HOST = new URL(SITE_URL).hostname

let work: string
/** Build outputs, inside the repository (makeOutputRoot); datasets stay in `work`, named by absolute path. */
let outputs: string
let outDir: string
let pages: string[]
let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'hostile-'))
  outputs = await makeOutputRoot('hostile')
  outDir = path.join(outputs, 'out')
  await writeHostileDataset(path.join(work, 'dataset'))
  await buildSiteOrThrow({ outDir, env: { CONTENT_DATASET: path.join(work, 'dataset') } })
  pages = pagePaths(await listFiles(outDir))
  // No Content-Security-Policy here: the pages alone must keep content from running.
  server = await serveStatic(outDir)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (work) await rm(work, { recursive: true, force: true })
  if (outputs) await rm(outputs, { recursive: true, force: true })
})

/** Everything suspicious a static reading of one page finds. */
function staticProblems(html: string): string[] {
  const problems: string[] = []
  const root = parse(html, { comment: true, blockTextElements: { script: true, style: true } })
  for (const element of root.querySelectorAll('*') as ParsedElement[]) {
    const tag = element.tagName.toLowerCase()
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) problems.push(`<${tag} ${name}="${value}">`)
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && !isSafeUrl(value))
        problems.push(`<${tag} ${name}="${value}">`)
      if (
        name === 'srcset' &&
        value.split(',').some((candidate) => !isSafeUrl(candidate.trim().split(/\s+/)[0] ?? ''))
      ) {
        problems.push(`<${tag} srcset="${value}">`)
      }
    }
    if (tag === 'script') {
      const type = element.getAttribute('type')
      if (type === 'application/ld+json') {
        try {
          JSON.parse(element.textContent)
        } catch {
          problems.push(`JSON-LD that does not parse: ${element.textContent.slice(0, 80)}`)
        }
      } else if (element.textContent.includes('alert(')) {
        problems.push(`<script> with content: ${element.textContent.slice(0, 80)}`)
      }
    }
    if (tag === 'style' && /alert\(|@import|<\/?script/i.test(element.textContent))
      problems.push(`<style>${element.textContent.slice(0, 80)}`)
  }
  for (const selector of FOREIGN_ELEMENTS) {
    for (const element of root.querySelectorAll(selector))
      problems.push(`injected <${element.tagName.toLowerCase()}>`)
  }
  if (root.querySelectorAll('img[src="x"]').length > 0) problems.push('injected <img src=x>')
  return problems
}

function isSafeUrl(value: string): boolean {
  const url = (() => {
    try {
      return new URL(value, 'http://127.0.0.1/page/')
    } catch {
      return undefined
    }
  })()
  return (
    url !== undefined &&
    SAFE_URL_PROTOCOLS.has(url.protocol) &&
    (url.host === '127.0.0.1' || !value.trim().startsWith('//'))
  )
}

/** Loads a page the way a reader would (phone, scrolled, hovered and focused) and reports what content did. */
async function visit(page: Page, url: string) {
  const dialogs: string[] = []
  const foreign: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  // Nothing leaves the machine; requests to any host but the test server are recorded. The site's own production
  // host counts as the site (the e-mail edition links and loads images by absolute URL).
  await page.route('**/*', (route) => {
    const { protocol, hostname } = new URL(route.request().url())
    if (protocol === 'data:' || hostname === '127.0.0.1') return route.continue()
    if (hostname !== SITE_HOST) foreign.push(route.request().url())
    return route.abort()
  })
  const response = await page.goto(url, { waitUntil: 'load' })
  // Give hover and focus handlers a chance: move over and tab through everything.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('*')) {
      element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
      if (element instanceof HTMLElement) element.focus()
    }
  })
  await page.mouse.move(10, 10)
  await page.mouse.move(200, 400)
  await page.keyboard.press('Tab')
  const dom = await page.evaluate(
    ({ foreignElements, urlAttributes, safe }) => {
      const problems: string[] = []
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name)) problems.push(`<${element.localName} ${attribute.name}>`)
          if (urlAttributes.includes(attribute.name)) {
            let protocol = ''
            try {
              protocol = new URL(attribute.value, location.href).protocol
            } catch {
              protocol = 'invalid'
            }
            if (!safe.includes(protocol))
              problems.push(`<${element.localName} ${attribute.name}="${attribute.value}">`)
          }
        }
      }
      for (const selector of foreignElements) {
        for (const element of document.querySelectorAll(selector)) problems.push(`<${element.localName}>`)
      }
      if (document.querySelector('img[src="x"]')) problems.push('<img src=x>')
      if (document.baseURI !== location.href.split('#')[0])
        problems.push(`base URI changed to ${document.baseURI}`)
      for (const script of document.querySelectorAll('script:not([type="application/ld+json"])')) {
        if (script.textContent?.includes('alert('))
          problems.push(`<script>${script.textContent.slice(0, 60)}`)
      }
      return problems
    },
    { foreignElements: FOREIGN_ELEMENTS, urlAttributes: URL_ATTRIBUTES, safe: [...SAFE_URL_PROTOCOLS] },
  )
  return { status: response?.status(), dialogs, foreign, dom }
}

describe('the checks below', () => {
  it('do catch script, injected elements and foreign requests on a page that lets them through', async () => {
    const raw =
      `<!doctype html><html><head><title>t</title></head><body><h1>${Object.values(PAYLOADS).join('')}</h1>` +
      `<a href="javascript:alert(1)">x</a><p title="${PAYLOADS.doubleQuote}">y</p></body></html>`
    expect(staticProblems(raw).length).toBeGreaterThan(5)
    const root = path.join(work, 'control')
    await mkdir(root, { recursive: true })
    await writeFile(path.join(root, 'index.html'), raw)
    const control = await serveStatic(root)
    const page = await browser.newPage()
    try {
      const result = await visit(page, `${control.url}/`)
      expect(result.dialogs.length).toBeGreaterThan(0)
      expect(result.foreign.some((url) => url.includes('evil.example'))).toBe(true)
      expect(result.dom.length).toBeGreaterThan(3)
    } finally {
      await page.close()
      await control.close()
    }
  })
})

describe('a site built from content full of markup and script', () => {
  it('builds a page for every document', () => {
    for (const page of [
      '/articles/article-a/',
      '/alumni/profile-a/',
      '/giving/projects/project-a/',
      '/giving/stories/story-a/',
      '/reports/report-a/',
      '/events/event-0/',
      '/events/event-markup-url/',
      '/newsletter/issue-a/',
      '/chapters/chapter-a/',
      '/colleges/college-a/',
    ]) {
      expect(pages).toContain(page)
    }
  })

  it('writes no element, event handler or script URL from content into any HTML file', async () => {
    const problems: string[] = []
    for (const page of pages) {
      const file = page.endsWith('/') ? `${page}index.html` : page
      for (const problem of staticProblems(await readFile(path.join(outDir, file), 'utf8')))
        problems.push(`${page}: ${problem}`)
    }
    expect(problems).toEqual([])
  })

  it('writes no markup from content unescaped into a feed', async () => {
    const feeds = (await listFiles(outDir)).filter((file) => file.endsWith('.xml'))
    expect(feeds.length).toBeGreaterThan(3)
    for (const feed of feeds) {
      const xml = await readFile(path.join(outDir, feed), 'utf8')
      // Raw markup could only come through CDATA or missing escaping; feed readers would render it as HTML.
      expect(xml, feed).not.toContain(PAYLOADS.script)
      expect(xml, feed).not.toContain(PAYLOADS.img)
      expect(xml, feed).not.toMatch(/<(a|link)\b[^>]*href="\s*(javascript|data|vbscript):/i)
      expect(xml, feed).not.toMatch(/<!\[CDATA\[[^]*?<script/i)
    }
  })

  it('shows editors\u2019 markup as text, and keeps it intact in structured data', async () => {
    const page = await browser.newPage({ viewport: PHONE_VIEWPORT })
    try {
      await page.goto(`${server.url}/articles/article-a/`)
      expect(await page.locator('h1').first().textContent()).toBe(`标题${HOSTILE}`)
      expect(await page.locator('.prose').first().textContent()).toContain(`文章正文${HOSTILE}`)
      const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents()
      expect(jsonLd.length).toBeGreaterThan(0)
      expect(jsonLd.map((text) => JSON.parse(text).headline)).toContain(`标题${HOSTILE}`)
      // Unsafe links are dropped to their text; the https link with markup in its path stays, percent-encoded.
      const hrefs = await page
        .locator('.prose a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
      expect(hrefs).toContain('https://example.org/a%22%3E%3Cscript%3Ealert(%22in-url%22)%3C/script%3E')
      expect(await page.locator('.prose').first().textContent()).toContain(`链接0${HOSTILE}`)
    } finally {
      await page.close()
    }
  })

  it('runs no script, injects no element and requests no foreign host on any page, in Chromium', async () => {
    expect(pages.length).toBeGreaterThan(15)
    const failures: string[] = []
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT })
    try {
      for (const pathname of pages) {
        const page = await context.newPage()
        const result = await visit(page, `${server.url}${pathname}`)
        await page.close()
        if (result.dialogs.length > 0) failures.push(`${pathname}: dialog ${result.dialogs.join(', ')}`)
        if (result.foreign.length > 0) failures.push(`${pathname}: requested ${result.foreign.join(', ')}`)
        if (result.dom.length > 0) failures.push(`${pathname}: ${result.dom.join(', ')}`)
      }
    } finally {
      await context.close()
    }
    expect(failures).toEqual([])
  })

  it('runs no script from search results built from hostile pages', async (context) => {
    if (!pages.includes('/search/') || !(await listFiles(outDir)).some((file) => file.startsWith('_search/')))
      context.skip()
    const page = await browser.newPage({ viewport: PHONE_VIEWPORT })
    try {
      const query = encodeURIComponent('恶意')
      const result = await visit(page, `${server.url}/search/?q=${query}`)
      await page.locator('#search-results li').first().waitFor({ timeout: 20_000 })
      const again = await page.evaluate(
        () =>
          document.querySelectorAll(
            '#search-results img, #search-results script, #search-results [onerror], #search-results svg',
          ).length,
      )
      expect(result.dialogs).toEqual([])
      expect(result.foreign).toEqual([])
      expect(again).toBe(0)
      expect(await page.locator('#search-results').textContent()).toContain('恶意')
    } finally {
      await page.close()
    }
  })
})

describe('a slug carrying markup', () => {
  let dataset: string
  beforeAll(async () => {
    dataset = path.join(work, 'slug-dataset')
    await writeHostileDataset(dataset, { hostileSlug: true })
  })

  it('fails a build from a dataset, naming the line, document and field', async () => {
    const result = await buildSite({
      outDir: path.join(outputs, 'slug-out'),
      env: { CONTENT_DATASET: dataset },
    })
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain(
      `[content] error: ${path.join(dataset, 'data.ndjson')} line 14, document "article-hostile-slug" (article): slug.current: slug ${JSON.stringify(HOSTILE_SLUG)} cannot be a permalink`,
    )
  })

  it('fails a build from Sanity, naming the document and field', async () => {
    const standIn = await startSanityStandIn({ datasetPath: dataset })
    try {
      const result = await buildSite({ outDir: path.join(outputs, 'slug-sanity-out'), env: standIn.env() })
      expect(result.code).not.toBe(0)
      // The content contract checks every document from the Content Lake before the first page query.
      expect(result.stderr).toContain(
        `document "article-hostile-slug" (article): slug.current: slug ${JSON.stringify(HOSTILE_SLUG)} cannot be a permalink`,
      )
    } finally {
      await standIn.close()
    }
  })
})
