/**
 * The bench's figures, the table it prints and the budgets it checks: pure functions over plain data, so that
 * tests/bench.test.ts can run them without a build.
 */
import type { FirstSearch, LighthouseCategory, LighthouseResult } from './browserMetrics.ts'
import type { AstroFloorRun } from './astroFloor.ts'
import type { HugoRun } from './hugo.ts'
import type { BuildRun } from './runBuild.ts'
import type { SiteWeight } from './siteWeight.ts'

export interface SiteResult {
  /** "sample" or the synthetic size ("1k", "5k", "20k"). */
  label: string
  dataset: string
  /** Documents in the dataset (lines of data.ndjson, drafts and scheduled documents included). */
  documents: number
  build: BuildRun
  /** HTML pages written (from the build's output, or Astro's count if the build did not finish). */
  pages: number
  weight?: SiteWeight
  firstSearch?: FirstSearch | { error: string }
  lighthouse?: Record<string, LighthouseResult> | { error: string }
  /** The same articles built by Hugo with minimal templates (only when hugo is installed). */
  hugo?: HugoRun | { error: string }
  /** As many empty pages built by Astro alone (scripts/bench/astroFloor.ts). */
  astroFloor?: AstroFloorRun | { error: string }
}

export interface BenchResults {
  startedAt: string
  machine: { cpus: number; memoryBytes: number; node: string }
  sites: SiteResult[]
  budgets: BudgetResult[]
}

// ---------------------------------------------------------------------------------------------------------------
// Units

