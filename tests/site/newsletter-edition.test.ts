import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse, type HTMLElement } from 'node-html-parser'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, serveStatic } from '../support/browser.ts'
import { listFiles, pathForFile } from '../support/siteFiles.ts'

// The 公众号 / e-mail edition of every newsletter issue in the sample build, compared with the issue page.

const site = inject('sampleSiteDir')
const SITE_ORIGIN = 'https://alumni.example.edu.cn'

interface Section {
  title: string
  items: Array<{ path: string; title: string }>
}
interface Issue {
  slug: string
  pagePath: string
  page: HTMLElement
  edition: HTMLElement
  editionSource: string
}

let issues: Issue[]

beforeAll(async () => {
  const files = await listFiles(site)
  const pages = files.filter((file) => /^newsletter\/[^/]+\/index\.html$/.test(file))
  issues = await Promise.all(
    pages.map(async (file) => {
      const directory = path.dirname(file)
      const editionFile = `${directory}/edition.html`
      expect(files, `${file} has an edition`).toContain(editionFile)
      const editionSource = await readFile(path.join(site, editionFile), 'utf8')
      return {
        slug: path.basename(directory),
        pagePath: pathForFile(file),
        page: parse(await readFile(path.join(site, file), 'utf8')),
        edition: parse(editionSource),
        editionSource,
      }
    }),
  )
})

/** Sections and items as the issue page shows them. */
function pageSections(page: HTMLElement): Section[] {
  return page.querySelectorAll('article.newsletter-issue section.issue-section').map((section) => ({
    title: section.querySelector('.section-head h2')!.text.trim(),
    items: section
      .querySelectorAll('.card h3 a')
      .map((link) => ({ path: link.getAttribute('href')!, title: link.text.trim() })),
  }))
}

/**
 * Sections and items as the edition shows them. It has no classes to go by: a section is a cell that opens with
 * an h2 (the editor's note is the one headed 编者按), an item is a linked h3 inside it.
 */
function editionSections(edition: HTMLElement): Section[] {
  return edition
    .querySelectorAll('td')
    .filter(
      (cell) => cell.firstElementChild?.tagName === 'H2' && cell.firstElementChild.text.trim() !== '编者按',
    )
    .map((cell) => ({
      title: cell.firstElementChild!.text.trim(),
      items: cell.querySelectorAll('h3 > a').map((link) => ({
        path: new URL(link.getAttribute('href')!).pathname,
        title: link.text.trim(),
      })),
    }))
}

