import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT, TEST_BUILD_TIME, buildSite, buildSiteOrThrow } from '../support/buildSite.ts'
import { PREVIEW_FEED_MARK } from '../../site/lib/consts.ts'
import { block, ref, slug, writeExportDataset } from '../support/fixtureDataset.ts'
import { fileForPath, listFiles } from '../support/siteFiles.ts'
import { parseHeadersFile } from '../support/headersFile.ts'
import { startNginx } from '../../scripts/deploy/nginx.ts'

// Preview builds (CONTENT_PERSPECTIVE=drafts, as `npm run build:preview`) and scheduled publishing (the build
// clock, BUILD_TIME), proved on a small dataset with a draft edit, a draft-only article and a scheduled article.

const WORK = path.join(ROOT, 'test-results/preview-test')
const DATASET = path.join(WORK, 'dataset')
const OUT = {
  preview: path.join(WORK, 'preview'),
  production: path.join(WORK, 'production'),
  later: path.join(WORK, 'later'),
}

const SCHEDULED_AT = '2027-03-01T00:00:00Z'
const AFTER_SCHEDULED = '2027-03-01T01:00:00Z'
const TEXT = {
  publishedTitle: '已发布的校园新闻',
  draftEditTitle: '校园新闻修改稿PV1',
  draftOnlyTitle: '尚未发布的草稿PV2',
  scheduledTitle: '定时发布的校友故事PV3',
  banner: 'class="preview-banner"',
}
const PATHS = {
  published: '/articles/campus-news/',
  draftOnly: '/articles/draft-only-pv2/',
  scheduled: '/articles/scheduled-pv3/',
}

beforeAll(async () => {
  expect(TEST_BUILD_TIME < SCHEDULED_AT).toBe(true)
  const publishedAt = '2026-05-01T02:00:00Z'
  const article = (id: string, title: string, slugValue: string, date = publishedAt) => ({
    _id: id,
    _type: 'article',
    title,
    slug: slug(slugValue),
    publishedAt: date,
    excerpt: `${title}的摘要。`,
    category: 'news',
    body: [block(`${title}的正文。`)],
  })
  await writeExportDataset(DATASET, [
    { _id: 'siteSettings', _type: 'siteSettings', title: '明湖大学校友总会', description: '预览测试站点' },
    article('article-campus-news', TEXT.publishedTitle, 'campus-news'),
    article('drafts.article-campus-news', TEXT.draftEditTitle, 'campus-news'),
    article('drafts.article-draft-only', TEXT.draftOnlyTitle, 'draft-only-pv2'),
    article('article-scheduled', TEXT.scheduledTitle, 'scheduled-pv3', SCHEDULED_AT),
    {
      _id: 'issue-spring',
      _type: 'newsletterIssue',
      title: '春季刊',
      slug: slug('spring'),
      volume: 2026,
      number: 1,
      publishedAt,
      sections: [
        {
          _type: 'newsletterSection',
          _key: 'news',
          title: '校园动态',
          items: [ref('article-campus-news', true), ref('article-scheduled', true)],
        },
      ],
    },
  ])
  const dataset = { CONTENT_DATASET: DATASET }
  // One at a time: the machine has two cores and each build uses both.
  await buildSiteOrThrow({ outDir: OUT.preview, env: { ...dataset, CONTENT_PERSPECTIVE: 'drafts' } })
  await buildSiteOrThrow({ outDir: OUT.production, env: dataset })
  await buildSiteOrThrow({ outDir: OUT.later, env: { ...dataset, BUILD_TIME: AFTER_SCHEDULED } })
})

async function pages(site: string): Promise<Array<{ file: string; html: string }>> {
  const files = (await listFiles(site)).filter((file) => file.endsWith('index.html') || file === '404.html')
  return Promise.all(
    files.map(async (file) => ({ file, html: await readFile(path.join(site, file), 'utf8') })),
  )
}

async function textFiles(site: string): Promise<Array<{ file: string; text: string }>> {
  const files = (await listFiles(site)).filter((file) => /\.(html|xml|xsl|txt|ics|json)$/.test(file))
  return Promise.all(
    files.map(async (file) => ({ file, text: await readFile(path.join(site, file), 'utf8') })),
  )
}

const hasNoindex = (html: string) => /<meta name="robots" content="[^"]*noindex/.test(html)

describe('preview builds', () => {
  it('show drafts, with a visible 预览 banner and noindex on every page', async () => {
    const files = await listFiles(OUT.preview)
    expect(files).toContain(fileForPath(PATHS.draftOnly))
    const edited = await readFile(path.join(OUT.preview, fileForPath(PATHS.published)), 'utf8')
    expect(edited).toContain(TEXT.draftEditTitle)

    const built = await pages(OUT.preview)
    expect(built.length).toBeGreaterThan(5)
    for (const { file, html } of built) {
      expect(html, file).toContain(TEXT.banner)
      expect(html, file).toMatch(/<strong>预览<\/strong>/)
      expect(hasNoindex(html), `${file} is noindex`).toBe(true)
    }
    // The 公众号/e-mail edition is pasted elsewhere, so it carries no banner, but it is never indexed either.
    const edition = await readFile(path.join(OUT.preview, 'newsletter/spring/edition.html'), 'utf8')
    expect(hasNoindex(edition)).toBe(true)
    expect(edition).not.toContain(TEXT.banner)
  })

  it('write no sitemap or search index, and npm run build:preview writes them to dist-preview/, never dist/', async () => {
    const files = await listFiles(OUT.preview)
    expect(files.filter((file) => file.startsWith('sitemap') || file.startsWith('_search/'))).toEqual([])
    expect((await listFiles(OUT.production)).some((file) => file.startsWith('_search/'))).toBe(true)
    const scripts = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >
    expect(scripts['build:preview']).toMatch(/\bCONTENT_PERSPECTIVE=drafts\b/)
    expect(scripts['build:preview']).toMatch(/\bOUT_DIR=dist-preview\b/)
  })
})

