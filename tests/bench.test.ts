import { spawnSync } from 'node:child_process'
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'groq-js'
import { parseBuildLog } from '../scripts/bench/buildLog.ts'
import { scanScope } from '../site/lib/content.ts'
import { articlesQuery, siteSettingsQuery } from '../site/lib/queries.ts'
import { parseSizes, sizeLabel } from '../scripts/bench/datasets.ts'
import { describeCommand } from '../scripts/bench/processTree.ts'
import {
  GB,
  KB,
  MB,
  evaluateBudgets,
  formatBudgets,
  formatTable,
  resultsTable,
  type SiteResult,
} from '../scripts/bench/report.ts'
import type { BuildRun } from '../scripts/bench/runBuild.ts'
import { gzipSize, measurePage, pageResources, scriptImports } from '../scripts/bench/siteWeight.ts'
import { medianScore } from '../scripts/bench/browserMetrics.ts'
import { portableTextMarkdown } from '../scripts/bench/hugo.ts'
import { childCpuSeconds, runTimed } from '../scripts/bench/timedCommand.ts'
import { buildEmptyAstroSite } from '../scripts/bench/astroFloor.ts'
import { makeOutputRoot, ROOT } from './support/buildSite.ts'

// The bench's helpers on small inputs. No site builds here (only Astro's floor, on three empty pages), and no
// assertion on how fast anything is.

function fakeBuild(overrides: {
  seconds: number
  renderSeconds: number
  peak: number
  searchStart: number
  searchPeak: number
  ok?: boolean
}): BuildRun {
  return {
    ok: overrides.ok ?? true,
    exitCode: overrides.ok === false ? 1 : 0,
    wallSeconds: overrides.seconds,
    log: { phases: [], renderSeconds: overrides.renderSeconds, searchIndexSeconds: overrides.seconds / 2 },
    memory: {
      peakBytes: overrides.peak,
      peakAtSeconds: 1,
      atPeak: [{ pid: 1, command: 'node build.ts', rssBytes: overrides.searchPeak - overrides.searchStart }],
      peakByCommand: [],
      byPhase: [
        {
          phase: 'render',
          seconds: overrides.renderSeconds,
          cpuSeconds: overrides.renderSeconds,
          peakBytes: overrides.searchStart,
          startBytes: 0,
        },
        {
          phase: 'search-index',
          seconds: 1,
          cpuSeconds: 1,
          peakBytes: overrides.searchPeak,
          startBytes: overrides.searchStart,
          top: { command: 'node build.ts', rssBytes: 1 },
        },
      ],
    },
    cpuSeconds: overrides.seconds,
    cpuSecondsByCommand: [{ command: 'node astro.mjs', cpuSeconds: overrides.seconds }],
    loadAverage: 0,
    tail: '',
  }
}

function fakeSite(
  label: string,
  documents: number,
  pages: number,
  build: BuildRun,
  articleGzip = 8 * KB,
  articleJs = 0,
): SiteResult {
  const page = {
    path: '/articles/a/',
    htmlBytes: 1,
    htmlGzipBytes: articleGzip,
    cssGzipBytes: 0,
    htmlCssGzipBytes: articleGzip,
    jsBytes: articleJs,
    jsGzipBytes: articleJs,
    jsFiles: [],
  }
  return {
    label,
    dataset: label,
    documents,
    pages,
    build,
    weight: {
      distBytes: 10 * MB,
      distFiles: pages,
      htmlPages: pages,
      searchIndexBytes: MB,
      searchIndexFiles: 3,
      pageTypes: { article: page },
    },
    firstSearch: {
      query: '校友',
      resultsShown: true,
      searchBytes: 90 * KB,
      searchGzipBytes: 80 * KB,
      totalBytes: 100 * KB,
      requests: [],
    },
  }
}

/** Hugo building the same 10,000 articles at 1,000 pages/s. */
const HUGO_BUILD = {
  version: 'hugo v0.111.3',
  articles: 10000,
  pages: 10001,
  seconds: 10,
  pagesPerSecond: 1000,
}

