/**
 * A yardstick for build speed: the same published articles built by Hugo with minimal templates (one page per
 * article, no lists, feeds or taxonomies). Used by the bench only when a `hugo` binary is on PATH (Debian: `apt-get
 * install hugo`); nothing else needs it.
 */
import { spawnSync } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { runTimed, type TimedRun } from './timedCommand.ts'

export interface HugoRun {
  version: string
  articles: number
  /** HTML pages Hugo wrote. */
  pages: number
  /** Wall time of each run. */
  runs?: number[]
  /** The median run's wall time. */
  seconds: number
  pagesPerSecond: number
  /** User + system CPU time of the median run of Hugo and its threads (steadier than wall time on a shared machine). */
  cpuSeconds?: number
}

/** `hugo version`, or undefined when Hugo is not installed. */
export function hugoVersion(): string | undefined {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : undefined
}

interface Span {
  text?: string
}
interface Block {
  _type: string
  style?: string
  listItem?: string
  children?: Span[]
}

/** Portable Text as Markdown: paragraphs, headings, list items, quotes (marks and images left out). */
export function portableTextMarkdown(blocks: Block[] | undefined): string {
  return (blocks ?? [])
    .filter((block) => block._type === 'block')
    .map((block) => {
      const text = (block.children ?? []).map((span) => span.text ?? '').join('')
      if (block.listItem) return `${block.listItem === 'number' ? '1.' : '-'} ${text}`
      if (block.style && /^h[2-6]$/.test(block.style)) return `${'#'.repeat(Number(block.style[1]))} ${text}`
      if (block.style === 'blockquote') return `> ${text}`
      return text
    })
    .join('\n\n')
}

const LAYOUT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ .Title }}</title></head>
<body><main><article><h1>{{ .Title }}</h1><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time>
{{ .Content }}</article></main></body></html>
`

const HUGO_RUNS = 3

/** Writes a Hugo site of the dataset's published articles into `siteDir`, builds it three times, and times the builds. */
export async function buildWithHugo(dataset: string, siteDir: string, buildTime: string): Promise<HugoRun> {
  const version = hugoVersion()
  if (!version) throw new Error('hugo is not installed')
  await rm(siteDir, { recursive: true, force: true })
  const content = path.join(siteDir, 'content/articles')
  await mkdir(content, { recursive: true })
  await mkdir(path.join(siteDir, 'layouts/_default'), { recursive: true })
  await writeFile(
    path.join(siteDir, 'hugo.toml'),
    `baseURL = "https://alumni.example.org/"\nlanguageCode = "zh-cn"\ntitle = "Hugo yardstick"\n` +
      `disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n`,
  )
  await writeFile(path.join(siteDir, 'layouts/_default/single.html'), LAYOUT)
  await writeFile(
    path.join(siteDir, 'layouts/_default/list.html'),
    '<!doctype html><title>{{ .Title }}</title>\n',
  )

  const now = Date.parse(buildTime)
  let articles = 0
  const lines = createInterface({ input: createReadStream(path.join(dataset, 'data.ndjson')) })
  for await (const line of lines) {
    if (!line.includes('"_type":"article"')) continue
    const doc = JSON.parse(line)
    if (doc._type !== 'article' || String(doc._id).startsWith('drafts.')) continue
    if (!doc.publishedAt || Date.parse(doc.publishedAt) > now || !doc.slug?.current) continue
    const front = `---\ntitle: ${JSON.stringify(doc.title ?? '')}\ndate: ${doc.publishedAt}\nslug: ${JSON.stringify(doc.slug.current)}\n---\n\n`
    await writeFile(
      path.join(content, `${doc.slug.current}.md`),
      front + portableTextMarkdown(doc.body) + '\n',
    )
    articles++
  }

  // Hugo's build takes 2-6 s, which a shared machine skews most: the median of three runs, each into an empty
  // destination as the site's own build writes into an empty staging folder.
  const timed: TimedRun[] = []
  for (let run = 0; run < HUGO_RUNS; run++) {
    await rm(path.join(siteDir, 'public'), { recursive: true, force: true })
    const result = await runTimed('hugo', [
      '--quiet',
      '--source',
      siteDir,
      '--destination',
      path.join(siteDir, 'public'),
    ])
    if (result.code !== 0) throw new Error(`hugo exited with ${result.code}`)
    timed.push(result)
  }
  const { seconds, cpuSeconds } = [...timed].sort((a, b) => a.seconds - b.seconds)[Math.floor(HUGO_RUNS / 2)]!
  const pages = (await readdir(path.join(siteDir, 'public'), { recursive: true })).filter((file) =>
    file.endsWith('.html'),
  ).length
  return {
    version,
    articles,
    pages,
    runs: timed.map((run) => run.seconds),
    seconds,
    pagesPerSecond: pages / seconds,
    cpuSeconds,
  }
}
