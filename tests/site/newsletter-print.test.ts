import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { parse, type HTMLElement } from 'node-html-parser'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, serveStatic } from '../support/browser.ts'
import { ROOT } from '../support/buildSite.ts'
import { listFiles, pathForFile } from '../support/siteFiles.ts'

// The issue page printed by Chromium (“打印 → 存储为 PDF”) as an A4 booklet; the PDF's text is read with
// pdftotext (Debian poppler-utils, installed by .ci/run).

const site = inject('sampleSiteDir')
const PDF_DIR = path.join(ROOT, 'test-results/newsletter-print')
const run = promisify(execFile)

interface PrintedIssue {
  pagePath: string
  title: string
  label: string
  sections: Array<{ title: string; items: string[] }>
  /** Texts of the page's navigation, buttons and footer, which the PDF must not contain. */
  chrome: string[]
  /** Text of each PDF page, whitespace removed: pdftotext breaks long Chinese lines anywhere. */
  pdfPages: string[]
}

let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>
let printed: PrintedIssue[]

const squeeze = (text: string) => text.replace(/\s+/g, '')

/** The print stylesheet numbers pages in the bottom margin; pdftotext puts that number before the page's text. */
function withoutPageNumber(text: string, index: number): string {
  const number = String(index + 1)
  if (text.startsWith(number)) return text.slice(number.length)
  if (text.endsWith(number)) return text.slice(0, -number.length)
  return text
}

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchBrowser(), serveStatic(site)])
  await mkdir(PDF_DIR, { recursive: true })
  const files = (await listFiles(site)).filter((file) => /^newsletter\/[^/]+\/index\.html$/.test(file))
  const context = await browser.newContext()
  printed = []
  for (const file of files) {
    const document = parse(await readFile(path.join(site, file), 'utf8'))
    const pagePath = pathForFile(file)
    const page = await context.newPage()
    await page.goto(server.url + pagePath)
    const pdfFile = path.join(PDF_DIR, `${path.basename(path.dirname(file))}.pdf`)
    await writeFile(pdfFile, await page.pdf({ format: 'A4' }))
    await page.close()
    // -raw keeps the order Chromium wrote the text in (the DOM order), not a guess from the layout.
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdfFile, '-'])
    const pdfPages = stdout.split('\f').map(squeeze).filter(Boolean).map(withoutPageNumber)
    printed.push({ pagePath, ...issueOnPage(document), chrome: chromeOnPage(document), pdfPages })
  }
  await context.close()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

function issueOnPage(document: HTMLElement) {
  const article = document.querySelector('article.newsletter-issue')!
  return {
    title: article.querySelector('h1')!.text.trim(),
    label: article.querySelector('header .kicker')!.text.replace('校友通讯 · ', '').trim(),
    sections: article.querySelectorAll('section.issue-section').map((section) => ({
      title: section.querySelector('.section-head h2')!.text.trim(),
      items: section.querySelectorAll('.card h3').map((heading) => heading.text.trim()),
    })),
  }
}

function chromeOnPage(document: HTMLElement): string[] {
  const texts = document
    .querySelectorAll('.site-nav, .breadcrumbs, .edition-tools, .pager-links a, .site-footer p')
    .map((element) => squeeze(element.text))
  expect(texts.length).toBeGreaterThanOrEqual(4)
  return texts.filter((text) => text.length >= 4)
}

/** Where `needles` occur in `haystack`, each searched after the previous one; -1 when one is missing. */
function positionsInOrder(haystack: string, needles: string[]): number[] {
  let from = 0
  return needles.map((needle) => {
    const at = haystack.indexOf(squeeze(needle), from)
    if (at >= 0) from = at + squeeze(needle).length
    return at
  })
}

/** The PDF page the first section starts on: what comes before it is the cover and the contents. */
function firstSectionPage(issue: PrintedIssue): number {
  const first = squeeze(issue.sections[0]!.title)
  const index = issue.pdfPages.findIndex((page, number) => number >= 2 && page.startsWith(first))
  return index < 0 ? issue.pdfPages.length : index
}

describe('the printed newsletter issue', () => {
  it('is a booklet of a reasonable number of A4 pages', async () => {
    expect(printed.length).toBeGreaterThanOrEqual(1)
    for (const issue of printed) {
      const items = issue.sections.reduce((count, section) => count + section.items.length, 0)
      // Cover, contents, then one or more pages per section; never a page per item and then some.
      expect(issue.pdfPages.length, issue.pagePath).toBeGreaterThanOrEqual(2 + issue.sections.length)
      expect(issue.pdfPages.length, issue.pagePath).toBeLessThanOrEqual(4 + issue.sections.length + items)
    }
  })

  it('opens with a cover page: title and volume/number, without the table of contents', () => {
    for (const issue of printed) {
      const cover = issue.pdfPages[0]!
      expect(cover, issue.pagePath).toContain(squeeze(issue.title))
      expect(cover, issue.pagePath).toContain(squeeze(issue.label))
      expect(cover, issue.pagePath).not.toContain('本期目录')
    }
  })

  it('prints the table of contents on its own page, listing sections and items in order', () => {
    for (const issue of printed) {
      expect(
        issue.pdfPages[1]!.startsWith('本期目录'),
        `${issue.pagePath}: page 2 starts with 本期目录`,
      ).toBe(true)
      const contents = issue.pdfPages.slice(1, firstSectionPage(issue)).join('')
      const entries = issue.sections.flatMap((section) => [section.title, ...section.items])
      expect(positionsInOrder(contents, entries), issue.pagePath).not.toContain(-1)
    }
  })

  it('starts each section on a new page and prints every item title', () => {
    for (const issue of printed) {
      const body = issue.pdfPages.slice(firstSectionPage(issue))
      for (const section of issue.sections) {
        expect(
          body.some((page) => page.startsWith(squeeze(section.title))),
          `${issue.pagePath}: a page starts with section “${section.title}”`,
        ).toBe(true)
      }
      const items = issue.sections.flatMap((section) => section.items)
      expect(positionsInOrder(body.join(''), items), issue.pagePath).not.toContain(-1)
    }
  })

  it('leaves out navigation, buttons and the site footer', () => {
    for (const issue of printed) {
      const text = issue.pdfPages.join('')
      for (const chrome of [...issue.chrome, '复制公众号/邮件版', '打开公众号/邮件版', '跳到正文']) {
        expect(text, `${issue.pagePath} prints “${chrome}”`).not.toContain(chrome)
      }
    }
  })
})