export const KB = 1024
export const MB = 1024 ** 2
export const GB = 1024 ** 3

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || Number.isNaN(bytes)) return '–'
  if (bytes >= GB) return `${(bytes / GB).toFixed(2)} GB`
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`
  if (bytes >= KB) return `${(bytes / KB).toFixed(1)} KB`
  return `${bytes} B`
}

export function formatSeconds(seconds: number | undefined): string {
  return seconds === undefined || Number.isNaN(seconds) ? '–' : `${seconds.toFixed(1)} s`
}

// ---------------------------------------------------------------------------------------------------------------
// Derived figures

/** Build figures every row and budget uses, whether or not the build finished. */
export function buildFigures(site: SiteResult) {
  const { build } = site
  const search = build.memory.byPhase.find((phase) => /search/i.test(phase.phase))
  const totalSeconds = build.ok ? build.wallSeconds : undefined
  return {
    totalSeconds,
    renderSeconds: build.log.renderSeconds,
    searchIndexSeconds: build.log.searchIndexSeconds,
    imagesSeconds: build.log.imagesSeconds,
    renderPagesPerSecond:
      build.log.renderSeconds && site.pages ? site.pages / build.log.renderSeconds : undefined,
    buildPagesPerSecond: totalSeconds && site.pages ? site.pages / totalSeconds : undefined,
    peakBytes: build.memory.peakBytes,
    /**
     * The indexer's own peak as it reports it (it runs as a thread of Astro's process, beside rendering), else what
     * the search-index phase added on top of the build's memory when it began.
     */
    searchMemoryBytes:
      build.log.searchIndexMemoryBytes ??
      (search ? Math.max(0, search.peakBytes - search.startBytes) : undefined),
    searchPeakBytes: search?.peakBytes,
  }
}

function firstSearchOf(site: SiteResult): FirstSearch | undefined {
  return site.firstSearch && !('error' in site.firstSearch) ? site.firstSearch : undefined
}

function hugoOf(site: SiteResult): HugoRun | undefined {
  return site.hugo && !('error' in site.hugo) ? site.hugo : undefined
}

function astroFloorOf(site: SiteResult): AstroFloorRun | undefined {
  return site.astroFloor && !('error' in site.astroFloor) ? site.astroFloor : undefined
}

/** Astro's pages/s on empty pages over Hugo's: the most any Astro build can reach against Hugo. */
export function astroFloorHugoRatio(site: SiteResult): number | undefined {
  const hugo = hugoOf(site)
  const floor = astroFloorOf(site)
  return hugo && floor ? floor.pagesPerSecond / hugo.pagesPerSecond : undefined
}

/** This build's pages/s (whole build) over Hugo's on the same articles. */
export function hugoRatio(site: SiteResult): number | undefined {
  const hugo = hugoOf(site)
  const ours = buildFigures(site).buildPagesPerSecond
  return hugo && ours ? ours / hugo.pagesPerSecond : undefined
}

/** The same ratio by CPU time (pages per CPU second): what each spends per page, whatever else the machine runs. */
export function hugoCpuRatio(site: SiteResult): number | undefined {
  const hugo = hugoOf(site)
  if (!hugo?.cpuSeconds || !site.build.cpuSeconds || !site.pages) return undefined
  return site.pages / site.build.cpuSeconds / (hugo.pages / hugo.cpuSeconds)
}

function lighthouseOf(site: SiteResult): Record<string, LighthouseResult> | undefined {
  return site.lighthouse && !('error' in site.lighthouse) ? site.lighthouse : undefined
}

// ---------------------------------------------------------------------------------------------------------------
// The table: one row per figure, one column per dataset.

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(width(cell), ...rows.map((row) => width(row[column] ?? ''))),
  )
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => pad(cell, widths[column]!, column > 0)).join(' | ')} |`
  return [
    line(header),
    `|${widths.map((w, column) => (column > 0 ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n')
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let columns = 0
  for (const char of text)
    columns +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        char,
      )
        ? 2
        : 1
  return columns
}

function pad(text: string, columns: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, columns - width(text)))
  return right ? fill + text : text + fill
}

export function resultsTable(sites: SiteResult[]): string {
  const rows: string[][] = []
  const row = (label: string, cell: (site: SiteResult) => string) => rows.push([label, ...sites.map(cell)])
  const figures = new Map(sites.map((site) => [site, buildFigures(site)]))
  const f = (site: SiteResult) => figures.get(site)!

  row('documents', (site) => String(site.documents))
  row('pages (HTML)', (site) => String(site.pages || '–'))
  row('build status', (site) =>
    site.build.ok ? 'ok' : site.build.aborted ? 'stopped (memory)' : `failed (exit ${site.build.exitCode})`,
  )
  row('build total', (site) => formatSeconds(f(site).totalSeconds))
  row('  render (Astro)', (site) => formatSeconds(f(site).renderSeconds))
  row('  search index', (site) => formatSeconds(f(site).searchIndexSeconds))
  row('  images', (site) => formatSeconds(f(site).imagesSeconds))
  row('CPU time (all processes)', (site) => formatSeconds(site.build.cpuSeconds))
  row('  render CPU', (site) =>
    formatSeconds(site.build.memory.byPhase.find((phase) => phase.phase === 'render')?.cpuSeconds),
  )
  row('  search index CPU', (site) =>
    formatSeconds(site.build.memory.byPhase.find((phase) => /search/i.test(phase.phase))?.cpuSeconds),
  )
  row('pages/s (render)', (site) => f(site).renderPagesPerSecond?.toFixed(0) ?? '–')
  row('pages/s (whole build)', (site) => f(site).buildPagesPerSecond?.toFixed(0) ?? '–')
  row('Hugo, same articles: pages/s', (site) => {
    const hugo = hugoOf(site)
    if (!hugo) return site.hugo ? 'error' : '–'
    const runs =
      hugo.runs && hugo.runs.length > 1
        ? `, median of ${hugo.runs.length} runs of ${formatSeconds(Math.min(...hugo.runs))}–${formatSeconds(Math.max(...hugo.runs))}`
        : ''
    return `${hugo.pagesPerSecond.toFixed(0)} (${hugo.pages} pages, ${formatSeconds(hugo.seconds)}${runs})`
  })
  row('  pages/s ratio, this build / Hugo', (site) => hugoRatio(site)?.toFixed(2) ?? '–')
  row('  pages per CPU second, ratio', (site) => {
    const ratio = hugoCpuRatio(site)
    const hugo = hugoOf(site)
    return ratio === undefined ? '–' : `${ratio.toFixed(2)} (Hugo CPU ${formatSeconds(hugo?.cpuSeconds)})`
  })
  row('Astro alone, as many empty pages: pages/s', (site) => {
    const floor = astroFloorOf(site)
    if (!floor) return site.astroFloor ? 'error' : '–'
    return `${floor.pagesPerSecond.toFixed(0)} (${floor.pages} pages, ${formatSeconds(floor.seconds)})`
  })
  row('  its ratio to Hugo (the most Astro reaches)', (site) => astroFloorHugoRatio(site)?.toFixed(2) ?? '–')
  row('  this build beyond Astro alone', (site) => {
    const floor = astroFloorOf(site)
    const total = f(site).totalSeconds
    return floor && total !== undefined ? formatSeconds(total - floor.seconds) : '–'
  })
  row('peak memory (process tree)', (site) => formatBytes(f(site).peakBytes))
  row('  largest process at peak', (site) => {
    const top = site.build.memory.atPeak[0]
    return top ? `${top.command} ${formatBytes(top.rssBytes)}` : '–'
  })
  row('  search phase peak', (site) => formatBytes(f(site).searchPeakBytes))
  row('  search indexer memory / page', (site) => {
    const added = f(site).searchMemoryBytes
    return added !== undefined && site.pages ? `${(added / MB / site.pages).toFixed(3)} MB` : '–'
  })
  row('dist/ size', (site) => formatBytes(site.weight?.distBytes))
  row('search index size (dist/_search)', (site) => formatBytes(site.weight?.searchIndexBytes))
  // Per 1k documents, so that corpora (and real archives) can be compared: vocabulary drives the index's size.
  row('  per 1k documents', (site) =>
    site.weight && site.documents ? formatBytes((site.weight.searchIndexBytes / site.documents) * 1000) : '–',
  )
  row('distinct tokens in the index', (site) => site.build.log.searchIndexTokens?.toLocaleString('en') ?? '–')
  row('  per 1k documents', (site) =>
    site.build.log.searchIndexTokens && site.documents
      ? Math.round((site.build.log.searchIndexTokens / site.documents) * 1000).toLocaleString('en')
      : '–',
  )
  row('first search fetched', (site) => {
    const search = firstSearchOf(site)
    if (!search) return site.firstSearch ? 'error' : '–'
    return `${formatBytes(search.searchBytes)}${search.resultsShown ? '' : ' (no results)'}`
  })
  row('  same, text gzipped', (site) => formatBytes(firstSearchOf(site)?.searchGzipBytes))
  row('  page + images + search', (site) => formatBytes(firstSearchOf(site)?.totalBytes))
  const types = [...new Set(sites.flatMap((site) => Object.keys(site.weight?.pageTypes ?? {})))]
  for (const type of types) {
    row(`${type}: HTML+CSS gz / JS`, (site) => {
      const page = site.weight?.pageTypes[type]
      return page ? `${formatBytes(page.htmlCssGzipBytes)} / ${formatBytes(page.jsBytes)}` : '–'
    })
  }
  const lighthousePages = [...new Set(sites.flatMap((site) => Object.keys(lighthouseOf(site) ?? {})))]
  for (const name of lighthousePages) {
    row(`Lighthouse ${name} (perf/a11y/bp/seo)`, (site) => {
      const result = lighthouseOf(site)?.[name]
      return result
        ? Object.values(result.scores)
            .map((score) => score ?? '–')
            .join('/')
        : '–'
    })
  }
  return formatTable(['', ...sites.map((site) => site.label)], rows)
}

// ---------------------------------------------------------------------------------------------------------------
// Budgets

export interface BudgetResult {
  name: string
  limit: string
  actual: string
  /** undefined: could not be measured (the dataset was not built, the browser step was skipped). */
  pass: boolean | undefined
}

export const BUDGETS = {
  buildSeconds: 60,
  buildMemoryBytes: 2 * GB,
  /** Headroom: 25 % under buildMemoryBytes. */
  headroomMemoryBytes: 1.6 * GB,
  /** Search index written within this long after the last page. */
  searchAfterLastPageSeconds: 3,
  searchIndexerMemoryBytes: 300 * MB,
  /** Every page type, gzipped HTML + CSS, at the largest size. */
  pageTypeGzipBytes: 50 * KB,
  /** pages/s of the whole build against Hugo's on the same articles. */
  hugoRatio: 0.33,
  searchMemoryPerPageBytes: 0.1 * MB,
  articleHtmlCssGzipBytes: 15 * KB,
  /** The 大字 (large text) switch, on every page, and nothing else. */
  articleJsBytes: 1 * KB,
  firstSearchBytes: 150 * KB,
  lighthouseScore: 100,
  /** pages/s at the largest size may drop at most this much below the smallest synthetic size. */
  linearSlowdown: 0.3,
  lighthousePages: ['home', 'article', 'newsletterIssue'],
} as const

const sizeOf = (site: SiteResult) => site.documents

/** Every budget of the issue, evaluated on whatever was measured. */
export function evaluateBudgets(sites: SiteResult[]): BudgetResult[] {
  const budgets: BudgetResult[] = []
  const synthetic = sites.filter((site) => site.label !== 'sample').sort((a, b) => sizeOf(a) - sizeOf(b))
  const largest = synthetic[synthetic.length - 1]
  const smallest = synthetic[0]
  const sample = sites.find((site) => site.label === 'sample')

  // Whole build at the largest size.
  if (largest) {
    const f = buildFigures(largest)
    budgets.push({
      name: `${largest.label} documents: full build including search`,
      limit: `≤ ${BUDGETS.buildSeconds} s`,
      actual: largest.build.ok
        ? formatSeconds(f.totalSeconds)
        : `did not finish (${largest.build.aborted ? 'stopped at memory limit' : `exit ${largest.build.exitCode}`} after ${formatSeconds(largest.build.wallSeconds)})`,
      pass: largest.build.ok ? f.totalSeconds! <= BUDGETS.buildSeconds : false,
    })
    budgets.push({
      name: `${largest.label} documents: peak memory of the build`,
      limit: `≤ ${formatBytes(BUDGETS.buildMemoryBytes)}`,
      actual: `${formatBytes(f.peakBytes)}${largest.build.ok ? '' : ' (build did not finish)'}`,
      pass: f.peakBytes <= BUDGETS.buildMemoryBytes && largest.build.ok,
    })
  } else {
    budgets.push({
      name: 'largest dataset: full build',
      limit: `≤ ${BUDGETS.buildSeconds} s`,
      actual: 'not measured',
      pass: undefined,
    })
  }

  // Headroom, indexing pace and memory, page weight of every type, speed against Hugo: at the largest size.
  if (largest) {
    const f = buildFigures(largest)
    budgets.push({
      name: `${largest.label} documents: peak memory with headroom (25 % under ${formatBytes(BUDGETS.buildMemoryBytes)})`,
      limit: `≤ ${formatBytes(BUDGETS.headroomMemoryBytes)}`,
      actual: `${formatBytes(f.peakBytes)}${largest.build.ok ? '' : ' (build did not finish)'}`,
      pass: f.peakBytes <= BUDGETS.headroomMemoryBytes && largest.build.ok,
    })
    budgets.push({
      name: `${largest.label} documents: search index written after the last page`,
      limit: `≤ ${formatSeconds(BUDGETS.searchAfterLastPageSeconds)}`,
      actual: formatSeconds(f.searchIndexSeconds),
      pass:
        f.searchIndexSeconds === undefined
          ? undefined
          : f.searchIndexSeconds <= BUDGETS.searchAfterLastPageSeconds,
    })
    const indexerMemory = largest.build.log.searchIndexMemoryBytes
    budgets.push({
      name: `${largest.label} documents: search indexer's own memory`,
      limit: `≤ ${formatBytes(BUDGETS.searchIndexerMemoryBytes)}`,
      actual: formatBytes(indexerMemory),
      pass: indexerMemory === undefined ? undefined : indexerMemory <= BUDGETS.searchIndexerMemoryBytes,
    })
    const types = Object.entries(largest.weight?.pageTypes ?? {})
    const heavy = types.filter(([, page]) => page.htmlCssGzipBytes > BUDGETS.pageTypeGzipBytes)
    const heaviest = types.reduce<[string, number] | undefined>(
      (max, [name, page]) => (!max || page.htmlCssGzipBytes > max[1] ? [name, page.htmlCssGzipBytes] : max),
      undefined,
    )
    budgets.push({
      name: `${largest.label} documents: every page type, gzipped HTML + CSS`,
      limit: `≤ ${formatBytes(BUDGETS.pageTypeGzipBytes)}`,
      actual:
        types.length === 0
          ? 'not measured'
          : heavy.length > 0
            ? heavy.map(([name, page]) => `${name} ${formatBytes(page.htmlCssGzipBytes)}`).join(', ')
            : `all ${types.length} types; heaviest ${heaviest![0]} ${formatBytes(heaviest![1])}`,
      pass: types.length === 0 ? undefined : heavy.length === 0,
    })
    const ratio = hugoRatio(largest)
    const astroAloneRatio = astroFloorHugoRatio(largest)
    budgets.push({
      name: `${largest.label} documents: pages/s of the whole build against Hugo's on the same articles`,
      limit: `≥ ${BUDGETS.hugoRatio}`,
      actual:
        ratio !== undefined
          ? `${ratio.toFixed(2)} (${buildFigures(largest).buildPagesPerSecond!.toFixed(0)} vs ${hugoOf(largest)!.pagesPerSecond.toFixed(0)} pages/s)` +
            (astroAloneRatio === undefined
              ? ''
              : `; Astro alone, with as many empty pages: ${astroAloneRatio.toFixed(2)}`)
          : largest.hugo && 'error' in largest.hugo
            ? `Hugo failed: ${largest.hugo.error}`
            : 'not measured (hugo is not installed)',
      pass: ratio === undefined ? undefined : ratio >= BUDGETS.hugoRatio,
    })
  }

  // Search indexing memory per page, or sub-linear growth across sizes.
  const measured = synthetic.filter(
    (site) => buildFigures(site).searchMemoryBytes !== undefined && site.pages > 0,
  )
  if (measured.length > 0) {
    const perPage = measured.map((site) => ({
      site,
      perPage: buildFigures(site).searchMemoryBytes! / site.pages,
    }))
    const worst = perPage.reduce((a, b) => (b.perPage > a.perPage ? b : a))
    let growth = ''
    let subLinear = false
    if (measured.length >= 2) {
      const [a, b] = [measured[0]!, measured[measured.length - 1]!]
      const exponent =
        Math.log(buildFigures(b).searchMemoryBytes! / Math.max(1, buildFigures(a).searchMemoryBytes!)) /
        Math.log(b.pages / a.pages)
      subLinear = Number.isFinite(exponent) && exponent < 0.8
      growth = `; grows as pages^${exponent.toFixed(2)} from ${a.label} to ${b.label}`
    }
    budgets.push({
      name: 'search indexing memory per page (Chinese text)',
      limit: `≤ ${(BUDGETS.searchMemoryPerPageBytes / MB).toFixed(1)} MB/page, or sub-linear growth`,
      actual: `${perPage.map(({ site, perPage: bytes }) => `${site.label} ${(bytes / MB).toFixed(2)}`).join(', ')} MB/page${growth}`,
      pass: worst.perPage <= BUDGETS.searchMemoryPerPageBytes || subLinear,
    })
  } else {
    budgets.push({
      name: 'search indexing memory per page (Chinese text)',
      limit: `≤ ${(BUDGETS.searchMemoryPerPageBytes / MB).toFixed(1)} MB/page`,
      actual: 'no search-index phase in the build log',
      pass: undefined,
    })
  }

  // Article page weight, on every site built.
  const withArticle = sites.filter((site) => site.weight?.pageTypes.article)
  if (withArticle.length > 0) {
    const articles = withArticle.map((site) => ({ site, page: site.weight!.pageTypes.article! }))
    budgets.push({
      name: 'article page: gzipped HTML + CSS',
      limit: `≤ ${formatBytes(BUDGETS.articleHtmlCssGzipBytes)}`,
      actual: articles
        .map(({ site, page }) => `${site.label} ${formatBytes(page.htmlCssGzipBytes)}`)
        .join(', '),
      pass: articles.every(({ page }) => page.htmlCssGzipBytes <= BUDGETS.articleHtmlCssGzipBytes),
    })
    budgets.push({
      name: 'article page: JavaScript',
      limit: `≤ ${formatBytes(BUDGETS.articleJsBytes)} (the 大字 switch)`,
      actual: articles.map(({ site, page }) => `${site.label} ${formatBytes(page.jsBytes)}`).join(', '),
      pass: articles.every(({ page }) => page.jsBytes <= BUDGETS.articleJsBytes),
    })
  } else {
    budgets.push({
      name: 'article page weight',
      limit: `≤ ${formatBytes(BUDGETS.articleHtmlCssGzipBytes)}, ≤ ${formatBytes(BUDGETS.articleJsBytes)} JS`,
      actual: 'not measured',
      pass: undefined,
    })
  }

  // First search.
  const searched = sites.filter((site) => site.firstSearch)
  if (searched.length > 0) {
    budgets.push({
      name: 'first search: bytes the search fetches (script, manifest, buckets, result documents; uncompressed host)',
      limit: `≤ ${formatBytes(BUDGETS.firstSearchBytes)}, results shown`,
      actual: searched
        .map((site) => {
          const search = firstSearchOf(site)
          return `${site.label} ${search ? `${formatBytes(search.searchBytes)}${search.resultsShown ? '' : ' no results'}` : 'error'}`
        })
        .join(', '),
      pass: searched.every((site) => {
        const search = firstSearchOf(site)
        return !!search && search.resultsShown && search.searchBytes <= BUDGETS.firstSearchBytes
      }),
    })
  } else {
    budgets.push({
      name: 'first search: bytes fetched',
      limit: `≤ ${formatBytes(BUDGETS.firstSearchBytes)}`,
      actual: 'not measured',
      pass: undefined,
    })
  }

  // Lighthouse on the sample site.
  const lighthouse = sample && lighthouseOf(sample)
  if (lighthouse) {
    const below = BUDGETS.lighthousePages.flatMap((name) => {
      const result = lighthouse[name]
      if (!result) return [`${name}: not measured`]
      return (Object.entries(result.scores) as Array<[LighthouseCategory, number | null]>)
        .filter(([, score]) => score !== BUDGETS.lighthouseScore)
        .map(([category, score]) => `${name} ${category} ${score ?? '–'}`)
    })
    budgets.push({
      name: 'Lighthouse mobile on the sample site (home, article, newsletter issue)',
      limit: `${BUDGETS.lighthouseScore} in all four categories`,
      actual: below.length === 0 ? 'all 100' : below.join(', '),
      pass: below.length === 0,
    })
  } else {
    budgets.push({
      name: 'Lighthouse mobile on the sample site',
      limit: `${BUDGETS.lighthouseScore} in all four categories`,
      actual:
        sample?.lighthouse && 'error' in sample.lighthouse
          ? `error: ${String(sample.lighthouse.error).split('\n')[0]}`
          : 'not measured',
      pass: sample?.lighthouse ? false : undefined,
    })
  }

  // Linear growth: pages per second at the largest size against the smallest.
  if (smallest && largest && smallest !== largest) {
    const [a, b] = [buildFigures(smallest), buildFigures(largest)]
    const ratio = (x?: number, y?: number) => (x && y ? y / x : undefined)
    const whole = ratio(a.buildPagesPerSecond, b.buildPagesPerSecond)
    const render = ratio(a.renderPagesPerSecond, b.renderPagesPerSecond)
    budgets.push({
      name: `time grows linearly: pages/s at ${largest.label} vs ${smallest.label}`,
      limit: `≥ ${Math.round((1 - BUDGETS.linearSlowdown) * 100)} % (whole build and render)`,
      actual: `whole build ${whole ? `${Math.round(whole * 100)} %` : 'not measured'}, render ${render ? `${Math.round(render * 100)} %` : 'not measured'}`,
      pass:
        whole !== undefined && render !== undefined
          ? whole >= 1 - BUDGETS.linearSlowdown && render >= 1 - BUDGETS.linearSlowdown
          : largest.build.ok
            ? undefined
            : false,
    })
  }
  return budgets
}

