/**
 * Experiment behind the bench's search-index proposals: indexes an already built site with Pagefind in several ways,
 * each in its own process, and reports time, peak memory of the process tree (Node + pagefind binary), index size
 * and the bytes a first search fetches with the site's own search page.
 *
 *   node scripts/bench/searchVariants.ts --site node_modules/.cache/bench-sites/5k [--variants current,short] [--chars 300]
 *     [--env _RJEM_MALLOC_CONF=narenas:1,dirty_decay_ms:0,muzzy_decay_ms:0] [--env RAYON_NUM_THREADS=1]
 *
 * Variants:
 *   current      what site/integrations/searchIndex.ts does: the page body, a word boundary between Han characters
 *   words        the page body as Pagefind's own segmenter (jieba) splits it
 *   short        title, filters and metadata, plus the first --chars characters of the body text, Han characters separated
 *   short-words  the same as `short`, segmented by Pagefind
 *
 * The site is copied with hard links into node_modules/.cache/bench-search/<variant>/ and its pagefind/ replaced.
 */
import { spawn } from 'node:child_process'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as pagefind from 'pagefind'
import { htmlForIndex } from '../../site/lib/search/indexHtml.ts'
import { WORD_BOUNDARY } from '../../site/lib/search/hanText.ts'
import { measureFirstSearch } from './browserMetrics.ts'
import { sampleProcessTree } from './processTree.ts'
import { MB, formatBytes, formatTable } from './report.ts'

const VARIANTS = ['current', 'words', 'short', 'short-words'] as const
type Variant = (typeof VARIANTS)[number]

const root = path.resolve(import.meta.dirname, '../..')
const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    variants: { type: 'string', default: VARIANTS.join(',') },
    chars: { type: 'string', default: '300' },
    /** Split the pages into this many indexes, built one after another by separate processes. */
    shards: { type: 'string', default: '1' },
    shard: { type: 'string', default: '0' },
    child: { type: 'string' },
    out: { type: 'string' },
    /** NAME=VALUE for the indexing process and the pagefind binary, e.g. _RJEM_MALLOC_CONF=dirty_decay_ms:0 */
    env: { type: 'string', multiple: true, default: [] },
  },
})

const PAGEFIND_ELEMENT = /<[^>]*\bdata-pagefind-(?:filter|meta)=[^>]*>[^<]*<\/[a-z0-9]+>/gi

/** Title, filters, metadata and the first `chars` characters of the indexed text, as a small page for Pagefind. */
export function shortPage(indexHtml: string, chars: number, separated: boolean): string {
  const start = indexHtml.search(/<[^>]*\bdata-pagefind-body/)
  const region = indexHtml.slice(Math.max(0, start))
  const tagged = region.match(PAGEFIND_ELEMENT) ?? []
  const text = region
    .replace(PAGEFIND_ELEMENT, ' ')
    .replace(/<([a-z0-9]+)\b[^>]*\bdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  let kept = ''
  let count = 0
  for (const char of text) {
    if (char !== WORD_BOUNDARY && ++count > chars) break
    kept += char
  }
  const page = `<!doctype html><html lang="zh-CN"><body><main data-pagefind-body>${tagged.join('')}<p>${kept}</p></main></body></html>`
  return separated ? page : page.replaceAll(WORD_BOUNDARY, '')
}

async function indexSite(variant: Variant, site: string, out: string, chars: number, shard: number, shards: number) {
  const started = performance.now()
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(errors.join('; '))
  const files = (await readdir(site, { recursive: true }))
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .sort()
    .filter((_, index) => index % shards === shard)
  let indexed = 0
  const queue = [...files]
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const html = htmlForIndex(await readFile(path.join(site, file), 'utf8'))
      if (html === undefined) continue
      const content =
        variant === 'current' ? html : variant === 'words' ? html.replaceAll(WORD_BOUNDARY, '') : shortPage(html, chars, variant === 'short')
      const url = `/${file.split(path.sep).join('/')}`.replace(/index\.html$/, '')
      const added = await index.addHTMLFile({ url, content })
      if (added.errors.length > 0) throw new Error(`${file}: ${added.errors.join('; ')}`)
      indexed++
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  const addSeconds = (performance.now() - started) / 1000
  process.stdout.write(`added ${indexed}\n`)
  const written = await index.writeFiles({ outputPath: path.join(out, shard === 0 ? 'pagefind' : `pagefind-shard-${shard}`) })
  if (written.errors.length > 0) throw new Error(written.errors.join('; '))
  await pagefind.close()
  process.stdout.write(`${JSON.stringify({ indexed, addSeconds, writeSeconds: (performance.now() - started) / 1000 - addSeconds })}\n`)
}

async function folderBytes(folder: string): Promise<number> {
  const { stat } = await import('node:fs/promises')
  let total = 0
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size
  }
  return total
}