describe('bench helpers', () => {
  it('reads dataset sizes written as numbers or with a k, and labels them back', () => {
    expect(parseSizes('1000,5k, 20000')).toEqual([1000, 5000, 20000])
    expect(() => parseSizes('1000,lots')).toThrow(/"lots"/)
    expect([1000, 1500, 20000, 800].map(sizeLabel)).toEqual(['1k', '1.5k', '20k', '800'])
  })

  it('names a process by its program and the script it runs', () => {
    expect(
      describeCommand([
        '/work/node_modules/node/bin/node',
        '/work/node_modules/astro/bin/astro.mjs',
        'build',
      ]),
    ).toBe('node astro.mjs')
    expect(describeCommand(['/usr/lib/chromium/chromium', '--headless'])).toBe('chromium')
  })

  it('splits a build log into phases, keeping the durations the build printed', () => {
    const log = parseBuildLog(
      [
        { t: 100, text: '12:00:00 [build] Building static entrypoints...' },
        { t: 4000, text: ' generating static routes ' },
        { t: 4100, text: '12:00:04   ├─ /index.html (+5ms)' },
        { t: 9000, text: '12:00:09 ✓ Completed in 4.97s.' },
        { t: 9010, text: '12:00:09 [build] ✓ Completed in 5.98s.' },
        { t: 9100, text: '12:00:09 [@astrojs/sitemap] `sitemap-index.xml` created' },
        {
          t: 12000,
          text: '12:00:12 [build] Waiting for integration "alumni-news:local-images", hook "astro:build:done"...',
        },
        { t: 13900, text: '12:00:13 [alumni-news:local-images] 138 image variants (0 newly resized)' },
        { t: 14000, text: '12:00:14 [build] 1060 page(s) built in 13.97s' },
        {
          t: 26300,
          text: '[search-index] 954 of 1079 pages indexed in 12.3s; 310 buckets, 4.3 MB; peak memory 180 MB',
        },
        { t: 26310, text: 'Site written to dist/' },
      ],
      26600,
    )
    expect(log.phases.map((phase) => phase.name)).toEqual([
      'setup',
      'render',
      '@astrojs/sitemap',
      'alumni-news:local-images',
      'astro finish',
      'search-index',
      'swap into place',
    ])
    expect(log.renderSeconds).toBe(4.97)
    expect(log.searchIndexSeconds).toBe(12.3)
    expect(log.imagesSeconds).toBeCloseTo(4.8)
    expect(log.pages).toBe(1060)
    expect(log.astroSeconds).toBe(13.97)
  })

  it('measures gzip size as a host sends it', () => {
    const html = `<!doctype html><html lang="zh-CN"><body>${'校友新闻 '.repeat(500)}</body></html>`
    const size = gzipSize(html)
    expect(size).toBeGreaterThan(0)
    expect(size).toBeLessThan(Buffer.byteLength(html) / 10)
    expect(gunzipSync(gzipSync(html)).toString()).toBe(html)
  })

  it('finds the JavaScript a page loads, but not JSON-LD', () => {
    const resources = pageResources(
      `<script type="application/ld+json">{"@type":"NewsArticle"}</script>` +
        `<script type="module" src="/_astro/copy.js"></script><script>console.log(1)</script>` +
        `<link rel="modulepreload" href="/_astro/chunk.js"><link rel="stylesheet" href="/print.css" media="print">`,
    )
    expect(resources).toEqual({
      scripts: ['/_astro/copy.js', '/_astro/chunk.js'],
      inlineScripts: ['console.log(1)'],
      stylesheets: ['/print.css'],
    })
    expect(scriptImports('import{a}from"./chunk.js";import("./lazy.js");import "./side.js"')).toEqual([
      './chunk.js',
      './lazy.js',
      './side.js',
    ])
  })

  describe('weighing a built page', () => {
    let root: string
    beforeAll(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'bench-page-'))
      await mkdir(path.join(root, 'articles/a'), { recursive: true })
      await mkdir(path.join(root, '_astro'), { recursive: true })
      await writeFile(
        path.join(root, 'articles/a/index.html'),
        '<html><head><style>body{margin:0}</style></head><body><p>文章</p></body></html>',
      )
      await writeFile(
        path.join(root, 'index.html'),
        '<html><body><script type="module" src="/_astro/a.js"></script></body></html>',
      )
      await writeFile(path.join(root, '_astro/a.js'), 'import{b}from"./b.js";b()')
      await writeFile(path.join(root, '_astro/b.js'), 'export function b(){}')
    })
    afterAll(() => rm(root, { recursive: true, force: true }))

    it('counts no JavaScript on a page without scripts', async () => {
      const page = await measurePage(root, '/articles/a/')
      expect(page.jsBytes).toBe(0)
      expect(page.htmlCssGzipBytes).toBe(page.htmlGzipBytes)
    })

    it('counts a script file and the modules it imports', async () => {
      const page = await measurePage(root, '/')
      expect(page.jsFiles).toEqual(['/_astro/a.js', '/_astro/b.js'])
      expect(page.jsBytes).toBe('import{b}from"./b.js";b()'.length + 'export function b(){}'.length)
    })
  })

  it('keeps the median Lighthouse score of several runs', () => {
    expect(medianScore([97, 100, 99])).toBe(99)
    expect(medianScore([100, 98])).toBe(98)
    expect(medianScore([null, 100, 100])).toBe(100)
    expect(medianScore([])).toBeNull()
  })

  it('lays out a table with right-aligned figures and CJK-aware widths', () => {
    expect(
      formatTable(
        ['', '1k'],
        [
          ['页面', '12'],
          ['pages', '1079'],
        ],
      ),
    ).toBe(['|       |   1k |', '|-------|-----:|', '| 页面  |   12 |', '| pages | 1079 |'].join('\n'))
  })

  it('passes every budget a fast, lean build meets', () => {
    const small = fakeSite(
      '1k',
      1000,
      1000,
      fakeBuild({ seconds: 5, renderSeconds: 2, peak: GB / 2, searchStart: 300 * MB, searchPeak: 350 * MB }),
    )
    const large = fakeSite(
      '20k',
      20000,
      20000,
      fakeBuild({
        seconds: 50,
        renderSeconds: 20,
        peak: 1.5 * GB,
        searchStart: 900 * MB,
        searchPeak: 1000 * MB,
      }),
    )
    large.build.log.searchIndexSeconds = 1.2
    large.build.log.searchIndexMemoryBytes = 200 * MB
    large.hugo = HUGO_BUILD
    large.astroFloor = { pages: 20000, seconds: 10, pagesPerSecond: 2000 }
    const budgets = evaluateBudgets([small, large])
    expect(budgets.filter((budget) => budget.pass !== true).map((budget) => budget.name)).toEqual([
      'Lighthouse mobile on the sample site',
    ])
    expect(budgets.find((budget) => budget.name.startsWith('Lighthouse'))!.pass).toBeUndefined()
    expect(resultsTable([small, large])).toContain('| pages/s (render)')
    const table = resultsTable([small, large]).split('\n')
    expect(table.find((line) => line.includes('pages/s ratio, this build / Hugo'))).toMatch(
      /\| +– \| +0\.40 \|$/,
    )
    expect(table.find((line) => line.includes('Hugo, same articles'))).toContain('1000 (10001 pages, 10.0 s)')
    expect(table.find((line) => line.includes('Astro alone, as many empty pages'))).toContain(
      '2000 (20000 pages, 10.0 s)',
    )
    expect(table.find((line) => line.includes('its ratio to Hugo'))).toMatch(/\| +– \| +2\.00 \|$/)
    expect(table.find((line) => line.includes('this build beyond Astro alone'))).toMatch(
      /\| +– \| +40\.0 s \|$/,
    )
    expect(budgets.find((budget) => budget.name.includes('against Hugo'))!.actual).toBe(
      '0.40 (400 vs 1000 pages/s); Astro alone, with as many empty pages: 2.00',
    )
    large.hugo = { ...HUGO_BUILD, runs: [9.5, 10, 12.25] }
    expect(resultsTable([small, large])).toContain(
      '1000 (10001 pages, 10.0 s, median of 3 runs of 9.5 s–12.3 s)',
    )
  })

  it('fails the budgets a slow, memory-hungry build and a heavy article break', () => {
    const small = fakeSite(
      '1k',
      1000,
      1000,
      fakeBuild({ seconds: 20, renderSeconds: 5, peak: GB, searchStart: 600 * MB, searchPeak: GB }),
    )
    const large = fakeSite(
      '20k',
      20000,
      20000,
      fakeBuild({
        seconds: 900,
        renderSeconds: 200,
        peak: 12 * GB,
        searchStart: 4 * GB,
        searchPeak: 12 * GB,
      }),
      20 * KB,
      2 * KB,
    )
    large.build.log.searchIndexMemoryBytes = 735 * MB
    large.hugo = HUGO_BUILD
    large.weight!.pageTypes.giving = { ...large.weight!.pageTypes.article!, htmlCssGzipBytes: 319 * KB }
    const failed = evaluateBudgets([small, large])
      .filter((budget) => budget.pass === false)
      .map((budget) => budget.name)
    expect(failed).toEqual([
      '20k documents: full build including search',
      '20k documents: peak memory of the build',
      '20k documents: peak memory with headroom (25 % under 2.00 GB)',
      '20k documents: search index written after the last page',
      "20k documents: search indexer's own memory",
      '20k documents: every page type, gzipped HTML + CSS',
      "20k documents: pages/s of the whole build against Hugo's on the same articles",
      'article page: gzipped HTML + CSS',
      'article page: JavaScript',
      'time grows linearly: pages/s at 20k vs 1k',
    ])
    expect(formatBudgets(evaluateBudgets([small, large]))).toMatch(
      /^FAIL {2}20k documents: full build including search: 900\.0 s/m,
    )
  })

  it('fails the time and memory budgets of a build the memory guard stopped', () => {
    const stopped = fakeSite('20k', 20000, 0, {
      ...fakeBuild({
        seconds: 300,
        renderSeconds: 30,
        peak: 14 * GB,
        searchStart: 4 * GB,
        searchPeak: 14 * GB,
        ok: false,
      }),
      aborted: 'stopped',
    })
    const budgets = evaluateBudgets([stopped])
    expect(budgets[0]).toMatchObject({ pass: false, actual: expect.stringContaining('did not finish') })
    expect(budgets[1]).toMatchObject({ pass: false })
  })
})

