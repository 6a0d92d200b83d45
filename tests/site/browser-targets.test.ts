import { parse as parseScript } from 'acorn'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { browserTargets } from '../../site/lib/browserTargets.ts'
import { launchBrowser, PHONE_VIEWPORT, serveStatic } from '../support/browser.ts'
import { listFiles } from '../support/siteFiles.ts'

// The declared browser targets (package.json "browserslist": Chrome 78 as in WeChat's XWeb/X5 webviews, iOS 13) are
// what the built sample site really needs: its scripts parse as ES2019, its CSS guards every newer feature, and
// search and the copy button still work in a browser without the APIs those targets lack.

const site = inject('sampleSiteDir')

let files: string[]
let scripts: Array<{ name: string; source: string }>
let stylesheets: Array<{ name: string; css: string }>

beforeAll(async () => {
  files = await listFiles(site)
  scripts = []
  const styles = new Map<string, string>()
  for (const file of files) {
    if (/\.m?js$/.test(file))
      scripts.push({ name: file, source: await readFile(path.join(site, file), 'utf8') })
    if (file.endsWith('.css')) styles.set(await readFile(path.join(site, file), 'utf8'), file)
    if (!file.endsWith('.html')) continue
    const html = await readFile(path.join(site, file), 'utf8')
    for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (!/type="application\/ld\+json"/.test(attributes!) && body!.trim())
        scripts.push({ name: `${file} (inline)`, source: body! })
    }
    for (const [, css] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g))
      if (!styles.has(css!)) styles.set(css!, `${file} <style>`)
  }
  stylesheets = [...styles].map(([css, name]) => ({ name, css }))
})

