import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ROOT } from '../support/buildSite.ts'
import { launchBrowser, PHONE_VIEWPORT, serveStatic } from '../support/browser.ts'
import { listFiles, PAGE_TYPES, pageTypes } from '../support/siteFiles.ts'

const site = inject('sampleSiteDir')
const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots')
const AXE_SOURCE = path.join(ROOT, 'node_modules/axe-core/axe.min.js')

let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>
let types: Record<string, string>

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchBrowser(), serveStatic(site)])
  types = pageTypes(await listFiles(site))
  await mkdir(SCREENSHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

interface PageCheck {
  consoleErrors: string[]
  failedRequests: string[]
  horizontalOverflow: number
  seriousViolations: string[]
  brokenImages: string[]
}

async function checkPage(name: string, pathname: string): Promise<PageCheck> {
  const context = await browser.newContext({
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  const consoleErrors: string[] = []
  const failedRequests: string[] = []
  page.on('console', (message) => {
    // The 404 page is served with status 404, which Chromium logs as a failed resource load.
    const expected404 = name === 'notFound' && message.text().includes('404')
    if (message.type() === 'error' && !expected404) consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  page.on('response', (response) => {
    if (
      response.status() >= 400 &&
      !(name === 'notFound' && response.url().endsWith('/this-page-does-not-exist/'))
    ) {
      failedRequests.push(`${response.status()} ${response.url()}`)
    }
  })
  const target = name === 'notFound' ? '/this-page-does-not-exist/' : pathname
  await page.goto(server.url + target, { waitUntil: 'networkidle' })
  // Scroll through so lazy images load, then measure.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    window.scrollTo(0, 0)
  })
  await page.waitForLoadState('networkidle')
  const horizontalOverflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  )
  const brokenImages = await page.evaluate(() =>
    [...document.images]
      .filter(
        (image) => image.complete && image.naturalWidth === 0 && getComputedStyle(image).display !== 'none',
      )
      .map((image) => image.currentSrc || image.src),
  )
  await page.addScriptTag({ content: await readFile(AXE_SOURCE, 'utf8') })
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>
          }>
        }
      }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }))
  })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false })
  await context.close()
  return {
    consoleErrors,
    failedRequests,
    horizontalOverflow,
    brokenImages,
    seriousViolations: violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}) at ${violation.targets.join(', ')}`),
  }
}

describe('each page type on a 390×844 phone in Chromium', () => {
  it('covers every page type', () => {
    expect(Object.keys(types).sort()).toEqual([...PAGE_TYPES].sort())
  })

  for (const name of PAGE_TYPES) {
    it(`renders the ${name} page without horizontal scroll, console errors, broken images or serious accessibility violations`, async () => {
      const result = await checkPage(name, types[name]!)
      expect(result.horizontalOverflow, 'horizontal overflow in px').toBeLessThanOrEqual(0)
      expect(result.consoleErrors).toEqual([])
      expect(result.failedRequests).toEqual([])
      expect(result.brokenImages).toEqual([])
      expect(result.seriousViolations).toEqual([])
    })
  }
})
