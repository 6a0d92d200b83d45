import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDataset } from '../scripts/generate-dataset/generate.ts'
import { FrequencySampler, loadLexicon } from '../scripts/generate-dataset/lexicon.ts'
import { planDataset } from '../scripts/generate-dataset/plan.ts'
import { Random, ZipfSampler } from '../scripts/generate-dataset/random.ts'

type Json = Record<string, any>

const N = 300
const repo = resolve(import.meta.dirname, '..')
let root: string
let first: string
let same: string
let other: string
let narrow: string
let documents: Json[]

const lines = (dir: string) => readFileSync(join(dir, 'data.ndjson'), 'utf8').trimEnd().split('\n')
const baseId = (id: string) => id.replace(/^drafts\./, '')
const isDraft = (doc: Json) => doc._id.startsWith('drafts.')

/** Calls `visit` for every object and array inside `value`, with the path to it. */
function walk(value: unknown, visit: (node: unknown, path: string) => void, path = ''): void {
  visit(value, path)
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, visit, `${path}[${i}]`))
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) walk(child, visit, path ? `${path}.${key}` : key)
}

function spanText(blocks: Json[] | undefined): string {
  return (blocks ?? [])
    .filter((block) => block._type === 'block')
    .flatMap((block) => block.children.map((span: Json) => span.text))
    .join('')
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'generate-dataset-'))
  first = join(root, 'first')
  same = join(root, 'same')
  other = join(root, 'other')
  narrow = join(root, 'narrow')
  await generateDataset({ documents: N, out: first, seed: 'test' })
  await generateDataset({ documents: N, out: same, seed: 'test' })
  await generateDataset({ documents: N, out: other, seed: 'another' })
  await generateDataset({ documents: N, out: narrow, seed: 'test', corpus: 'narrow' })
  documents = lines(first).map((line) => JSON.parse(line))
}, 60_000)

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('generate:dataset', () => {
  it('writes byte-identical data and images for the same seed and size', () => {
    expect(readFileSync(join(same, 'data.ndjson')).equals(readFileSync(join(first, 'data.ndjson')))).toBe(
      true,
    )
    const images = readdirSync(join(first, 'images')).sort()
    expect(readdirSync(join(same, 'images')).sort()).toEqual(images)
  })

  it('writes different data for a different seed', () => {
    expect(readFileSync(join(other, 'data.ndjson')).equals(readFileSync(join(first, 'data.ndjson')))).toBe(
      false,
    )
  })

  it('writes exactly N documents, one per line, settings, colleges, chapters, persons and drafts included', () => {
    expect(documents).toHaveLength(N)
    const counts: Record<string, number> = {}
    for (const doc of documents) counts[doc._type] = (counts[doc._type] ?? 0) + 1
    expect(counts).toEqual(planDataset(N).counts)
    expect(new Set(documents.map((doc) => doc._id)).size).toBe(N)
    expect(documents.filter((doc) => doc._id === 'siteSettings')).toHaveLength(1)
  })

  it('splits a large dataset in the planned proportions', () => {
    const plan = planDataset(20_000)
    const total = Object.values(plan.counts).reduce((sum, n) => sum + n, 0)
    expect(total).toBe(20_000)
    expect(plan.counts.college).toBeLessThanOrEqual(20)
    expect(plan.counts.chapter).toBe(800)
    expect(plan.counts.article / plan.counts.alumnusProfile).toBeCloseTo(55 / 12, 1)
  })

  it('resolves every reference to a published document of the dataset, never to a draft', () => {
    const ids = new Set(documents.map((doc) => doc._id))
    const dangling: string[] = []
    let references = 0
    for (const doc of documents)
      walk(doc, (node, path) => {
        if (node && typeof node === 'object' && '_ref' in node) {
          references++
          const ref = (node as Json)._ref
          if (!ids.has(ref) || ref.startsWith('drafts.')) dangling.push(`${doc._id} ${path} → ${ref}`)
        }
      })
    expect(references).toBeGreaterThan(N)
    expect(dangling).toEqual([])
  })

  it('points every image at an existing file named <sha1>-<W>x<H>.jpg after its bytes and size', async () => {
    const files = new Set<string>()
    for (const doc of documents)
      walk(doc, (node) => {
        if (node && typeof node === 'object' && '_sanityAsset' in node) {
          const image = node as Json
          expect(image._type).toBe('imageWithAlt')
          expect(image.alt).toBeTruthy()
          files.add(image._sanityAsset.replace(/^image@file:\/\/\.\/images\//, ''))
        }
      })
    expect(files.size).toBeGreaterThan(10)
    for (const file of files) {
      const path = join(first, 'images', file)
      expect(existsSync(path), file).toBe(true)
      const bytes = readFileSync(path)
      const { width, height } = await sharp(bytes).metadata()
      expect(file).toBe(`${createHash('sha1').update(bytes).digest('hex')}-${width}x${height}.jpg`)
    }
    const articles = documents.filter((doc) => doc._type === 'article')
    expect(articles.filter((doc) => doc.cover).length / articles.length).toBeGreaterThan(0.7)
  })

  it('gives every array member object a _key unique within its array', () => {
    const problems: string[] = []
    for (const doc of documents)
      walk(doc, (node, path) => {
        if (!Array.isArray(node) || typeof node[0] !== 'object') return
        const keys = node.map((member: Json) => member._key)
        if (keys.some((key) => typeof key !== 'string' || !key) || new Set(keys).size !== keys.length)
          problems.push(`${doc._id} ${path}`)
      })
    expect(problems).toEqual([])
  })

  it('keeps slugs ASCII and unique per type (a draft shares the slug of the document it edits)', () => {
    const seen = new Map<string, string>()
    for (const doc of documents) {
      if (!doc.slug) continue
      expect(doc.slug._type).toBe('slug')
      expect(doc.slug.current).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      const key = `${doc._type}:${doc.slug.current}`
      const owner = seen.get(key)
      if (owner) expect(owner, `${doc._id} repeats slug ${key}`).toBe(baseId(doc._id))
      seen.set(key, baseId(doc._id))
    }
    expect(documents.filter((doc) => doc._type !== 'siteSettings').every((doc) => doc.slug)).toBe(true)
  })

  it('contains drafts, documents scheduled for 2099 and profiles without consent, all profiles with a contact', () => {
    expect(documents.filter(isDraft).length).toBeGreaterThanOrEqual(2)
    expect(documents.filter((doc) => doc.publishedAt?.startsWith('2099-')).length).toBeGreaterThanOrEqual(2)
    const profiles = documents.filter((doc) => doc._type === 'alumnusProfile')
    expect(profiles.some((doc) => doc.publicConsent === false)).toBe(true)
    expect(profiles.some((doc) => doc.publicConsent === true)).toBe(true)
    for (const profile of profiles) {
      expect(profile.contact._type).toBe('alumnusContact')
      expect(profile.contact.email).toMatch(/@example\.com$/)
    }
  })

  it('lists only public items in newsletter sections', () => {
    const byId = new Map(documents.map((doc) => [doc._id, doc]))
    const issues = documents.filter((doc) => doc._type === 'newsletterIssue')
    expect(issues.length).toBeGreaterThan(0)
    for (const issue of issues) {
      expect(issue.sections.length).toBeGreaterThan(0)
      for (const section of issue.sections)
        for (const item of section.items) {
          const doc = byId.get(item._ref)!
          expect(isDraft(doc)).toBe(false)
          expect(Date.parse(doc.publishedAt)).toBeLessThan(Date.now())
          if (doc._type === 'alumnusProfile') expect(doc.publicConsent).toBe(true)
        }
    }
  })

  it("never writes an anonymous donor's name or a hidden amount into a donation story's text", () => {
    const stories = documents.filter((doc) => doc._type === 'donationStory')
    const anonymous = stories.filter((doc) => doc.donor.anonymous)
    expect(anonymous.length).toBeGreaterThan(0)
    expect(stories.some((doc) => doc.showAmount === false && doc.amount)).toBe(true)
    for (const story of stories) {
      const text = story.title + story.excerpt + spanText(story.body)
      if (story.donor.anonymous) {
        for (const name of story.donor.displayName.replace(/伉俪$/, '').split('、'))
          expect(text).not.toContain(name)
      }
      if (story.showAmount === false && story.amount)
        expect(text).not.toContain(`${story.amount / 10_000}万元`)
    }
  })

  it('writes Portable Text bodies of 300–1500 characters (articles 800–2800), with headings, lists, links and emphasis', () => {
    const withBody = documents.filter((doc) => Array.isArray(doc.body))
    const bodies = withBody.map((doc) => doc.body as Json[])
    for (const doc of withBody) {
      const length = spanText(doc.body).length
      const [min, max] = doc._type === 'article' ? [800, 2800] : [300, 1500]
      expect(length).toBeGreaterThanOrEqual(min)
      expect(length).toBeLessThanOrEqual(max)
      const body = doc.body as Json[]
      for (const block of body.filter((member) => member._type === 'block')) {
        expect(Array.isArray(block.markDefs)).toBe(true)
        for (const span of block.children)
          for (const mark of span.marks)
            expect(
              ['strong', 'em'].includes(mark) || block.markDefs.some((def: Json) => def._key === mark),
            ).toBe(true)
      }
    }
    const blocks = bodies.flat()
    expect(blocks.some((block) => block.style === 'h2')).toBe(true)
    expect(blocks.some((block) => block.listItem === 'bullet' || block.listItem === 'number')).toBe(true)
    expect(blocks.some((block) => block.markDefs?.some((def: Json) => def._type === 'link'))).toBe(true)
    expect(blocks.some((block) => block.children?.some((span: Json) => span.marks.includes('strong')))).toBe(
      true,
    )
  })

  it('spreads publishedAt over 2006–2026 and writes realistic Chinese text', () => {
    const years = new Set(
      documents
        .filter((doc) => doc.publishedAt && !doc.publishedAt.startsWith('2099'))
        .map((doc) => doc.publishedAt.slice(0, 4)),
    )
    expect(years.size).toBeGreaterThan(12)
    expect([...years].every((year) => year >= '2006' && year <= '2026')).toBe(true)
    const text = documents.map((doc) => spanText(doc.body)).join('')
    for (const word of ['校友', '母校', '学院', '人才培养', '，', '。', '“']) expect(text).toContain(word)
  })

  it('draws the realistic corpus from a real word-frequency list, with far more distinct words than the narrow one', () => {
    const pairs = (dir: string) => {
      const text = lines(dir)
        .map((line) => spanText(JSON.parse(line).body))
        .join('\n')
      const seen = new Set<string>()
      for (const run of text.match(/\p{Script=Han}+/gu) ?? [])
        for (let i = 0; i + 1 < run.length; i++) seen.add(run.slice(i, i + 2))
      return { text, perChar: seen.size / text.length }
    }
    const realistic = pairs(first)
    const narrowText = pairs(narrow)
    expect(realistic.perChar).toBeGreaterThan(narrowText.perChar * 1.5)
    // The language's commonest words, which the alumni-news word lists do not have on their own.
    for (const word of ['我们', '没有', '已经']) expect(realistic.text).toContain(word)
    expect(narrowText.text).not.toContain('没有')
  })

  it('samples the word list in proportion to its counts', () => {
    const sampler = new FrequencySampler(['常', '少'], [3, 1])
    const random = new Random(7)
    let common = 0
    for (let i = 0; i < 20_000; i++) if (sampler.sample(random) === '常') common++
    expect(common / (20_000 - common)).toBeCloseTo(3, 0)
    expect(loadLexicon().noun.words.length).toBeGreaterThan(100_000)
  })

  it('samples words with Zipf frequencies: the top word about twice as often as the second', () => {
    const sampler = new ZipfSampler(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])
    const random = new Random(7)
    const counts: Record<string, number> = {}
    for (let i = 0; i < 40_000; i++) {
      const word = sampler.sample(random)
      counts[word] = (counts[word] ?? 0) + 1
    }
    expect(counts.a! / counts.b!).toBeCloseTo(2, 0)
    expect(counts.a! / counts.h!).toBeGreaterThan(5)
  })

  it('explains the document count in --help and rejects a call without --out', async () => {
    const run = promisify(execFile)
    const node = join(repo, 'node_modules/.bin/node')
    const main = join(repo, 'scripts/generate-dataset/main.ts')
    const { stdout } = await run(node, [main, '--help'])
    expect(stdout).toContain('--documents N')
    expect(stdout).toContain('lines of PATH/data.ndjson')
    await expect(run(node, [main, '--documents', '300'])).rejects.toMatchObject({ code: 2 })
  })
})
