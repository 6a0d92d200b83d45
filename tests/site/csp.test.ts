import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, PHONE_VIEWPORT, serveStatic } from '../support/browser.ts'
import { parseHeadersFile } from '../support/headersFile.ts'
import { startNginx } from '../../scripts/deploy/nginx.ts'
import { listFiles, pagePaths } from '../support/scanOutput.ts'
import { SITE_URL } from '../../site/lib/consts.ts'

// The site works under the security headers it ships (site/lib/headers.ts, written to the build's _headers and to
// the nginx configuration): served with exactly those headers, by the test server from _headers and by the real
// nginx with the shipped configuration, every kind of page loads in Chromium without a single Content-Security-Policy
// violation.

const siteDir = inject('sampleSiteDir')

let browser: Browser
let server: { url: string; close: () => Promise<void> }
let headers: Record<string, string>
let pages: string[]

beforeAll(async () => {
  pages = pagePaths(await listFiles(siteDir))
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** The build's `_headers` rule for every path: what the test server sends. */
async function headersOfBuild(): Promise<Record<string, string>> {
  const file = path.join(siteDir, '_headers')
  if (!existsSync(file))
    throw new Error(
      `${file} is missing: the build does not write _headers (site/integrations/hostingHeaders.ts)`,
    )
  return parseHeadersFile(await readFile(file, 'utf8')).get('/*') ?? {}
}

const SERVERS = [
  {
    name: 'the test server sending the build’s _headers',
    everyKindInChromium: true,
    async start() {
      headers = await headersOfBuild()
      server = await serveStatic(siteDir, headers)
    },
  },
  {
    // The pages are the same files; what nginx adds is its headers. Every kind of page is checked for them over
    // HTTP, and a few (one with a script, the e-mail edition, the 404) are loaded in Chromium.
    name: 'nginx with the shipped configuration',
    everyKindInChromium: false,
    async start() {
      server = await startNginx({ root: siteDir })
      // What nginx really sends, read from a response: the headers under test are the server's, not the file's.
      const response = await fetch(`${server.url}/`)
      await response.body?.cancel()
      headers = Object.fromEntries(
        Object.keys(await headersOfBuild()).map((name) => [name, response.headers.get(name) ?? '']),
      )
    },
  },
]

/** One page of each kind: home, every list, every document type, class, subscribe, the e-mail edition, 404. */
function samplePages(): string[] {
  const first = (pattern: RegExp) => pages.find((page) => pattern.test(page))
  const wanted = [
    /^\/$/,
    /^\/articles\/$/,
    /^\/articles\/(?!page\/)[^/]+\/$/,
    /^\/alumni\/$/,
    /^\/alumni\/(?!page\/)[^/]+\/$/,
    /^\/giving\/$/,
    /^\/giving\/projects\/$/,
    /^\/giving\/honour-roll\/\d+\/$/,
    /^\/giving\/projects\/[^/]+\/$/,
    /^\/giving\/stories\/[^/]+\/$/,
    /^\/chapters\/$/,
    /^\/chapters\/[^/]+\/$/,
    /^\/events\/$/,
    /^\/events\/(?!page\/)[^/]+\/$/,
    /^\/reports\/$/,
    /^\/reports\/(?!page\/)[^/]+\/$/,
    /^\/newsletter\/$/,
    /^\/newsletter\/[^/]+\/$/,
    /^\/newsletter\/[^/]+\/edition\.html$/,
    /^\/colleges\/$/,
    /^\/colleges\/[^/]+\/$/,
    /^\/class\/\d+\/$/,
    /^\/articles\/page\/2\/$/,
    /^\/subscribe\/$/,
    /^\/404\.html$/,
  ]
  return wanted.map(first).filter((page): page is string => page !== undefined)
}

interface Violations {
  events: string[]
  console: string[]
}

/**
 * Opens a page of the site at its production origin (SITE_URL, answered by the local server: the e-mail edition
 * loads images by absolute URL, which only 'self' on that origin allows), collecting `securitypolicyviolation`
 * events and the console's CSP reports (workers included). Nothing else leaves the machine.
 */
async function openWatched(pathname: string): Promise<{ page: Page; violations: Violations }> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT })
  // Aborting a request fails once the page has closed; that is not a finding.
  await context.route('**/*', (route) => route.abort().catch(() => {}))
  await context.route(`${SITE_URL}/**`, async (route) => {
    const url = new URL(route.request().url())
    try {
      const response = await route.fetch({ url: `${server.url}${url.pathname}${url.search}` })
      await route.fulfill({ response })
    } catch {
      // The page was closed while this request was in flight.
    }
  })
  const page = await context.newPage()
  page.on('close', () => void context.close())
  const violations: Violations = { events: [], console: [] }
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = [])
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      )
    })
  })
  const watchConsole = (message: { text(): string }) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.console.push(message.text())
  }
  page.on('console', watchConsole)
  page.on('worker', (worker) => worker.on('console', watchConsole))
  page.on('pageerror', (error) => {
    if (/Content Security Policy|Refused to/i.test(error.message)) violations.console.push(error.message)
  })
  await page.goto(`${SITE_URL}${pathname}`, { waitUntil: 'load' })
  return { page, violations }
}

