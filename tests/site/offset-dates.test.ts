import { beforeAll, describe, expect, inject, it } from 'vitest'
import { OFFSET_DATED, PLANTED } from '../support/privacyFixture.ts'
import { findValues, readOutput, type OutputFile } from '../support/scanOutput.ts'
import { permalinkFor } from '../../schemas/lib/permalinks.ts'

// Date-times with a UTC offset (documents imported through the API) on both sides of the build clock, in the privacy
// fixture's production build (tests/support/privacyFixture.ts, built once by the global setup). The Studio writes
// UTC; an offset must not move a document across the build clock, or in a list.

const SITE_URL = 'https://alumni.example.edu.cn'
/** The one form every date-time reaches a page in (site/lib/content.ts). */
const UTC_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

const { siteDir } = inject('privacySite')
let files: OutputFile[]

beforeAll(async () => {
  files = await readOutput(siteDir)
})

const text = (file: string) => {
  const found = files.find((candidate) => candidate.path === file)
  if (!found) throw new Error(`${file} is not in the build`)
  return found.text
}

/** Where each needle first occurs in the text (-1 when it does not). */
const positions = (haystack: string, needles: readonly string[]) =>
  needles.map((needle) => haystack.indexOf(needle))

const [west, , east] = OFFSET_DATED.articles

describe('date-times with a UTC offset, in a built site', () => {
  it('publish a document whose instant has passed, though its clock time reads later than the build clock', () => {
    // 10:00 at +08:00 is 02:00 UTC, before the 04:00 UTC build clock.
    expect(text(`articles/${east.slug}/index.html`)).toContain(`${east.title}的正文。`)
    expect(text('articles/index.html')).toContain(`href="/articles/${east.slug}/"`)
    expect(text('rss.xml')).toContain(`<link>${SITE_URL}/articles/${east.slug}/</link>`)
    expect(text('newsletter/issue-test/index.html')).toContain(`href="/articles/${east.slug}/"`)
  })

  it('keep a document scheduled for a later instant out of every file, though its clock time reads earlier', () => {
    // 03:00 at −08:00 is 11:00 UTC, after the build clock.
    const permalink = permalinkFor('article', PLANTED.offsetScheduledSlug)!
    expect(files.map((file) => file.path)).not.toContain(`${permalink.slice(1)}index.html`)
    const hits = findValues(files, [
      PLANTED.offsetScheduledTitle,
      PLANTED.offsetScheduledBody,
      PLANTED.offsetScheduledSlug,
    ])
    expect(hits, hits.map((hit) => `${hit.value} in ${hit.file}: …${hit.context}…`).join('\n')).toEqual([])
  })

  it('list documents newest first by instant, on list pages and in feeds', () => {
    const newestFirst = [...OFFSET_DATED.articles.map((article) => article.slug), 'public-article']
    const inList = positions(
      text('articles/index.html'),
      newestFirst.map((slug) => `href="/articles/${slug}/"`),
    )
    const inFeed = positions(
      text('rss.xml'),
      newestFirst.map((slug) => `<link>${SITE_URL}/articles/${slug}/</link>`),
    )
    for (const found of [inList, inFeed]) {
      expect(found.every((position) => position >= 0)).toBe(true)
      expect(found).toEqual([...found].sort((a, b) => a - b))
    }
    // The newest document dates the site-wide feed: 03:30 UTC.
    expect(text('rss.xml')).toContain(
      `<lastBuildDate>${new Date(west.publishedAt).toUTCString()}</lastBuildDate>`,
    )
  })

  it('tell upcoming events from past ones by instant', () => {
    const { endedEvent, upcomingEvent } = OFFSET_DATED
    const [upcoming, past] = text('events/index.html').split('aria-label="往期活动"')
    expect(upcoming).toContain(`href="/events/${upcomingEvent.slug}/"`)
    expect(upcoming).not.toContain(`href="/events/${endedEvent.slug}/"`)
    expect(past).toContain(`href="/events/${endedEvent.slug}/"`)
    expect(text(`events/${upcomingEvent.slug}/index.html`)).toContain('即将举行')
    expect(text(`events/${endedEvent.slug}/index.html`)).toContain('往期活动')
    // The home page lists upcoming events only.
    expect(text('index.html')).toContain(`href="/events/${upcomingEvent.slug}/"`)
    expect(text('index.html')).not.toContain(`href="/events/${endedEvent.slug}/"`)
  })

  it('list each gift on the honour roll of its year in Beijing, newest first', () => {
    // Both gifts are on 2026-01-01 in Beijing; one is still 2025 in UTC, the other on its own clock.
    expect(files.some((file) => file.path.startsWith('giving/honour-roll/2025/'))).toBe(false)
    const roll = text('giving/honour-roll/2026/index.html')
    const found = positions(roll, [
      'href="/giving/stories/anonymous-gift/"',
      ...OFFSET_DATED.newYearGifts.map((gift) => `href="/giving/stories/${gift.slug}/"`),
    ])
    expect(found.every((position) => position >= 0)).toBe(true)
    expect(found).toEqual([...found].sort((a, b) => a - b))
  })

  it('reach every page, feed and structured data in one UTC form', () => {
    expect(text(`articles/${east.slug}/index.html`)).toContain('datetime="2026-11-21T02:00:00.000Z"')
    const written: string[] = []
    for (const file of files.filter((candidate) => candidate.path.endsWith('.html'))) {
      for (const [, value] of file.text.matchAll(/\sdatetime="([^"]+)"/g))
        if (value!.includes('T')) written.push(value!)
      for (const [, value] of file.text.matchAll(
        /<meta property="article:published_time" content="([^"]+)"/g,
      ))
        written.push(value!)
      for (const [, value] of file.text.matchAll(/"(?:datePublished|startDate|endDate)":"([^"]+)"/g))
        written.push(value!)
    }
    expect(written.length).toBeGreaterThan(20)
    expect(written.filter((value) => !UTC_DATETIME.test(value))).toEqual([])
  })
})
