import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { CHROMIUM_PATH, launchBrowser, PHONE_VIEWPORT, serveStatic } from '../support/browser.ts'
import { ROOT } from '../support/buildSite.ts'
import { listFiles, PAGE_TYPES, pageTypes } from '../support/siteFiles.ts'

// 适老化: type follows the reader's font setting, and the 大字 switch makes reading text large, on every page type.

const site = inject('sampleSiteDir')
const AXE_SOURCE = path.join(ROOT, 'node_modules/axe-core/axe.min.js')
/** Reading text: paragraphs of the main column, not the small print beside them (dates, captions, kickers). */
const READING = 'main p:not(.meta):not(.caption):not(.kicker):not([hidden])'
/** Controls a finger has to hit; links inside running text are exempt, as WCAG's target-size rule has it. */
const CONTROLS =
  '.text-size, .site-nav a, .breadcrumbs a, .section-head a, .chips a, .tags a, .pagination a, .pager-links a, main button:not([hidden]), main input, main select'

let files: string[]
let types: Record<string, string>
let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>
let axe: string

beforeAll(async () => {
  files = await listFiles(site)
  types = pageTypes(files)
  ;[browser, server, axe] = await Promise.all([
    launchBrowser(),
    serveStatic(site),
    readFile(AXE_SOURCE, 'utf8'),
  ])
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

interface Measure {
  rootFont: number
  mainFont: number
  reading: Array<{ size: number; lineHeight: number }>
  overflow: number
  smallControls: string[]
}

async function measure(page: Page): Promise<Measure> {
  return page.evaluate(
    ([reading, controls]) => {
      const visible = (element: Element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'
      }
      const px = (value: string) => Number.parseFloat(value)
      return {
        rootFont: px(getComputedStyle(document.documentElement).fontSize),
        mainFont: px(getComputedStyle(document.querySelector('main')!).fontSize),
        reading: [...document.querySelectorAll(reading)]
          .filter((element) => visible(element) && element.textContent!.trim())
          .map((element) => {
            const style = getComputedStyle(element)
            return { size: px(style.fontSize), lineHeight: px(style.lineHeight) }
          }),
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        smallControls: [...document.querySelectorAll(controls)]
          .filter(visible)
          .filter((element) => element.getBoundingClientRect().height < 43.5)
          .map(
            (element) =>
              `${element.tagName.toLowerCase()}.${element.className} "${element.textContent!.trim().slice(0, 12)}" ${Math.round(element.getBoundingClientRect().height)}px`,
          ),
      }
    },
    [READING, CONTROLS] as const,
  )
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe })
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }
    const result = await (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }
    ).axe.run(document, {
      resultTypes: ['violations'],
    })
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} at ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(' '))
            .join(', ')}`,
      )
  })
}

/** A stylesheet without its `@media print { … }` blocks (nested braces and all). */
function withoutPrint(css: string): string {
  let result = ''
  let at = 0
  for (let start = css.indexOf('@media print', at); start !== -1; start = css.indexOf('@media print', at)) {
    result += css.slice(at, start)
    let depth = 0
    let end = css.indexOf('{', start)
    for (; end < css.length; end++) {
      if (css[end] === '{') depth++
      else if (css[end] === '}' && --depth === 0) break
    }
    at = end + 1
  }
  return result + css.slice(at)
}

describe('the stylesheets and the switch as shipped', () => {
  it('size type in rem/em only, and never turn off WeChat font scaling', async () => {
    const problems: string[] = []
    for (const file of files.filter((name) => /\.(html|css)$/.test(name))) {
      const text = await readFile(path.join(site, file), 'utf8')
      const css = file.endsWith('.css')
        ? text
        : [...text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n')
      // Print sizes (pt) are for paper, not for a reader's screen setting.
      const screen = withoutPrint(css)
      for (const [found] of screen.matchAll(/(?:font-size:|font:[^;}]*?)\s*\d*\.?\d+(px|pt)\b[^;}]*/g))
        problems.push(`${file}: ${found}`)
      for (const [found] of css.matchAll(/text-size-adjust:\s*none/g)) problems.push(`${file}: ${found}`)
    }
    expect([...new Set(problems)]).toEqual([])
  })

  it('puts the 大字 switch and its script (under 1 KB) on every page', async () => {
    const pages = files.filter((file) => file.endsWith('.html') && !file.endsWith('edition.html'))
    const scripts = new Set<string>()
    for (const file of pages) {
      const html = await readFile(path.join(site, file), 'utf8')
      expect(html, file).toMatch(/<button type="button" class="text-size" data-text-size[^>]*>大字<\/button>/)
      const src = /<script src="(\/_astro\/text-size\.[\w-]+\.js)" async><\/script>/.exec(html)?.[1]
      expect(src, file).toBeTruthy()
      scripts.add(src!)
    }
    expect(scripts.size).toBe(1)
    const [script] = scripts
    expect((await readFile(path.join(site, script!))).length).toBeLessThan(1024)
  })
})

describe('the 大字 switch in Chromium', () => {
  it('is remembered across pages and can be turned off again', async () => {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT })
    const page = await context.newPage()
    await page.goto(server.url + types.home!)
    const before = await measure(page)
    const button = page.getByRole('button', { name: '大字' })
    expect(await button.isVisible()).toBe(true)
    expect(await button.getAttribute('aria-pressed')).toBe('false')
    await button.click()
    expect(await button.getAttribute('aria-pressed')).toBe('true')
    expect((await measure(page)).mainFont).toBeCloseTo(before.mainFont * 1.25, 1)
    await page.goto(server.url + types.article!)
    expect(await page.evaluate(() => document.documentElement.classList.contains('text-large'))).toBe(true)
    expect(await page.getByRole('button', { name: '大字' }).getAttribute('aria-pressed')).toBe('true')
    await page.getByRole('button', { name: '大字' }).click()
    await page.goto(server.url + types.search!)
    expect((await measure(page)).mainFont).toBeCloseTo(before.mainFont, 1)
    await context.close()
  })

  it('without JavaScript, pages show their base size and no switch that would do nothing', async () => {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(server.url + types.article!)
    expect(await page.locator('.text-size').isVisible()).toBe(false)
    const measured = await measure(page)
    expect(measured.mainFont).toBe(17)
    expect(measured.overflow).toBeLessThanOrEqual(0)
    await context.close()
  })
})

describe('every page type at 390 px', () => {
  let base: BrowserContext
  let large: BrowserContext
  let profileDir: string
  let bigFont: BrowserContext

  beforeAll(async () => {
    base = await browser.newContext({ viewport: PHONE_VIEWPORT })
    // Large mode, in dark colours (light mode at the default size is browser.test.ts's): contrast in both schemes.
    large = await browser.newContext({ viewport: PHONE_VIEWPORT, colorScheme: 'dark' })
    await large.addInitScript(() => localStorage.setItem('alumni-text-size', 'large'))
    // A browser whose default font is 24 px, as large-text settings make it: a profile with that preference.
    profileDir = await mkdtemp(path.join(os.tmpdir(), 'font-24-'))
    await mkdir(path.join(profileDir, 'Default'), { recursive: true })
    await writeFile(
      path.join(profileDir, 'Default/Preferences'),
      JSON.stringify({ webkit: { webprefs: { default_font_size: 24 } } }),
    )
    bigFont = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
      viewport: PHONE_VIEWPORT,
    })
  })

  afterAll(async () => {
    await base?.close()
    await large?.close()
    await bigFont?.close()
    if (profileDir) await rm(profileDir, { recursive: true, force: true })
  })

  async function open(context: BrowserContext, name: string, accessibility: boolean) {
    const page = await context.newPage()
    await page.goto(server.url + types[name]!)
    const measured = await measure(page)
    const violations = accessibility ? await seriousViolations(page) : []
    await page.close()
    return { ...measured, violations }
  }

  for (const name of PAGE_TYPES) {
    it(`${name}: at a 24 px default font reading text grows by half, with 大字 on it is ≥ 20 px with line height ≥ 1.7 and controls ≥ 44 px; no sideways scroll, nothing serious for axe (dark mode with 大字)`, async () => {
      // The three conditions at once: the browser has a core for each while the test waits.
      const [normal, big, switched] = await Promise.all([
        open(base, name, false),
        open(bigFont, name, true),
        open(large, name, true),
      ])

      expect(big.rootFont, 'the profile sets a 24 px default font').toBe(24)
      expect(big.overflow, 'sideways scroll in px at 24 px').toBeLessThanOrEqual(0)
      expect(big.mainFont).toBeCloseTo(normal.mainFont * 1.5, 1)
      expect(big.reading.map((text) => text.size)).toEqual(
        normal.reading.map((text) => expect.closeTo(text.size * 1.5, 1)),
      )
      expect(big.violations, 'axe at 24 px').toEqual([])

      expect(switched.overflow, 'sideways scroll in px with 大字').toBeLessThanOrEqual(0)
      expect(switched.mainFont).toBeGreaterThanOrEqual(20)
      for (const text of switched.reading) {
        expect(text.size).toBeGreaterThanOrEqual(20)
        expect(text.lineHeight / text.size).toBeGreaterThanOrEqual(1.7)
      }
      expect(switched.smallControls).toEqual([])
      expect(switched.violations, 'axe with 大字, dark').toEqual([])
    })
  }
})