describe('the 公众号 / e-mail edition', () => {
  it('is published for every newsletter issue', () => {
    expect(issues.length).toBeGreaterThanOrEqual(1)
    for (const issue of issues) expect(issue.editionSource, issue.slug).toMatch(/^<!doctype html>/i)
  })

  it('carries its styles inline: no <style>, <link>, <script> or class attributes', () => {
    for (const issue of issues) {
      expect(
        issue.edition.querySelectorAll('style, link, script').map((element) => element.outerHTML),
        issue.slug,
      ).toEqual([])
      expect(
        issue.edition.querySelectorAll('[class]').map((element) => element.tagName),
        issue.slug,
      ).toEqual([])
      expect(issue.edition.querySelectorAll('[style]').length, issue.slug).toBeGreaterThan(10)
    }
  })

  it('links and loads images only through absolute URLs', () => {
    for (const issue of issues) {
      const urls = [
        ...issue.edition.querySelectorAll('a').map((link) => link.getAttribute('href') ?? ''),
        ...issue.edition.querySelectorAll('img').map((image) => image.getAttribute('src') ?? ''),
        ...issue.edition.querySelectorAll('img[srcset]').flatMap((image) =>
          image
            .getAttribute('srcset')!
            .split(',')
            .map((candidate) => candidate.trim().split(/\s+/)[0]!),
        ),
      ]
      expect(urls.length, issue.slug).toBeGreaterThan(0)
      for (const url of urls) {
        expect(url, `${issue.slug}: ${url}`).toMatch(/^(https?:\/\/[^/]+\/|mailto:|tel:)/)
      }
      const images = issue.edition.querySelectorAll('img')
      for (const image of images)
        expect(image.getAttribute('alt'), `${issue.slug}: ${image.getAttribute('src')}`).toBeDefined()
      // The issue's own web page is linked, for readers whose client strips the layout.
      expect(issue.edition.querySelectorAll('a').map((link) => link.getAttribute('href'))).toContain(
        `${SITE_ORIGIN}${issue.pagePath}`,
      )
    }
  })

  it('lists every section and item of the issue, in the order of the issue page, linked to their pages', () => {
    for (const issue of issues) {
      const expected = pageSections(issue.page)
      expect(expected.flatMap((section) => section.items).length, issue.slug).toBeGreaterThan(0)
      expect(editionSections(issue.edition), issue.slug).toEqual(expected)
    }
  })

  it('declares UTF-8 and keeps the Chinese title, masthead and section names intact', () => {
    for (const issue of issues) {
      const head = issue.edition.querySelector('head')!
      expect(head.firstElementChild?.outerHTML.toLowerCase(), issue.slug).toBe('<meta charset="utf-8">')
      expect(issue.edition.querySelector('html')!.getAttribute('lang')).toBe('zh-CN')
      expect(issue.editionSource).not.toContain('\uFFFD')
      const title = issue.page.querySelector('article.newsletter-issue h1')!.text.trim()
      expect(title).toMatch(/\p{Script=Han}/u)
      expect(issue.edition.querySelector('h1')!.text.trim()).toBe(title)
      const kicker = issue.page
        .querySelector('article.newsletter-issue header .kicker')!
        .text.replace('校友通讯 · ', '')
        .trim()
      expect(issue.edition.querySelector('body')!.text, issue.slug).toContain(kicker)
      expect(issue.edition.querySelector('body')!.text).toContain('校友通讯')
    }
  })
})

describe('the issue page copy button', () => {
  let browser: Browser
  let server: Awaited<ReturnType<typeof serveStatic>>

  beforeAll(async () => {
    // The site's content security policy allows scripts from its own origin only.
    ;[browser, server] = await Promise.all([
      launchBrowser(),
      serveStatic(site, {
        'Content-Security-Policy':
          "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; script-src 'self'",
      }),
    ])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('loads one small script file, not inline code', () => {
    for (const issue of issues) {
      // JSON-LD is data; the 大字 switch's script is on every page (text-size.test.ts).
      const scripts = issue.page
        .querySelectorAll('script')
        .filter(
          (script) =>
            script.getAttribute('type') !== 'application/ld+json' &&
            !/\/text-size\.[\w-]+\.js$/.test(script.getAttribute('src') ?? ''),
        )
      expect(scripts.length, issue.slug).toBe(1)
      expect(scripts[0]!.getAttribute('type')).toBe('module')
      expect(scripts[0]!.getAttribute('src')).toMatch(/^\/_astro\/[^/]+\.js$/)
      expect(scripts[0]!.text.trim()).toBe('')
    }
  })

  it('stays hidden without JavaScript, leaving the plain link to the edition', async () => {
    const issue = issues[0]!
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(server.url + issue.pagePath)
    expect(await page.getByRole('button', { name: '复制公众号/邮件版' }).isVisible()).toBe(false)
    const link = page.getByRole('link', { name: '打开公众号/邮件版' })
    expect(await link.getAttribute('href')).toBe(`${issue.pagePath}edition.html`)
    await context.close()
  })

  it('puts the edition on the clipboard as rich HTML containing the issue title', async () => {
    const issue = issues[0]!
    const title = issue.page.querySelector('article.newsletter-issue h1')!.text.trim()
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    await page.goto(server.url + issue.pagePath)
    const button = page.getByRole('button', { name: '复制公众号/邮件版' })
    await button.click()
    await page.getByText('已复制').waitFor()
    const clipboard = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read()
      return {
        types: item!.types,
        html: await (await item!.getType('text/html')).text(),
        text: await (await item!.getType('text/plain')).text(),
      }
    })
    expect(clipboard.types).toContain('text/html')
    expect(clipboard.html).toContain(title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
    expect(clipboard.html).toMatch(/<table[^>]+style="/)
    expect(clipboard.text).toContain(title)
    expect(errors).toEqual([])
    await context.close()
  })
})
