import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import ICAL from 'ical.js'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { readDataset } from '../../site/lib/dataset/read.ts'
import { ROOT, TEST_BUILD_TIME } from '../support/buildSite.ts'
import { PLANTED } from '../support/privacyFixture.ts'
import { findValues, readOutput, type OutputFile } from '../support/scanOutput.ts'
import { fileForPath, listFiles } from '../support/siteFiles.ts'
import { permalinkFor } from '../../schemas/lib/permalinks.ts'

// Feeds are read by programs that resolve nothing and forgive little: every feed of the build is parsed with a
// real XML or iCalendar parser, and every URL in it must lead to a file of the same build.

const SITE_URL = 'https://alumni.example.edu.cn'
const HOST = new URL(SITE_URL).host
const HAN = /\p{Script=Han}/u

interface FeedItem {
  title?: string
  link?: string
  guid?: string | { '#text': string; '@_isPermaLink'?: string }
  pubDate?: string
  description?: string
  'content:encoded'?: string
  category?: string[]
}

interface Feed {
  file: string
  text: string
  stylesheet?: string
  version?: string
  channel: { title?: string; link?: string; description?: string; language?: string; item: FeedItem[] }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  ignorePiTags: false,
  parseTagValue: false,
  isArray: (name) => name === 'item' || name === 'category',
})

function parseFeed(file: string, text: string): Feed {
  const validation = XMLValidator.validate(text)
  if (validation !== true)
    throw new Error(`${file} is not well-formed XML: ${JSON.stringify(validation.err)}`)
  const document = parser.parse(text)
  return {
    file,
    text,
    stylesheet: document['?xml-stylesheet']?.['@_href'],
    version: document.rss?.['@_version'],
    channel: { ...document.rss?.channel, item: document.rss?.channel?.item ?? [] },
  }
}

/** Every URL an HTML fragment points at: href, src and each srcset candidate, entities decoded. */
function urlsIn(html: string): string[] {
  const decode = (value: string) =>
    value
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  const urls: string[] = []
  for (const [, , value] of html.matchAll(/\s(href|src)="([^"]*)"/g)) urls.push(decode(value!))
  for (const [, value] of html.matchAll(/\ssrcset="([^"]*)"/g)) {
    for (const candidate of decode(value!).split(/,\s+/)) urls.push(candidate.trim().split(/\s+/)[0]!)
  }
  return urls
}

/** The build file behind an absolute URL of the site, or undefined for another host. */
function siteFile(url: string): string | undefined {
  const parsed = new URL(url)
  return parsed.origin === SITE_URL ? fileForPath(parsed.pathname) : undefined
}

const guidOf = (item: FeedItem) => (typeof item.guid === 'string' ? item.guid : item.guid?.['#text'])

