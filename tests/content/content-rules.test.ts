import { readFileSync } from 'node:fs'
import path from 'node:path'
import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import { isPublic, referencesIn, SCHEDULED_TYPES } from '../../schemas/lib/contentRules.ts'
import { isPublicFilter } from '../../site/lib/queries.ts'

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