describe('a preview never becomes production', () => {
  it('refuses CONTENT_PERSPECTIVE=drafts with the production OUT_DIR, naming npm run build:preview', async () => {
    const before = await listFiles(path.join(ROOT, 'dist')).catch(() => undefined)
    const result = await buildSite({
      outDir: path.join(ROOT, 'dist'),
      clean: false,
      env: { CONTENT_DATASET: DATASET, CONTENT_PERSPECTIVE: 'drafts' },
    })
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('npm run build:preview')
    expect(await listFiles(path.join(ROOT, 'dist')).catch(() => undefined)).toEqual(before)
    expect(existsSync(path.join(ROOT, 'dist.staging'))).toBe(false)
  })

  it('writes feeds that list no draft (no item at all) and are marked 预览, while production feeds list the articles', async () => {
    const feeds = (await listFiles(OUT.preview)).filter(
      (file) => file.endsWith('rss.xml') || file.endsWith('.ics'),
    )
    expect(feeds).toContain('rss.xml')
    expect(feeds).toContain('events.ics')
    for (const file of feeds) {
      const text = await readFile(path.join(OUT.preview, file), 'utf8')
      expect(text, file).toContain(PREVIEW_FEED_MARK)
      expect(text, file).not.toMatch(/<item>|BEGIN:VEVENT/)
      for (const title of [TEXT.draftEditTitle, TEXT.draftOnlyTitle, TEXT.publishedTitle])
        expect(text, file).not.toContain(title)
    }
    const production = await readFile(path.join(OUT.production, 'rss.xml'), 'utf8')
    expect(production).toContain(TEXT.publishedTitle)
    expect(production).not.toContain(PREVIEW_FEED_MARK)
  })
})

describe('production builds', () => {
  it('contain no drafts and no preview banner, and let search engines index content pages', async () => {
    const files = await listFiles(OUT.production)
    expect(files).not.toContain(fileForPath(PATHS.draftOnly))
    expect(files).toContain('sitemap-index.xml')
    for (const { file, text } of await textFiles(OUT.production)) {
      expect(text, file).not.toContain(TEXT.draftEditTitle)
      expect(text, file).not.toContain(TEXT.draftOnlyTitle)
      expect(text, file).not.toContain(TEXT.banner)
    }
    const published = await readFile(path.join(OUT.production, fileForPath(PATHS.published)), 'utf8')
    expect(published).toContain(TEXT.publishedTitle)
    expect(hasNoindex(published)).toBe(false)
    expect(hasNoindex(await readFile(path.join(OUT.production, 'index.html'), 'utf8'))).toBe(false)
  })
})

describe('scheduled publishing', () => {
  it('leaves a document dated in the future out of every build made before its publishedAt', async () => {
    expect(await listFiles(OUT.production)).not.toContain(fileForPath(PATHS.scheduled))
    for (const { file, text } of await textFiles(OUT.production)) {
      expect(text, file).not.toContain(TEXT.scheduledTitle)
    }
  })

  it('publishes it on the first build after that time: its page, the home page, lists, feeds and the newsletter', async () => {
    const files = await listFiles(OUT.later)
    expect(files).toContain(fileForPath(PATHS.scheduled))
    const read = (file: string) => readFile(path.join(OUT.later, file), 'utf8')
    expect(await read(fileForPath(PATHS.scheduled))).toContain(TEXT.scheduledTitle)
    expect(await read('index.html')).toContain(TEXT.scheduledTitle)
    expect(await read('articles/index.html')).toContain(TEXT.scheduledTitle)
    expect(await read('rss.xml')).toContain(TEXT.scheduledTitle)
    expect(await read('newsletter/spring/index.html')).toContain(TEXT.scheduledTitle)
    expect(await read('newsletter/spring/edition.html')).toContain(TEXT.scheduledTitle)
  })
})

describe('response headers of preview and production builds', () => {
  it('mark every response of a preview build noindex (_headers and nginx), and production’s not', async () => {
    const preview =
      parseHeadersFile(await readFile(path.join(OUT.preview, '_headers'), 'utf8')).get('/*') ?? {}
    const production =
      parseHeadersFile(await readFile(path.join(OUT.production, '_headers'), 'utf8')).get('/*') ?? {}
    expect(preview['X-Robots-Tag']).toBe('noindex')
    expect(production['X-Robots-Tag']).toBeUndefined()
    // Apart from the marker, the same security headers.
    const { ['X-Robots-Tag']: _marker, ...rest } = preview
    expect(rest).toEqual(production)
    expect(production['Content-Security-Policy']).toBeTruthy()

    for (const [site, expected] of [
      [OUT.preview, 'noindex'],
      [OUT.production, null],
    ] as const) {
      const nginx = await startNginx({ root: site })
      try {
        for (const pathname of ['/', PATHS.published, '/no-such-page/']) {
          const response = await fetch(`${nginx.url}${pathname}`)
          await response.body?.cancel()
          expect(response.headers.get('X-Robots-Tag'), `${site} ${pathname}`).toBe(expected)
          expect(response.headers.get('Content-Security-Policy'), `${site} ${pathname}`).toBe(
            production['Content-Security-Policy'],
          )
        }
      } finally {
        await nginx.close()
      }
    }
  })
})