describe('feeds of the sample site', () => {
  const site = inject('sampleSiteDir')
  let files: string[]
  let known: Set<string>
  let feeds: Feed[]
  let calendars: Array<{ file: string; text: string }>
  const html = (file: string) => readFile(path.join(site, file), 'utf8')

  beforeAll(async () => {
    files = await listFiles(site)
    known = new Set(files)
    feeds = await Promise.all(
      files.filter((file) => file.endsWith('rss.xml')).map(async (file) => parseFeed(file, await html(file))),
    )
    calendars = await Promise.all(
      files.filter((file) => file.endsWith('.ics')).map(async (file) => ({ file, text: await html(file) })),
    )
  })

  it('publishes a feed for the whole site, the newsletter, alumni, giving and every college, chapter and class page', () => {
    const feedFiles = new Set(feeds.map((feed) => feed.file))
    for (const file of ['rss.xml', 'newsletter/rss.xml', 'alumni/rss.xml', 'giving/rss.xml'])
      expect(feedFiles, file).toContain(file)
    const sectionPages = files.filter((file) => /^(colleges|chapters|class)\/[^/]+\/index\.html$/.test(file))
    expect(sectionPages.length).toBeGreaterThan(5)
    for (const page of sectionPages)
      expect(feedFiles, page).toContain(page.replace(/index\.html$/, 'rss.xml'))
  })

  it('writes every feed as well-formed RSS 2.0 in Chinese, styled by rss.xsl', () => {
    expect(known).toContain('rss.xsl')
    for (const feed of feeds) {
      expect(feed.version, feed.file).toBe('2.0')
      expect(feed.stylesheet, feed.file).toBe('/rss.xsl')
      expect(feed.channel.title, feed.file).toMatch(HAN)
      expect(feed.channel.description, feed.file).toBeTruthy()
      expect(feed.channel.language, feed.file).toBe('zh-cn')
      // The channel links the section page the feed follows.
      expect(known, feed.file).toContain(siteFile(feed.channel.link!))
      expect(feed.text, feed.file).toContain(`<atom:link href="${SITE_URL}/${feed.file}" rel="self"`)
    }
  })

  it('gives every item a title, a permalink of a built page as link and guid, a date and categories, newest first', () => {
    for (const feed of feeds) {
      expect(feed.channel.item.length, feed.file).toBeLessThanOrEqual(50)
      let previous = Infinity
      for (const item of feed.channel.item) {
        const where = `${feed.file}: ${item.title}`
        expect(item.title, where).toMatch(HAN)
        expect(item.link, where).toMatch(new RegExp(`^${SITE_URL}/.+/$`))
        expect(known, where).toContain(siteFile(item.link!))
        expect(guidOf(item), where).toBe(item.link)
        const published = new Date(item.pubDate!)
        expect(Number.isNaN(published.getTime()), where).toBe(false)
        expect(published.toUTCString(), where).toBe(item.pubDate)
        expect(published.getTime(), where).toBeLessThanOrEqual(
          Math.min(previous, Date.parse(TEST_BUILD_TIME)),
        )
        previous = published.getTime()
        expect(item.category?.length, where).toBeGreaterThan(0)
      }
    }
  })

  it('carries full Chinese content whose every link and image is an absolute URL, pointing into the build when it is ours', () => {
    const broken: string[] = []
    let siteImages = 0
    for (const feed of feeds) {
      for (const item of feed.channel.item) {
        const content = item['content:encoded'] ?? ''
        expect(content, `${feed.file}: ${item.title}`).toMatch(HAN)
        for (const url of urlsIn(content)) {
          let parsed: URL
          try {
            parsed = new URL(url)
          } catch {
            broken.push(`${feed.file}: ${item.title}: "${url}" is not absolute`)
            continue
          }
          if (!['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol))
            broken.push(`${feed.file}: ${item.title}: ${url}`)
          const file = siteFile(url)
          if (file && !known.has(file)) broken.push(`${feed.file}: ${item.title}: ${url} is not in the build`)
          if (file?.startsWith('_img/')) siteImages++
        }
      }
    }
    expect(broken).toEqual([])
    expect(siteImages, 'feeds show the images of the stories').toBeGreaterThan(0)
  })

  it('keeps the site-wide feed to the 50 newest documents', () => {
    const documentPages = files.filter((file) =>
      /^(articles|alumni|giving\/projects|giving\/stories|reports|events|newsletter)\/(?!page\/)[^/]+\/index\.html$/.test(
        file,
      ),
    )
    const main = feeds.find((feed) => feed.file === 'rss.xml')!
    expect(main.channel.item.length).toBe(Math.min(50, documentPages.length))
    expect(
      new Set(main.channel.item.map((item) => item.category![0])).size,
      'several kinds of content',
    ).toBeGreaterThan(3)
  })

  it("shows each newsletter issue as the editor's note and a table of contents linking every item", async () => {
    const newsletter = feeds.find((feed) => feed.file === 'newsletter/rss.xml')!
    expect(newsletter.channel.item.length).toBeGreaterThan(0)
    for (const item of newsletter.channel.item) {
      const content = item['content:encoded']!
      expect(content).toContain('本期目录')
      const issuePage = await html(siteFile(item.link!)!)
      const linked = urlsIn(content)
        .filter((url) => url !== item.link)
        .map((url) => new URL(url).pathname)
      expect(linked.length, item.title).toBeGreaterThan(0)
      // Every story the issue's page lists is linked from the feed's table of contents.
      for (const href of issuePage.matchAll(/<h3><a href="([^"]+)"/g))
        expect(linked, `${item.title} → ${href[1]}`).toContain(href[1])
    }
  })

  it('lists in class and chapter feeds the same documents their pages list', async () => {
    const grouped = feeds.filter((feed) => /^(class|chapters)\//.test(feed.file))
    expect(grouped.length).toBeGreaterThan(0)
    for (const feed of grouped) {
      const page = await html(feed.file.replace(/rss\.xml$/, 'index.html'))
      for (const item of feed.channel.item)
        expect(page, `${feed.file}: ${item.title}`).toContain(`href="${new URL(item.link!).pathname}"`)
    }
  })

  it('announces its section feed on every section and story page, and links it visibly on section pages', async () => {
    const expectations: Array<[RegExp, (file: string) => string, boolean]> = [
      [/^alumni\/index\.html$/, () => '/alumni/rss.xml', true],
      [/^alumni\/(?!page\/)[^/]+\/index\.html$/, () => '/alumni/rss.xml', false],
      [/^newsletter\/index\.html$/, () => '/newsletter/rss.xml', true],
      [/^newsletter\/[^/]+\/index\.html$/, () => '/newsletter/rss.xml', false],
      [/^giving\/index\.html$/, () => '/giving/rss.xml', true],
      [/^giving\/(projects|stories)\/[^/]+\/index\.html$/, () => '/giving/rss.xml', false],
      [
        /^(colleges|chapters|class)\/[^/]+\/index\.html$/,
        (file) => `/${file.replace(/index\.html$/, 'rss.xml')}`,
        true,
      ],
    ]
    let checked = 0
    for (const file of files) {
      for (const [pattern, feedFor, visible] of expectations) {
        if (!pattern.test(file)) continue
        const text = await html(file)
        const href = feedFor(file)
        expect(text, file).toMatch(
          new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="[^"]+" href="${href}"`),
        )
        if (visible) expect(text, file).toContain(`<a href="${href}">`)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(20)
  })

  describe('calendars', () => {
    interface CalendarEvent {
      uid: string
      summary: string
      url: string
      start: ICAL.Time
      end?: ICAL.Time
    }
    let parsed: Map<string, { name: string; timezone: string; zones: string[]; events: CalendarEvent[] }>

    beforeAll(() => {
      parsed = new Map()
      for (const { file, text } of calendars) {
        // ical.js places TZID times with the calendar's own VTIMEZONE, as a calendar app does.
        const calendar = new ICAL.Component(ICAL.parse(text) as unknown[])
        parsed.set(file, {
          name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''),
          timezone: String(calendar.getFirstPropertyValue('x-wr-timezone') ?? ''),
          zones: calendar
            .getAllSubcomponents('vtimezone')
            .map((zone) => String(zone.getFirstPropertyValue('tzid'))),
          events: calendar.getAllSubcomponents('vevent').map((vevent) => {
            const event = new ICAL.Event(vevent)
            return {
              uid: event.uid,
              summary: event.summary,
              url: String(vevent.getFirstPropertyValue('url') ?? ''),
              start: event.startDate,
              end: vevent.hasProperty('dtend') ? event.endDate : undefined,
            }
          }),
        })
      }
    })

    it('publishes /events.ics and a calendar for every college and chapter page that links one', async () => {
      expect(parsed.has('events.ics')).toBe(true)
      expect(await html('events/index.html')).toContain('href="/events.ics"')
      for (const file of files.filter((name) => /^(colleges|chapters)\/[^/]+\/index\.html$/.test(name))) {
        const calendar = file.replace(/index\.html$/, 'events.ics')
        expect((await html(file)).includes(`href="/${calendar}"`), file).toBe(known.has(calendar))
      }
      expect(
        [...parsed.keys()].some((file) => file !== 'events.ics'),
        'some college or chapter has a calendar',
      ).toBe(true)
    })

    it('names each calendar in Chinese in Beijing time, each event with a UID, start, summary and the URL of its page', () => {
      for (const [file, calendar] of parsed) {
        expect(calendar.name, file).toMatch(HAN)
        expect(calendar.timezone, file).toBe('Asia/Shanghai')
        expect(calendar.zones, file).toEqual(['Asia/Shanghai'])
        expect(calendar.events.length, file).toBeGreaterThan(0)
        expect(new Set(calendar.events.map((event) => event.uid)).size, `${file}: UIDs are unique`).toBe(
          calendar.events.length,
        )
        for (const event of calendar.events) {
          expect(event.uid, file).toMatch(new RegExp(`^.+@${HOST.replace(/\./g, '\\.')}$`))
          expect(event.summary, file).toMatch(HAN)
          expect(event.start.zone?.tzid, `${file}: ${event.summary}`).toBe('Asia/Shanghai')
          expect(known, `${file}: ${event.url}`).toContain(siteFile(event.url))
          expect(event.url, file).toMatch(/\/events\/[^/]+\/$/)
        }
      }
    })

    it('places every event at the instant of its startsAt and endsAt in the dataset', async () => {
      const dataset = await readDataset(path.join(ROOT, 'dataset'))
      const events = new Map(
        dataset.records
          .map(
            (record) => record.document as { _id: string; _type: string; startsAt?: string; endsAt?: string },
          )
          .filter((document) => document._type === 'event')
          .map((document) => [`${document._id}@${HOST}`, document]),
      )
      let checked = 0
      for (const [file, calendar] of parsed) {
        for (const event of calendar.events) {
          const source = events.get(event.uid)
          expect(source, `${file}: ${event.uid}`).toBeDefined()
          expect(event.start.toJSDate().toISOString(), `${file}: ${event.summary}`).toBe(
            new Date(source!.startsAt!).toISOString(),
          )
          if (source!.endsAt)
            expect(event.end?.toJSDate().toISOString(), `${file}: ${event.summary} ends`).toBe(
              new Date(source!.endsAt).toISOString(),
            )
          checked++
        }
      }
      expect(checked).toBeGreaterThan(0)
    })

    it('lists every upcoming public event of the sample dataset in /events.ics', async () => {
      const dataset = await readDataset(path.join(ROOT, 'dataset'))
      const upcoming = dataset.records
        .map(
          (record) =>
            record.document as {
              _id: string
              _type: string
              publishedAt?: string
              startsAt?: string
              title?: string
            },
        )
        .filter(
          (document) =>
            document._type === 'event' &&
            !/^(drafts|versions)\./.test(document._id) &&
            document.publishedAt! <= TEST_BUILD_TIME &&
            document.startsAt! > TEST_BUILD_TIME,
        )
      expect(upcoming.length).toBeGreaterThan(0)
      const listed = new Map(parsed.get('events.ics')!.events.map((event) => [event.uid, event.summary]))
      for (const event of upcoming) expect(listed.get(`${event._id}@${HOST}`), event._id).toBe(event.title)
      // dataset/README.md names event-shenzhen-annual-2026 as upcoming; calendars show it at Beijing wall-clock time.
      const known = upcoming.find((event) => event._id === 'event-shenzhen-annual-2026')!
      const annual = parsed.get('events.ics')!.events.find((event) => event.uid === `${known._id}@${HOST}`)
      const beijing = new Date(Date.parse(known.startsAt!) + 8 * 3600_000).toISOString().slice(0, 19)
      expect(annual?.start.toString()).toBe(beijing)
      const chapterCalendars = [...parsed].filter(([file]) => file.startsWith('chapters/'))
      expect(
        chapterCalendars.some(([, calendar]) => calendar.events.some((event) => event.uid === annual?.uid)),
      ).toBe(true)
    })
  })
})

describe('feeds of a site built from private data', () => {
  // The privacy fixture's production build, made once by the global setup (tests/support/buildSharedSites.ts).
  const { siteDir } = inject('privacySite')
  let feedFiles: OutputFile[]

  beforeAll(async () => {
    feedFiles = (await readOutput(siteDir)).filter((file) => /(rss\.xml|\.ics)$/.test(file.path))
  })

  const feed = (file: string) => feedFiles.find((candidate) => candidate.path === file)?.text ?? ''

  it('never writes a planted private value into a feed or calendar', () => {
    expect(feedFiles.length).toBeGreaterThan(5)
    const hits = findValues(feedFiles, Object.values(PLANTED))
    expect(hits, hits.map((hit) => `${hit.value} in ${hit.file}: …${hit.context}…`).join('\n')).toEqual([])
  })

  it('leaves drafts, future-dated documents and profiles without consent out of every feed, and keeps the public ones', () => {
    const hidden = [
      permalinkFor('alumnusProfile', PLANTED.noConsentSlug),
      permalinkFor('alumnusProfile', PLANTED.unsetConsentSlug),
      permalinkFor('article', PLANTED.draftSlug),
      permalinkFor('article', PLANTED.futureSlug),
      permalinkFor('event', PLANTED.futureEventSlug),
    ]
    for (const file of feedFiles)
      for (const permalink of hidden)
        expect(file.text, `${permalink} in ${file.path}`).not.toContain(`${SITE_URL}${permalink}`)
    expect(feed('rss.xml')).toContain(`${SITE_URL}/articles/public-article/`)
    expect(feed('alumni/rss.xml')).toContain(`${SITE_URL}/alumni/public-alumnus/`)
    expect(feed('giving/rss.xml')).toContain('匿名校友')
    // The newsletter lists the consented profile, and nothing private it also references.
    expect(feed('newsletter/rss.xml')).toContain(`${SITE_URL}/alumni/public-alumnus/`)
  })
})
