import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { PLANTED } from '../support/privacyFixture.ts'
import { findValues, readOutput, type OutputFile } from '../support/scanOutput.ts'
import { permalinkFor } from '../../schemas/lib/permalinks.ts'

// The build is the last guard: whatever reaches the output folder is public for good.

const PRIVATE_VALUES = Object.values(PLANTED)

/** Permalinks of documents readers must not see, as they would be built if a rule slipped. */
const PRIVATE_PERMALINKS = [
  permalinkFor('alumnusProfile', PLANTED.noConsentSlug)!,
  permalinkFor('alumnusProfile', PLANTED.unsetConsentSlug)!,
  permalinkFor('alumnusProfile', 'draft-profile-qx7')!,
  permalinkFor('article', PLANTED.draftSlug)!,
  permalinkFor('article', PLANTED.futureSlug)!,
  permalinkFor('event', PLANTED.futureEventSlug)!,
  permalinkFor('article', PLANTED.offsetScheduledSlug)!,
  // Class pages of the private profiles (2009) and of the anonymous donor.
  '/class/2009/',
  `/class/${Number.parseInt(PLANTED.anonymousDonorClassYear)}/`,
]

// The privacy fixture and its production build, made once by the global setup (tests/support/buildSharedSites.ts).
const { datasetDir, siteDir: outDir } = inject('privacySite')
let files: OutputFile[]

beforeAll(async () => {
  files = await readOutput(outDir)
})

const file = (relative: string) => files.find((candidate) => candidate.path === relative)

describe('privacy of a built site', () => {
  it('publishes the consented profile, the public article and the public donation stories', () => {
    expect(file('alumni/public-alumnus/index.html')?.text).toContain('公开校友')
    expect(file('articles/public-article/index.html')?.text).toContain('公开的正文。')
    expect(file('giving/stories/anonymous-gift/index.html')?.text).toContain('匿名校友')
    expect(file('giving/stories/named-gift/index.html')?.text).toContain('王校友')
    // The newsletter lists the consented profile it references.
    expect(file('newsletter/issue-test/index.html')?.text).toContain('公开校友')
  })

  it('never writes a planted private value into any file of the output', () => {
    expect(files.length).toBeGreaterThan(10)
    // Control: the scan does find text that is meant to be public.
    expect(findValues(files, ['公开的正文。', '公开校友']).length).toBeGreaterThan(1)
    const hits = findValues(files, PRIVATE_VALUES)
    expect(hits, hits.map((hit) => `${hit.value} in ${hit.file}: …${hit.context}…`).join('\n')).toEqual([])
  })

  it('keeps planted values out of the search index, which holds the public article', () => {
    const index = files.filter((candidate) => candidate.path.startsWith('_search/'))
    const documents = index.filter((candidate) => /\/d\/\d+\.json$/.test(candidate.path))
    expect(documents.length).toBeGreaterThan(0)
    expect(findValues(documents, ['公开的正文。', '公开校友']).length).toBeGreaterThan(1)
    expect(findValues(index, PRIVATE_VALUES)).toEqual([])
    // The buckets hold single words and character pairs: no word unique to the planted values either.
    const tokens = index
      .filter((candidate) => candidate.path.endsWith('.bin'))
      .map((candidate) => candidate.searchable)
    expect(tokens.length).toBeGreaterThan(0)
    expect(tokens.some((text) => text.includes('2008'))).toBe(true)
    for (const word of ['qx7', PLANTED.hiddenAmountDigits, PLANTED.hiddenAmountNamedDonor]) {
      expect(
        tokens.some((text) => text.includes(word)),
        word,
      ).toBe(false)
    }
  })

  it('builds no page at the permalink of a profile without consent, a draft or a future-dated document', () => {
    for (const permalink of PRIVATE_PERMALINKS) {
      expect(existsSync(path.join(outDir, permalink, 'index.html')), permalink).toBe(false)
    }
  })

  it('lists no private permalink in the sitemap, and lists the public ones', () => {
    const sitemaps = files.filter((candidate) => /^sitemap.*\.xml$/.test(candidate.path))
    expect(sitemaps.length).toBeGreaterThan(0)
    const all = sitemaps.map((sitemap) => sitemap.text).join('\n')
    expect(all).toContain('/alumni/public-alumnus/')
    expect(all).toContain('/articles/public-article/')
    for (const permalink of PRIVATE_PERMALINKS) expect(all, permalink).not.toContain(permalink)
  })

  it('links to no private permalink from any page or feed', () => {
    const hits = files.flatMap((candidate) =>
      PRIVATE_PERMALINKS.filter(
        (permalink) => candidate.text.includes(`${permalink}"`) || candidate.text.includes(`${permalink}<`),
      ).map((permalink) => `${permalink} in ${candidate.path}`),
    )
    expect(hits).toEqual([])
  })

  it('publishes no image made from the portrait of an alumnus without consent', async () => {
    const lines = (await readFile(path.join(datasetDir, 'data.ndjson'), 'utf8')).split('\n').filter(Boolean)
    const profile = lines
      .map((line) => JSON.parse(line))
      .find((document) => document._id === 'profile-no-consent')
    const relative = String(profile.portrait._sanityAsset).replace('image@file://./', '')
    // Local image variants are named by a hash of their source file (site/lib/images.ts).
    const id = createHash('sha1').update(path.resolve(datasetDir, relative)).digest('hex').slice(0, 12)
    const images = files.filter((candidate) => candidate.path.startsWith('_img/'))
    expect(images.length).toBeGreaterThan(0)
    expect(images.filter((candidate) => candidate.path.includes(id))).toEqual([])
  })

  it('lists each gift on the honour roll page of its year, linked from /giving/, an anonymous donor as 匿名校友 under 学校及其他', () => {
    const rolls = files.filter((candidate) =>
      /^giving\/honour-roll\/\d{4}\/index\.html$/.test(candidate.path),
    )
    expect(rolls.length).toBeGreaterThan(0)
    const giving = file('giving/index.html')!.text
    for (const roll of rolls) expect(giving).toContain(`href="/${roll.path.replace(/index\.html$/, '')}"`)
    const entry = (slug: string) => {
      const roll = rolls.find((candidate) => candidate.text.includes(`href="/giving/stories/${slug}/"`))!
      const at = roll.text.indexOf(`href="/giving/stories/${slug}/"`)
      const item = roll.text.slice(roll.text.lastIndexOf('<li', at), roll.text.indexOf('</li>', at))
      const section = roll.text.slice(roll.text.lastIndexOf('<section', at), at)
      return { item, section }
    }
    const anonymous = entry('anonymous-gift')
    expect(anonymous.item).toContain('匿名校友')
    expect(anonymous.item).not.toMatch(/\d{4}届/)
    expect(anonymous.section).toContain('aria-label="学校及其他"')
    expect(entry('named-gift').item).toContain('王校友')
  })

  it('shows an anonymous donor as 匿名校友 without class year or college', () => {
    const story = file('giving/stories/anonymous-gift/index.html')!.text
    const facts = story.slice(story.indexOf('捐赠人'), story.indexOf('捐赠形式'))
    expect(facts).toContain('匿名校友')
    expect(facts).not.toMatch(/\d{4}届/)
    expect(facts).not.toContain('建筑学院')
  })
})