// The render-path fix the bench led to: a query filtered on one type only scans that type's documents.
describe('content source scan scope', () => {
  const scope = (query: string) => scanScope(parse(query, { params: { now: '2026-01-01T00:00:00Z' } }))

  it('narrows a query whose only * is filtered on its type or id', () => {
    expect(scope(articlesQuery)).toEqual({ type: 'article' })
    expect(scope(siteSettingsQuery)).toEqual({ id: 'siteSettings' })
    expect(scope('*[defined(slug) && (_type == "event")]{_id}')).toEqual({ type: 'event' })
  })

  it('scans the whole dataset when the type is not a top-level condition or a sub-query needs every document', () => {
    expect(scope('*[_type == "article" || _type == "event"]')).toBeUndefined()
    expect(scope('*[!(_type == "article")]')).toBeUndefined()
    expect(scope('*[author._type == "person"]')).toBeUndefined()
    expect(
      scope('*[_type == "person"]{ "articles": *[_type == "article" && references(^._id)]._id }'),
    ).toBeUndefined()
  })
})

describe('Hugo yardstick', () => {
  it('writes Portable Text as Markdown paragraphs, headings, list items and quotes', () => {
    const span = (text: string) => ({ _type: 'span', text })
    expect(
      portableTextMarkdown([
        { _type: 'block', style: 'normal', children: [span('校友'), span('返校')] },
        { _type: 'block', style: 'h2', children: [span('一、活动')] },
        { _type: 'block', listItem: 'number', children: [span('第一')] },
        { _type: 'block', style: 'blockquote', children: [span('引文')] },
        { _type: 'image' },
      ]),
    ).toBe('校友返校\n\n## 一、活动\n\n1. 第一\n\n> 引文')
  })

  it("reads Hugo's CPU time from the shell's times, which counts a child's CPU", () => {
    expect(childCpuSeconds('0m0.010000s 0m0.002000s\n1m2.500000s 0m0.500000s\n')).toBeCloseTo(63, 6)
    expect(childCpuSeconds('no times here')).toBeUndefined()
    const busyChild = 'sh -c "i=0; while [ \\$i -lt 200000 ]; do i=\\$((i+1)); done"; times'
    const output = spawnSync('sh', ['-c', busyChild], { encoding: 'utf8' }).stdout
    expect(childCpuSeconds(output)).toBeGreaterThan(0.02)
  })

  it('times a command with its exit status and CPU time', async () => {
    const busy = await runTimed('sh', ['-c', 'i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; exit 3'])
    expect(busy.code).toBe(3)
    expect(busy.cpuSeconds).toBeGreaterThan(0.02)
    expect(busy.seconds).toBeGreaterThanOrEqual(busy.cpuSeconds! * 0.5)
  })
})

describe("Astro's floor", () => {
  it('builds as many empty pages as asked with the project’s Astro', async () => {
    const projectDir = path.join(await makeOutputRoot('astro-floor'), 'site')
    try {
      const run = await buildEmptyAstroSite(ROOT, projectDir, 3)
      expect(run.pages).toBe(3)
      expect(run.pagesPerSecond).toBeCloseTo(3 / run.seconds, 6)
      const page = await readFile(path.join(projectDir, 'dist/p2/index.html'), 'utf8')
      expect(page).toContain('<html lang="zh-CN">')
      expect(page).toContain('第 2 篇')
    } finally {
      await rm(path.dirname(projectDir), { recursive: true, force: true })
    }
  })
})