describe('the declared browser targets', () => {
  it('are read from package.json browserslist and handed to the build', async () => {
    expect(browserTargets()).toEqual(expect.arrayContaining(['chrome78', 'ios13']))
    expect(await readFile(path.resolve(import.meta.dirname, '../../astro.config.mjs'), 'utf8')).toMatch(
      /target: browserTargets\(\)/,
    )
  })

  it('every shipped script parses as ES2019 (no ?., ??, class fields or other later syntax)', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(3)
    const failures: string[] = []
    for (const { name, source } of scripts) {
      try {
        parseScript(source, { ecmaVersion: 2019, sourceType: 'module' })
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('no shipped script calls an API newer than the targets, except Intl.Segmenter behind a check', () => {
    // Chrome version that brought each: at 92, replaceChildren 86, replaceAll 85, structuredClone 98, hasOwn 93,
    // findLast 97, Promise.any 85, AbortSignal.timeout 103, toSorted 110, Object.groupBy 117.
    const newer =
      /\.at\(|\breplaceChildren\b|\breplaceAll\b|\bstructuredClone\b|\bhasOwn\b|\bfindLast(Index)?\b|\bPromise\.any\b|AbortSignal\.timeout|\.to(Sorted|Reversed|Spliced)\(|\bgroupBy\b/
    const found = scripts.flatMap(({ name, source }) =>
      newer.test(source) ? [`${name}: ${newer.exec(source)![0]}`] : [],
    )
    expect(found).toEqual([])
    for (const { name, source } of scripts) {
      for (const use of source.matchAll(/new Intl\.Segmenter/g)) {
        expect(source.slice(Math.max(0, use.index - 200), use.index), name).toMatch(
          /typeof Intl\.Segmenter\s*(===|==)\s*["'`]function["'`]/,
        )
      }
    }
  })

  it('every stylesheet guards CSS newer than the targets with @supports or a fallback declaration', () => {
    expect(stylesheets.length).toBeGreaterThan(0)
    const problems = stylesheets.flatMap(({ name, css }) =>
      unguardedFeatures(css).map((problem) => `${name}: ${problem}`),
    )
    expect(problems).toEqual([])
  })

  it('the CSS check finds an unguarded feature and accepts a guarded one', () => {
    expect(unguardedFeatures('a{--x:color-mix(in srgb,red 5%,blue)}')).toHaveLength(1)
    expect(unguardedFeatures('a{--x:red;--x:color-mix(in srgb,red 5%,blue)}')).toHaveLength(1)
    expect(unguardedFeatures('a{color:red;color:color-mix(in srgb,red 5%,blue)}')).toEqual([])
    expect(
      unguardedFeatures(
        '@supports (color:color-mix(in srgb,red 5%,blue)){a{--x:color-mix(in srgb,red 5%,blue)}}',
      ),
    ).toEqual([])
    expect(unguardedFeatures('a{inset:0}b:is(.c){color:red}d{width:clamp(1px,2vw,3px)}')).toHaveLength(3)
    expect(unguardedFeatures('a{grid-template-columns:repeat(auto-fill,minmax(4em,1fr))}')).toEqual([])
  })
})

/**
 * CSS features newer than Chrome 78 / iOS 13 that break colour or layout when missing. (Flex `gap`, Chrome 84 /
 * iOS 14.5, only loses spacing there, and `text-underline-offset` only moves an underline: both are accepted.)
 */
const NEWER_CSS: Array<{ feature: string; declaration?: RegExp; selector?: RegExp }> = [
  { feature: 'color-mix() (Chrome 111)', declaration: /color-mix\(/ },
  { feature: 'inset (Chrome 87)', declaration: /^inset(-block|-inline)?:/ },
  { feature: 'aspect-ratio (Chrome 88, iOS 15)', declaration: /^aspect-ratio:/ },
  { feature: 'clamp()/min()/max() (Chrome 79, iOS 13.4)', declaration: /(^|[^\w-])(clamp|min|max)\(/ },
  { feature: 'dvh/svh/lvh units (Chrome 108)', declaration: /\d(dvh|svh|lvh|dvw|svw|lvw)\b/ },
  { feature: 'light-dark() (Chrome 123)', declaration: /light-dark\(/ },
  {
    feature: ':is()/:where()/:has()/:focus-visible (Chrome 86+)',
    selector: /:(is|where|has)\(|:focus-visible/,
  },
]

/** The declarations and selectors of a stylesheet that use NEWER_CSS with no guard an older browser would honour. */
function unguardedFeatures(css: string): string[] {
  const problems: string[] = []
  const supports: string[] = []
  const stack: Array<'supports' | 'other'> = []
  let at = 0
  let prelude = ''
  while (at < css.length) {
    const char = css[at]!
    if (char === '{') {
      const head = prelude.trim()
      prelude = ''
      if (head.startsWith('@')) {
        const isSupports = head.startsWith('@supports')
        if (isSupports) supports.push(head)
        stack.push(isSupports ? 'supports' : 'other')
        at++
        continue
      }
      const end = css.indexOf('}', at)
      const block = css.slice(at + 1, end)
      const guarded = supports.length > 0
      for (const { feature, selector } of NEWER_CSS)
        if (selector?.test(head) && !guarded) problems.push(`${feature} in selector "${head}"`)
      const seen = new Map<string, boolean>()
      for (const declaration of splitDeclarations(block)) {
        const property = declaration.slice(0, declaration.indexOf(':')).trim()
        const newer = NEWER_CSS.find(({ declaration: pattern }) => pattern?.test(declaration))
        // A fallback declaration is kept by an older browser only for real properties: a custom property takes the
        // newer value whatever it holds, and is then invalid where it is used.
        const fallback = !property.startsWith('--') && seen.get(property) === true
        if (newer && !guarded && !fallback) problems.push(`${newer.feature} in "${head}{${declaration}}"`)
        if (!seen.get(property)) seen.set(property, !newer)
      }
      at = end + 1
      continue
    }
    if (char === '}') {
      if (stack.pop() === 'supports') supports.pop()
      prelude = ''
      at++
      continue
    }
    if (char === ';' && prelude.trim().startsWith('@')) {
      prelude = ''
      at++
      continue
    }
    prelude += char
    at++
  }
  return problems
}

/** `a:b;c:d(e;f)` → ['a:b', 'c:d(e;f)']: semicolons inside brackets or strings do not split. */
function splitDeclarations(block: string): string[] {
  const declarations: string[] = []
  let depth = 0
  let quote = ''
  let current = ''
  for (const char of block) {
    if (quote) {
      if (char === quote) quote = ''
    } else if (char === '"' || char === "'") quote = char
    else if (char === '(') depth++
    else if (char === ')') depth--
    else if (char === ';' && depth === 0) {
      if (current.trim()) declarations.push(current.trim())
      current = ''
      continue
    }
    current += char
  }
  if (current.trim()) declarations.push(current.trim())
  return declarations
}

describe('in a browser without the APIs newer than the targets', () => {
  let browser: Browser
  let server: Awaited<ReturnType<typeof serveStatic>>
  // As the site ships it, except for images: the edition the copy button puts in the page names them at SITE_URL.
  const CSP =
    "default-src 'self'; img-src 'self' data: https://alumni.example.edu.cn; style-src 'self' 'unsafe-inline'; script-src 'self'"

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([
      launchBrowser(),
      serveStatic(site, { 'Content-Security-Policy': CSP }),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** A page whose newer APIs are deleted before any of its scripts runs, as in a Chrome 78 webview. */
  async function olderBrowserPage(
    extra: string[] = [],
  ): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({
      viewport: PHONE_VIEWPORT,
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    await context.addInitScript(
      (names: string[]) => {
        for (const name of names) {
          const parts = name.split('.')
          const key = parts.pop()!
          const owner = parts.reduce<Record<string, unknown> | undefined>(
            (object, part) => object?.[part] as Record<string, unknown>,
            window as never,
          )
          if (owner) delete owner[key]
        }
      },
      [
        'Array.prototype.at',
        'String.prototype.at',
        'Array.prototype.findLast',
        'Array.prototype.findLastIndex',
        'Array.prototype.toSorted',
        'String.prototype.replaceAll',
        'Element.prototype.replaceChildren',
        'Document.prototype.replaceChildren',
        'DocumentFragment.prototype.replaceChildren',
        'Object.hasOwn',
        'Promise.any',
        'AbortSignal.timeout',
        'Intl.Segmenter',
        'structuredClone',
        ...extra,
      ],
    )
    // The edition names its images at SITE_URL (it is pasted elsewhere): serve them from the build, offline.
    await context.route('https://alumni.example.edu.cn/**', (route) =>
      route.fulfill({ path: path.join(site, new URL(route.request().url()).pathname) }),
    )
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    return { page, errors, close: () => context.close() }
  }

  it('the APIs really are gone in the test page', async () => {
    const { page, close } = await olderBrowserPage()
    await page.goto(`${server.url}/search/`)
    expect(
      await page.evaluate(() => [
        typeof [].at,
        typeof Intl.Segmenter,
        typeof structuredClone,
        typeof document.body.replaceChildren,
      ]),
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined'])
    await close()
  })

  it('search finds and marks results, and a query with no exact match says so instead of failing', async () => {
    const { page, errors, close } = await olderBrowserPage()
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('校友')}`)
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('找到'))
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0)
    expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0)
    // The second search replaces the first list (the path that used replaceChildren).
    await page.fill('#search-q', '深圳的校友会活动报名表格')
    await page.press('#search-q', 'Enter')
    await page.waitForFunction(() => !document.querySelector('#search-status')?.textContent?.includes('找到'))
    await page.waitForFunction(() =>
      /没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''),
    )
    expect(await page.locator('#search-results > li').count()).toBe(0)
    expect(errors).toEqual([])
    await close()
  })

  for (const [name, extra] of [
    ['with the async clipboard', []],
    ['without ClipboardItem (iOS 13.0), by selection and execCommand', ['ClipboardItem']],
  ] as const) {
    it(`the newsletter copy button copies the edition ${name}`, async () => {
      const issue = files.find((file) => /^newsletter\/[^/]+\/index\.html$/.test(file))!
      const { page, errors, close } = await olderBrowserPage([...extra])
      await page.goto(`${server.url}/${issue.replace(/index\.html$/, '')}`)
      await page.getByRole('button', { name: '复制公众号/邮件版' }).click()
      await page.getByText('已复制').waitFor()
      const html = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read()
        return item!.types.includes('text/html') ? await (await item!.getType('text/html')).text() : ''
      })
      expect(html).toMatch(/<table[^>]*style="/)
      expect(errors).toEqual([])
      await close()
    })
  }
})