async function run(command: string, args: string[]): Promise<void> {
  const code = await new Promise<number | null>((resolve) => spawn(command, args, { stdio: 'inherit' }).on('close', resolve))
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${code})`)
}

if (values.child) {
  await indexSite(values.child as Variant, values.site!, values.out!, Number(values.chars), Number(values.shard), Number(values.shards))
} else {
  if (!values.site) throw new Error('--site <built site folder> is required')
  const site = path.resolve(values.site)
  const variants = values.variants.split(',') as Variant[]
  const rows: string[][] = []
  for (const variant of variants) {
    if (!VARIANTS.includes(variant)) throw new Error(`unknown variant "${variant}" (${VARIANTS.join(', ')})`)
    const out = path.join(root, 'node_modules/.cache/bench-search', variant)
    await rm(out, { recursive: true, force: true })
    await mkdir(path.dirname(out), { recursive: true })
    await run('cp', ['-al', site, out])
    await rm(path.join(out, 'pagefind'), { recursive: true, force: true })

    const shards = Math.max(1, Number(values.shards))
    const measured: Array<{ indexed: number; addSeconds: number; writeSeconds: number; addingPeak: number; peak: number; pagefindPeak: number; cpu: number }> = []
    for (let shard = 0; shard < shards; shard++) {
      const started = performance.now()
      const args = [import.meta.filename, '--child', variant, '--site', site, '--out', out, '--chars', values.chars, '--shard', String(shard), '--shards', String(shards)]
      const child = spawn(process.execPath, args, {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, ...Object.fromEntries(values.env.map((pair) => pair.split(/=(.*)/s).slice(0, 2))) },
      })
      const sampler = sampleProcessTree(child.pid!, 100)
      let output = ''
      let addedAt = 0
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk
        if (!addedAt && output.includes('added ')) addedAt = performance.now() - started
      })
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      const memory = sampler.stop()
      if (code !== 0) throw new Error(`indexing variant ${variant} failed (exit ${code})`)
      const result = JSON.parse(output.trim().split('\n').pop()!) as { indexed: number; addSeconds: number; writeSeconds: number }
      const offset = sampler.startedAt - started
      const peakWhile = (from: number, to: number) => Math.max(0, ...memory.samples.filter((s) => s.t + offset >= from && s.t + offset <= to).map((s) => s.totalBytes))
      measured.push({
        ...result,
        addingPeak: peakWhile(0, addedAt),
        peak: memory.peak?.totalBytes ?? 0,
        pagefindPeak: memory.peakByCommand.filter(({ command }) => command.startsWith('pagefind')).reduce((max, { rssBytes }) => Math.max(max, rssBytes), 0),
        cpu: memory.cpuSeconds,
      })
    }
    const max = (key: 'addingPeak' | 'peak' | 'pagefindPeak') => Math.max(...measured.map((shard) => shard[key]))
    const sum = (key: 'indexed' | 'addSeconds' | 'writeSeconds' | 'cpu') => measured.reduce((total, shard) => total + shard[key], 0)
    const result = { indexed: sum('indexed'), addSeconds: sum('addSeconds'), writeSeconds: sum('writeSeconds') }
    const memory = { cpuSeconds: sum('cpu'), peak: { totalBytes: max('peak') } }
    const pagefindPeak = max('pagefindPeak')
    const addedPeak = max('addingPeak')
    const search = await measureFirstSearch(out)
    rows.push([
      shards > 1 ? `${variant} ×${shards}` : variant,
      String(result.indexed),
      `${result.addSeconds.toFixed(1)} + ${result.writeSeconds.toFixed(1)} s`,
      `${memory.cpuSeconds.toFixed(1)} s`,
      `${formatBytes(addedPeak)} / ${formatBytes(memory.peak.totalBytes)}`,
      formatBytes(pagefindPeak),
      `${(pagefindPeak / MB / (result.indexed / shards)).toFixed(3)} MB`,
      formatBytes((await Promise.all(Array.from({ length: shards }, (_, k) => folderBytes(path.join(out, k === 0 ? 'pagefind' : `pagefind-shard-${k}`))))).reduce((a, b) => a + b, 0)),
      `${formatBytes(search.searchBytes)}${search.resultsShown ? '' : ' (no results)'}`,
      formatBytes(search.searchGzipBytes),
    ])
    process.stderr.write(`[search variants] ${variant} done\n`)
  }
  console.log(
    formatTable(
      ['variant', 'pages', 'add + write', 'CPU', 'peak: adding / writing', 'pagefind peak', 'per page (of a shard)', 'index size', 'first search (shard 0)', 'gzip host'],
      rows,
    ),
  )
}
