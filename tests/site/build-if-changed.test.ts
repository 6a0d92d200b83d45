import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeOutputRoot, ROOT, TEST_BUILD_TIME } from '../support/buildSite.ts'
import { block, slug, writeExportDataset } from '../support/fixtureDataset.ts'
import { startSanityStandIn, type SanityStandIn } from '../support/sanityStandIn.ts'

// `npm run build:if-changed` (scripts/deploy/build-if-changed.ts), the cron/systemd build, against the Content Lake
// stand-in: it rebuilds only when the content changed or a scheduled document came due, once each time.

const FAST = { SANITY_RETRY_BASE_MS: '10', SANITY_TIMEOUT_MS: '2000' }
/**
 * 2027-03-01T00:00Z, with the offset an API import may write: as strings it would fall due 8 hours early, and
 * then never again.
 */
const SCHEDULED_AT = '2027-02-28T16:00:00-08:00'
const hoursAfter = (instant: string, hours: number) =>
  new Date(Date.parse(instant) + hours * 3_600_000).toISOString()

const article = (id: string, title: string, publishedAt: string, updatedAt: string) => ({
  _id: id,
  _type: 'article',
  _createdAt: updatedAt,
  _updatedAt: updatedAt,
  title,
  slug: slug(id),
  publishedAt,
  excerpt: `${title}的摘要。`,
  category: 'news',
  body: [block(`${title}的正文。`)],
})
const FIRST = [
  {
    _id: 'siteSettings',
    _type: 'siteSettings',
    _updatedAt: '2026-01-01T00:00:00Z',
    title: '明湖大学校友总会',
    description: '定时构建测试站点',
  },
  article('campus-news', '已发布的校园新闻BC1', '2026-05-01T02:00:00Z', '2026-05-01T02:00:00Z'),
  article('scheduled-story', '定时发布的校友故事BC2', SCHEDULED_AT, '2026-05-02T02:00:00Z'),
]
/** An editor publishes a new article after the first build. */
const PUBLISHED = article(
  'new-article',
  '新发布的校友新闻BC3',
  hoursAfter(TEST_BUILD_TIME, 0.5),
  hoursAfter(TEST_BUILD_TIME, 1.5),
)

let work: string
let site: string
let standIn: SanityStandIn | undefined

beforeAll(async () => {
  work = await makeOutputRoot('build-if-changed')
  site = path.join(work, 'site')
  await writeExportDataset(path.join(work, 'first'), FIRST)
  // The Content Lake after the publish: a copy of the dataset with the new document, served by a new stand-in.
  await writeExportDataset(path.join(work, 'published'), [...FIRST, PUBLISHED])
})

afterAll(async () => {
  await standIn?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

async function serveDataset(name: 'first' | 'published') {
  await standIn?.close()
  standIn = await startSanityStandIn({ datasetPath: path.join(work, name) })
}

interface Run {
  code: number | null
  output: string
  rebuilt: boolean
}

/** One timer tick at the given clock. A file planted in the output tells whether the site was swapped for a new one. */
async function tick(clock: string): Promise<Run> {
  const marker = path.join(site, 'planted-before-this-run.txt')
  if (existsSync(site)) await writeFile(marker, clock)
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/deploy/build-if-changed.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...standIn!.env(FAST),
      OUT_DIR: site,
      BUILD_TIME: clock,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, output, rebuilt: !existsSync(marker) }
}

const page = (slugValue: string) =>
  readFile(path.join(site, 'articles', slugValue, 'index.html'), 'utf8').catch(() => undefined)

describe('the cron/systemd build (build:if-changed)', () => {
  it('builds the first time, then does nothing while nothing changed, asking the Content Lake one small question', async () => {
    await serveDataset('first')
    const first = await tick(TEST_BUILD_TIME)
    expect(first.code, first.output).toBe(0)
    expect(first.output).toMatch(/building: no earlier successful build/)
    expect(await page('campus-news')).toContain('已发布的校园新闻BC1')
    expect(await page('scheduled-story')).toBeUndefined()
    expect(JSON.parse(await readFile(`${site}.last-build.json`, 'utf8')).builtAt).toBe(
      new Date(TEST_BUILD_TIME).toISOString(),
    )

    standIn!.requests.length = 0
    const idle = await tick(hoursAfter(TEST_BUILD_TIME, 1))
    expect(idle.code, idle.output).toBe(0)
    expect(idle.rebuilt, idle.output).toBe(false)
    expect(idle.output).toMatch(/no change since the build of/)
    // The change check and the due check; no page query ran. (The stand-in also records the Studio's other calls.)
    const queries = standIn!.requests.filter((request) => request.query !== undefined)
    expect(queries.length, queries.map((request) => request.url).join('\n')).toBeLessThanOrEqual(2)
  })

  it('rebuilds once after a publish, and not again', async () => {
    await serveDataset('published')
    const publish = await tick(hoursAfter(TEST_BUILD_TIME, 2))
    expect(publish.code, publish.output).toBe(0)
    expect(publish.rebuilt, publish.output).toBe(true)
    expect(publish.output).toMatch(/content updated/)
    expect(await page('new-article')).toContain('新发布的校友新闻BC3')

    const after = await tick(hoursAfter(TEST_BUILD_TIME, 3))
    expect(after.rebuilt, after.output).toBe(false)
  })

  it('publishes a scheduled document on the first run after its time, and only then', async () => {
    const before = await tick(hoursAfter(SCHEDULED_AT, -1))
    expect(before.rebuilt, before.output).toBe(false)
    expect(await page('scheduled-story')).toBeUndefined()

    const due = await tick(hoursAfter(SCHEDULED_AT, 0.1))
    expect(due.code, due.output).toBe(0)
    expect(due.rebuilt, due.output).toBe(true)
    expect(due.output).toContain('article "scheduled-story"')
    expect(await page('scheduled-story')).toContain('定时发布的校友故事BC2')
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toContain('定时发布的校友故事BC2')

    const later = await tick(hoursAfter(SCHEDULED_AT, 1))
    expect(later.rebuilt, later.output).toBe(false)
  })

  it('keeps the last site and retries on the next run when the Content Lake fails', async () => {
    standIn!.failAlways({ kind: 'status', status: 503 })
    try {
      const failed = await tick(hoursAfter(SCHEDULED_AT, 2))
      expect(failed.code).not.toBe(0)
      expect(failed.rebuilt).toBe(false)
      expect(await page('scheduled-story')).toContain('定时发布的校友故事BC2')
    } finally {
      standIn!.recover()
    }
  })
})
