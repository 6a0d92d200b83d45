import { readFileSync } from 'node:fs'
import path from 'node:path'
import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import { isPublic, referencesIn, SCHEDULED_TYPES } from '../../schemas/lib/contentRules.ts'
import { articlesQuery, eventsQuery, isPublicFilter } from '../../site/lib/queries.ts'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const now = '2026-06-01T00:00:00.000Z'

type Document = { _id: string; _type: string; [field: string]: unknown }

const sample: Document[] = readFileSync(path.join(repoRoot, 'dataset', 'data.ndjson'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line))

// Every way a document can fail the rule, on each scheduled type.
const edgeCases: Document[] = [...SCHEDULED_TYPES].flatMap((type) => [
  { _id: `${type}-ok`, _type: type, publishedAt: '2026-01-01T00:00:00Z', publicConsent: true },
  { _id: `drafts.${type}-draft`, _type: type, publishedAt: '2026-01-01T00:00:00Z', publicConsent: true },
  {
    _id: `versions.r1.${type}-version`,
    _type: type,
    publishedAt: '2026-01-01T00:00:00Z',
    publicConsent: true,
  },
  { _id: `${type}-future`, _type: type, publishedAt: '2026-07-01T00:00:00Z', publicConsent: true },
  { _id: `${type}-unset`, _type: type, publicConsent: true },
  { _id: `${type}-no-consent`, _type: type, publishedAt: '2026-01-01T00:00:00Z', publicConsent: false },
  { _id: `${type}-consent-string`, _type: type, publishedAt: '2026-01-01T00:00:00Z', publicConsent: 'true' },
  { _id: `${type}-consent-unset`, _type: type, publishedAt: '2026-01-01T00:00:00Z' },
  // Offsets, compared as instants (`now` is 2026-06-01T00:00Z): as strings, each would land on the other side.
  { _id: `${type}-east-due`, _type: type, publishedAt: '2026-06-01T07:00:00+08:00', publicConsent: true },
  { _id: `${type}-east-at-now`, _type: type, publishedAt: '2026-06-01T08:00:00+08:00', publicConsent: true },
  {
    _id: `${type}-west-scheduled`,
    _type: type,
    publishedAt: '2026-05-31T20:00:00-08:00',
    publicConsent: true,
  },
  { _id: `${type}-utc-at-now`, _type: type, publishedAt: '2026-06-01T00:00:00Z', publicConsent: true },
  { _id: `${type}-fraction-due`, _type: type, publishedAt: '2026-05-31T23:59:59.999Z', publicConsent: true },
  // Not date-times: never published, though Date.parse reads the first two.
  { _id: `${type}-no-seconds`, _type: type, publishedAt: '2026-01-01T00:00Z', publicConsent: true },
  { _id: `${type}-lowercase`, _type: type, publishedAt: '2026-01-01t00:00:00z', publicConsent: true },
  { _id: `${type}-words`, _type: type, publishedAt: 'soon', publicConsent: true },
  { _id: `${type}-number`, _type: type, publishedAt: 1767225600000, publicConsent: true },
])

describe('the publishing rule', () => {
  it('selects the same documents in GROQ (the site) and in TypeScript (checks, generators, tests)', async () => {
    const documents = [...sample, ...edgeCases].filter((document) => SCHEDULED_TYPES.has(document._type))
    const query = parse(`*[${isPublicFilter}]._id`)
    const selected = await (await evaluate(query, { dataset: documents, params: { now } })).get()
    const expected = documents
      .filter((document) => isPublic(document, new Date(now)))
      .map((document) => document._id)
    expect([...selected].sort()).toEqual(expected.sort())
    // Both kinds of result are present, so the comparison means something.
    expect(expected.length).toBeGreaterThan(10)
    expect(documents.length - expected.length).toBeGreaterThan(10)
  })

  it('reads a publishedAt with a UTC offset as the instant it names, in GROQ and in TypeScript', async () => {
    const query = parse(`*[${isPublicFilter}]._id`)
    const selected = await (await evaluate(query, { dataset: edgeCases, params: { now } })).get()
    for (const type of SCHEDULED_TYPES) {
      expect(selected, type).toContain(`${type}-east-due`)
      expect(selected, type).toContain(`${type}-east-at-now`)
      expect(selected, type).toContain(`${type}-utc-at-now`)
      expect(selected, type).not.toContain(`${type}-west-scheduled`)
      for (const notADateTime of ['no-seconds', 'lowercase', 'words', 'number'])
        expect(selected, type).not.toContain(`${type}-${notADateTime}`)
    }
  })

  it('has the lists newest first by instant, whatever the offset', async () => {
    // As strings the order would be east, utc, studio, west.
    const dateTimes = {
      east: '2026-05-31T10:00:00+08:00', // 02:00 UTC
      utc: '2026-05-31T03:00:00Z',
      west: '2026-05-30T19:30:00-08:00', // 03:30 UTC
      studio: '2026-05-31T02:30:00.000Z',
    }
    const idsIn = async (query: string, documents: Document[]) => {
      const result = await (await evaluate(parse(query), { dataset: documents, params: { now } })).get()
      return (result as Array<{ _id: string }>).map((document) => document._id)
    }
    const articles = Object.entries(dateTimes).map(([_id, publishedAt]) => ({
      _id,
      _type: 'article',
      publishedAt,
    }))
    expect(await idsIn(articlesQuery, articles)).toEqual(['west', 'utc', 'studio', 'east'])
    const events = Object.entries(dateTimes).map(([_id, startsAt]) => ({
      _id,
      _type: 'event',
      publishedAt: '2026-01-01T00:00:00Z',
      startsAt,
    }))
    expect(await idsIn(eventsQuery, events)).toEqual(['west', 'utc', 'studio', 'east'])
  })
})

describe('referencesIn', () => {
  it('finds document references with their paths, not image assets', () => {
    const document = {
      _id: 'a',
      _type: 'article',
      colleges: [{ _type: 'reference', _ref: 'college-x', _key: 'k' }],
      cover: { _type: 'image', asset: { _type: 'reference', _ref: 'image-abc-4x3-jpg' } },
      donor: { college: { _ref: 'college-y', _weak: true } },
    }
    expect(referencesIn(document)).toEqual([
      { ref: 'college-x', weak: false, path: ['colleges', 0] },
      { ref: 'college-y', weak: true, path: ['donor', 'college'] },
    ])
  })
})