async function collect(page: Page, violations: Violations): Promise<string[]> {
  const events = await page.evaluate(
    () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
  )
  return [...events, ...violations.console]
}

describe('the pages', () => {
  it('leave no script inline in any page (JSON-LD data blocks aside)', async () => {
    const inline: string[] = []
    for (const page of pages) {
      const file = path.join(siteDir, page.endsWith('/') ? `${page}index.html` : page)
      const html = await readFile(file, 'utf8')
      for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
        if (!/\bsrc=/.test(tag) && !/type="application\/ld\+json"/.test(tag)) inline.push(`${page}: ${tag}`)
      }
      if (/\son[a-z]+=/i.test(html.replace(/<script\b[\s\S]*?<\/script>/g, ''))) {
        const handler = /<[^>]+\son[a-z]+=[^>]*>/i.exec(html)?.[0]
        if (handler) inline.push(`${page}: ${handler.slice(0, 120)}`)
      }
    }
    expect(inline).toEqual([])
  })
})

describe.each(SERVERS)('the security headers, served by $name', ({ start, everyKindInChromium }) => {
  beforeAll(start)
  afterAll(() => server?.close())

  it('set a Content-Security-Policy and the other headers a static host should send', () => {
    const csp = headers['Content-Security-Policy'] ?? ''
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'self'",
      "form-action 'self'",
      'img-src',
    ]) {
      expect(csp).toContain(directive)
    }
    // Every image comes from the site itself, whichever the content source: no foreign host at reading time.
    expect(csp).toMatch(/img-src 'self' data:(;|$)/)
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/)
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['Permissions-Policy']).toBeTruthy()
  })

  it('send the same security headers with every kind of page', async () => {
    const differing: string[] = []
    for (const pathname of samplePages()) {
      const response = await fetch(`${server.url}${pathname}`)
      await response.body?.cancel()
      for (const [name, value] of Object.entries(headers))
        if (response.headers.get(name) !== value) differing.push(`${pathname}: ${name}`)
    }
    expect(differing).toEqual([])
  })

  it('let pages load in Chromium without a Content-Security-Policy violation', async () => {
    const every = samplePages()
    expect(every.length).toBeGreaterThan(18)
    const sample = everyKindInChromium
      ? every
      : every.filter((page) => /^\/$|^\/newsletter\/[^/]+\/(edition\.html)?$|^\/404\.html$/.test(page))
    if (!everyKindInChromium) expect(sample.length).toBe(4)
    const failures: string[] = []
    // Four at a time: most of each page's time is the wait for an idle network.
    const queue = [...sample]
    const worker = async () => {
      for (let pathname = queue.shift(); pathname; pathname = queue.shift()) {
        const { page, violations } = await openWatched(pathname)
        try {
          // Let lazy images near the top load too.
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
          await page.waitForLoadState('networkidle')
          for (const violation of await collect(page, violations)) failures.push(`${pathname}: ${violation}`)
        } finally {
          await page.close()
        }
      }
    }
    await Promise.all(Array.from({ length: 4 }, worker))
    expect(failures.sort()).toEqual([])
  })

  it('let the search page load its index and show results without a violation', async () => {
    const { page, violations } = await openWatched(`/search/?q=${encodeURIComponent('校友')}`)
    try {
      const found = await page
        .locator('#search-results li')
        .first()
        .waitFor({ timeout: 30_000 })
        .then(
          () => true,
          () => false,
        )
      // A violation explains why nothing was found, so it is reported first.
      expect(await collect(page, violations)).toEqual([])
      expect(found).toBe(true)
      // A second search reuses the loaded manifest and fetches more of the index.
      await page.fill('#search-q', '捐赠')
      await page.press('#search-q', 'Enter')
      await page.waitForFunction(() =>
        /找到 \d+ 条与“捐赠”/.test(document.querySelector('#search-status')?.textContent ?? ''),
      )
      await page.waitForLoadState('networkidle')
      expect(await collect(page, violations)).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('would report a violation: an inline script on a page served with this policy is blocked', async () => {
    const { page, violations } = await openWatched('/search/')
    try {
      await page.evaluate(() => {
        const script = document.createElement('script')
        script.textContent = 'window.__ran = true'
        document.body.append(script)
      })
      expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined()
      expect((await collect(page, violations)).join('\n')).toMatch(/script-src/)
    } finally {
      await page.close()
    }
  })
})
