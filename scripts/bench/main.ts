/**
 * `npm run bench`: builds the sample site and synthetic sites of growing size with the real build pipeline
 * (scripts/build.ts), and prints one table of build time, memory, sizes, page weight, first-search bytes and
 * Lighthouse scores, followed by each budget as PASS/FAIL. The same figures go to bench-results/bench.json.
 *
 *   --sizes 1000,5000,20000   synthetic dataset sizes (documents); generated once into node_modules/.cache/bench-datasets/
 *   --skip-sample             do not build the sample dataset (dataset/)
 *   --skip-lighthouse         no Lighthouse runs (about 15 s per run)
 *   --lighthouse-runs 3       Lighthouse runs per page; the median score per category is reported
 *   --skip-search             no first-search measurement in Chromium
 *   --out bench-results/      where bench.json, the build logs and Lighthouse reports go
 *   --seed 1                  seed of the synthetic datasets
 *   --corpus realistic        realistic (words by real frequency, scripts/generate-dataset/lexicon.ts) or narrow
 *                             (the generator's own word lists; its index is about half as large): labelled in the table
 *   --memory-limit 14         stop a build whose processes hold more than this many GB (protects the machine)
 *   --strict                  exit 1 when a budget fails
 *
 * When `hugo` is on PATH, each synthetic size's published articles are also built by Hugo with minimal templates
 * (scripts/bench/hugo.ts) and both pages/s and their ratio are printed; nothing needs Hugo otherwise. Each synthetic
 * size is also measured against Astro alone building as many empty pages (scripts/bench/astroFloor.ts): the part of
 * the build time that is Astro's own, whatever the site renders.
 * The latest figures are kept in docs/benchmarks.md.
 *
 * Benchmarks print figures; no test asserts on timings.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { availableParallelism, totalmem } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { TEST_BUILD_TIME } from '../../tests/support/buildSite.ts'
import { countLines, parseSizes, sizeLabel, syntheticDataset } from './datasets.ts'
import { measureFirstSearch, measureLighthouse } from './browserMetrics.ts'
import {
  BUDGETS,
  GB,
  evaluateBudgets,
  formatBudgets,
  phaseBreakdown,
  resultsTable,
  type BenchResults,
  type SiteResult,
} from './report.ts'
import { buildEmptyAstroSite } from './astroFloor.ts'
import { buildWithHugo, hugoVersion } from './hugo.ts'
import { runBuild } from './runBuild.ts'
import { measureSite } from './siteWeight.ts'

const root = path.resolve(import.meta.dirname, '../..')
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,20000' },
    'skip-sample': { type: 'boolean', default: false },
    'skip-lighthouse': { type: 'boolean', default: false },
    'skip-search': { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench-results' },
    seed: { type: 'string', default: '1' },
    corpus: { type: 'string', default: 'realistic' },
    'memory-limit': { type: 'string', default: '14' },
    strict: { type: 'boolean', default: false },
  },
  strict: true,
})

if (!['realistic', 'narrow'].includes(values.corpus))
  throw new Error(`--corpus must be realistic or narrow, not "${values.corpus}"`)
const sizes = values.sizes.trim() ? parseSizes(values.sizes) : [] // --sizes '' builds the sample only
const outDir = path.resolve(root, values.out)
const memoryLimitBytes = Number(values['memory-limit']) * GB
if (!(memoryLimitBytes > 0))
  throw new Error(`--memory-limit must be a number of GB, not "${values['memory-limit']}"`)
const datasetCache = path.join(root, 'node_modules/.cache/bench-datasets')
const siteCache = path.join(root, 'node_modules/.cache/bench-sites')
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`)

await mkdir(outDir, { recursive: true })
const results: BenchResults = {
  startedAt: new Date().toISOString(),
  machine: { cpus: availableParallelism(), memoryBytes: totalmem(), node: process.version },
  sites: [],
  budgets: [],
}
const save = async () => {
  results.budgets = evaluateBudgets(results.sites)
  await writeFile(path.join(outDir, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`)
}

const targets: Array<{ label: string; dataset: () => Promise<string> }> = []
if (!values['skip-sample']) targets.push({ label: 'sample', dataset: async () => path.join(root, 'dataset') })
for (const size of sizes) {
  targets.push({
    // The narrow corpus understates a real archive's index: its columns say so.
    label: values.corpus === 'narrow' ? `${sizeLabel(size)} narrow` : sizeLabel(size),
    dataset: () => syntheticDataset(root, datasetCache, size, values.seed, values.corpus),
  })
}

const hugo = hugoVersion()
if (!hugo) progress('hugo is not installed: no comparison with Hugo (apt-get install hugo to add it)')
for (const target of targets) {
  progress(`${target.label}: preparing the dataset`)
  let dataset: string
  try {
    dataset = await target.dataset()
  } catch (error) {
    progress(`${target.label}: skipped, no dataset: ${(error as Error).message}`)
    continue
  }
  const documents = await countLines(path.join(dataset, 'data.ndjson')).catch(() => 0)
  if (documents === 0) {
    progress(`${target.label}: skipped, ${path.relative(root, dataset)}/data.ndjson is missing or empty`)
    continue
  }
  const siteDir = path.join(siteCache, target.label.replace(' ', '-'))
  progress(`${target.label}: building ${documents} documents into ${path.relative(root, siteDir)}/`)
  const build = await runBuild({
    root,
    dataset,
    outDir: siteDir,
    buildTime: TEST_BUILD_TIME,
    memoryLimitBytes,
    logFile: path.join(outDir, `build-${target.label}.log`),
  })
  progress(
    `${target.label}: ${build.ok ? 'built' : 'FAILED'} in ${build.wallSeconds.toFixed(1)} s, peak ${(build.memory.peakBytes / GB).toFixed(2)} GB`,
  )
  const site: SiteResult = {
    label: target.label,
    dataset: path.relative(root, dataset),
    documents,
    build,
    pages: build.log.pages ?? 0,
  }
  if (!build.ok) progress(`${target.label}: ${build.aborted ?? `exit ${build.exitCode}`}\n${build.tail}`)

  if (build.ok) {
    site.weight = await measureSite(siteDir)
    site.pages = site.weight.htmlPages
    if (!values['skip-search']) {
      progress(`${target.label}: first search in Chromium`)
      site.firstSearch = await measureFirstSearch(siteDir).catch((error: Error) => ({ error: error.message }))
    }
    if (target.label !== 'sample' && hugo) {
      progress(`${target.label}: the same articles with ${hugo.split(' ')[0]}`)
      site.hugo = await buildWithHugo(
        dataset,
        path.join(siteCache, `hugo-${target.label.replace(' ', '-')}`),
        TEST_BUILD_TIME,
      ).catch((error: Error) => ({ error: error.message }))
    }
    if (target.label !== 'sample') {
      progress(`${target.label}: Astro alone, ${site.pages} empty pages`)
      site.astroFloor = await buildEmptyAstroSite(
        root,
        path.join(siteCache, `astro-floor-${target.label.replace(' ', '-')}`),
        site.pages,
      ).catch((error: Error) => ({ error: error.message }))
    }
    if (target.label === 'sample' && !values['skip-lighthouse']) {
      const pages = Object.fromEntries(
        BUDGETS.lighthousePages.flatMap((name) =>
          site.weight!.pageTypes[name] ? [[name, site.weight!.pageTypes[name]!.path]] : [],
        ),
      )
      progress(`sample: Lighthouse (mobile) on ${Object.values(pages).join(', ')}`)
      site.lighthouse = await measureLighthouse(
        siteDir,
        pages,
        outDir,
        Math.max(1, Number(values['lighthouse-runs']) || 1),
      ).catch((error: Error) => ({ error: error.message }))
    }
  }
  results.sites.push(site)
  await save()
}

await save()
console.log(
  `\nBenchmark (${results.machine.cpus} CPUs, ${(results.machine.memoryBytes / GB).toFixed(0)} GB, Node ${results.machine.node})\n`,
)
console.log(resultsTable(results.sites))
console.log(
  '\nWhere the time and memory go (phase, wall time, CPU time, peak of the whole process tree, what the phase added, largest process):',
)
for (const site of results.sites) console.log(phaseBreakdown(site))
for (const site of results.sites) {
  const lighthouse = site.lighthouse && !('error' in site.lighthouse) ? site.lighthouse : undefined
  for (const [name, result] of Object.entries(lighthouse ?? {})) {
    const runs = result.runs
      .map((run) =>
        Object.values(run)
          .map((score) => score ?? '–')
          .join('/'),
      )
      .join(', ')
    console.log(
      `Lighthouse ${site.label} ${name}: runs ${runs}${result.failing.length > 0 ? `; points lost: ${result.failing.map((audit) => `${audit.id} (${audit.score})`).join(', ')}` : ''}`,
    )
  }
}
console.log(`\nBudgets\n${formatBudgets(results.budgets)}`)
console.log(`\nFigures written to ${path.relative(root, path.join(outDir, 'bench.json'))}`)
if (values.strict && results.budgets.some((budget) => budget.pass === false)) process.exitCode = 1