export function formatBudgets(budgets: BudgetResult[]): string {
  return budgets
    .map(
      (budget) =>
        `${budget.pass === undefined ? 'N/A ' : budget.pass ? 'PASS' : 'FAIL'}  ${budget.name}: ${budget.actual} (budget ${budget.limit})`,
    )
    .join('\n')
}

/** Where the build spent its time and memory, phase by phase, for the diagnosis. */
export function phaseBreakdown(site: SiteResult): string {
  const lines = site.build.memory.byPhase.map((phase) =>
    // A phase shorter than the sampling interval has no sample of its own.
    phase.top && phase.peakBytes > 0
      ? `  ${phase.phase.padEnd(32)} ${formatSeconds(phase.seconds).padStart(8)}  CPU ${formatSeconds(phase.cpuSeconds).padStart(8)}   peak ${formatBytes(phase.peakBytes).padStart(9)}` +
        `   (+${formatBytes(Math.max(0, phase.peakBytes - phase.startBytes))})   largest: ${phase.top.command} ${formatBytes(phase.top.rssBytes)}`
      : `  ${phase.phase.padEnd(32)} ${formatSeconds(phase.seconds).padStart(8)}`,
  )
  const cpu = site.build.cpuSecondsByCommand
    .map(({ command, cpuSeconds }) => `${command} ${formatSeconds(cpuSeconds)}`)
    .join(', ')
  return [
    `${site.label} (${site.documents} documents, ${site.pages} pages, load average ${site.build.loadAverage.toFixed(1)} at start; CPU: ${cpu}):`,
    ...lines,
  ].join('\n')
}
