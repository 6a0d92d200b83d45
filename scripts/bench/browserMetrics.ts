import { spawn } from 'node:child_process'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { CHROMIUM_PATH, PHONE_VIEWPORT, launchBrowser, serveStatic } from '../../tests/support/browser.ts'
import { fileForPath } from '../../tests/support/siteFiles.ts'
import { gzipSize } from './siteWeight.ts'

export const SEARCH_QUERY = '校友'

/** Whatever the search page shows a result as; the first that appears ends the wait. */
const RESULT_SELECTORS = ['#search-results li']

export interface FirstSearch {
  query: string
  resultsShown: boolean
  /**
   * What the search itself costs: every response but the page's HTML and images (the search script, the manifest,
   * index buckets and result documents), as transferred by a host that does not compress.
   */
  searchBytes: number
  /** The same with text files (JS, JSON, CSS) gzipped as most hosts send them; the binary buckets are sent as they are. */
  searchGzipBytes: number
  /** Everything a reader's first search fetches: the page, its images and the search. */
  totalBytes: number
  requests: Array<{ url: string; type: string; bytes: number; gzipBytes: number; status: number }>
}

const COMPRESSIBLE = /\.(m?js|json|css|html|svg|xml|txt)$/

/**
 * Opens /search/?q=… as a reader does, waits for results and sums the bytes transferred by the test server
 * (serveStatic, which does not compress).
 */
export async function measureFirstSearch(siteDir: string, query = SEARCH_QUERY): Promise<FirstSearch> {
  const server = await serveStatic(siteDir)
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage({ viewport: PHONE_VIEWPORT })
    const pending: Array<Promise<void>> = []
    const requests: FirstSearch['requests'] = []
    page.on('requestfinished', (request) => {
      pending.push(
        (async () => {
          const sizes = await request.sizes()
          const response = await request.response()
          const url = request.url().replace(server.url, '')
          const file = fileForPath(new URL(url, 'http://site.invalid').pathname)
          // The server sends files as they are, so a file's size is its body; Chromium does not report the body of
          // a worker script's request to Playwright.
          const body =
            response?.status() === 200
              ? await readFile(path.join(siteDir, file)).catch(() => undefined)
              : undefined
          const bytes = sizes.responseHeadersSize + (body?.length ?? sizes.responseBodySize)
          const gzipBytes =
            body && COMPRESSIBLE.test(file) ? sizes.responseHeadersSize + gzipSize(body) : bytes
          requests.push({
            url,
            type: request.resourceType(),
            bytes,
            gzipBytes,
            status: response?.status() ?? 0,
          })
        })(),
      )
    })
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' })
    const resultsShown = await page
      .waitForFunction(
        (selectors) => selectors.some((selector) => document.querySelector(selector)),
        RESULT_SELECTORS,
        { timeout: 30_000 },
      )
      .then(
        () => true,
        () => false,
      )
    await page.waitForLoadState('networkidle')
    await Promise.all(pending)
    const search = requests.filter((request) => request.type !== 'document' && request.type !== 'image')
    const sum = (list: typeof requests, key: 'bytes' | 'gzipBytes') =>
      list.reduce((total, request) => total + request[key], 0)
    return {
      query,
      resultsShown,
      searchBytes: sum(search, 'bytes'),
      searchGzipBytes: sum(search, 'gzipBytes'),
      totalBytes: sum(requests, 'bytes'),
      requests,
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number]

export interface LighthouseResult {
  path: string
  /** The median of the runs, per category (Lighthouse's own advice for a score that varies from run to run). */
  scores: Record<LighthouseCategory, number | null>
  runs: Array<Record<LighthouseCategory, number | null>>
  /** Audits that cost points in the run closest to the median, for the report. */
  failing: Array<{ id: string; title: string; score: number | null }>
  report: string
}

/** The median, or the lower middle value of an even count; nulls (a category that could not be scored) sort first. */
export function medianScore(scores: Array<number | null>): number | null {
  const sorted = [...scores].sort((a, b) => (a ?? -1) - (b ?? -1))
  return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)]!
}

function runLighthouse(url: string, outputPath: string): Promise<void> {
  const cli = path.resolve(import.meta.dirname, '../../node_modules/lighthouse/cli/index.js')
  const args = [
    cli,
    url,
    '--output=json',
    `--output-path=${outputPath}`,
    `--only-categories=${LIGHTHOUSE_CATEGORIES.join(',')}`,
    '--form-factor=mobile',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    '--quiet',
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`lighthouse ${url} failed (exit ${code}): ${stderr.slice(-2000)}`)),
    )
  })
}

interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string }>
}

function categoryScores(lhr: LighthouseReport): Record<LighthouseCategory, number | null> {
  return Object.fromEntries(
    LIGHTHOUSE_CATEGORIES.map((category) => {
      const score = lhr.categories[category]?.score
      return [category, typeof score === 'number' ? Math.round(score * 100) : null]
    }),
  ) as Record<LighthouseCategory, number | null>
}

/**
 * Lighthouse's default (mobile: simulated slow 4G and a mid-range phone's CPU) on each page, `runs` times one after
 * another; the median per category is kept, as the performance score varies with the machine's load.
 */
export async function measureLighthouse(
  siteDir: string,
  pages: Record<string, string>,
  reportDir: string,
  runs = 3,
): Promise<Record<string, LighthouseResult>> {
  await mkdir(reportDir, { recursive: true })
  const server = await serveStatic(siteDir)
  const results: Record<string, LighthouseResult> = {}
  try {
    for (const [name, pagePath] of Object.entries(pages)) {
      const reports: Array<{
        file: string
        lhr: LighthouseReport
        scores: Record<LighthouseCategory, number | null>
      }> = []
      for (let run = 1; run <= runs; run++) {
        const file = path.join(reportDir, `lighthouse-${name}-${run}.json`)
        await runLighthouse(`${server.url}${pagePath}`, file)
        const lhr = JSON.parse(await readFile(file, 'utf8')) as LighthouseReport
        reports.push({ file, lhr, scores: categoryScores(lhr) })
      }
      const scores = Object.fromEntries(
        LIGHTHOUSE_CATEGORIES.map((category) => [
          category,
          medianScore(reports.map((report) => report.scores[category])),
        ]),
      ) as Record<LighthouseCategory, number | null>
      const typical =
        reports.find((report) => report.scores.performance === scores.performance) ?? reports[0]!
      const failing = LIGHTHOUSE_CATEGORIES.flatMap(
        (category) => typical.lhr.categories[category]?.auditRefs ?? [],
      )
        .filter((ref) => ref.weight > 0)
        .map((ref) => ({ id: ref.id, ...typical.lhr.audits[ref.id]! }))
        .filter(
          (audit) =>
            audit.scoreDisplayMode !== 'notApplicable' &&
            audit.scoreDisplayMode !== 'informative' &&
            audit.score !== null &&
            audit.score < 1,
        )
        .map((audit) => ({ id: audit.id, title: audit.title, score: audit.score }))
      results[name] = {
        path: pagePath,
        scores,
        runs: reports.map((report) => report.scores),
        failing,
        report: typical.file,
      }
    }
  } finally {
    await server.close()
  }
  return results
}
