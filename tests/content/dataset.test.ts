import { evaluate, parse } from 'groq-js'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { create as createTar } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkDataset,
  type DatasetProblem,
  DatasetReadError,
  formatProblem,
  readDataset,
  toContentLakeDocuments,
  validateDataset,
} from '../../site/lib/dataset/index.ts'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const fixture = (name: string) => path.join(fixtures, name)
/** A build clock after every fixture's publishedAt. */
const now = new Date('2026-06-01T00:00:00Z')

const IMAGE_SHA1 = 'cc6bd6c8a70be7c2a388cab1519cc4f6cedf3be7'

async function problemsOf(name: string): Promise<DatasetProblem[]> {
  return (await checkDataset(fixture(name), { now })).problems
}

const errors = (problems: DatasetProblem[]) => problems.filter((problem) => problem.level === 'error')

describe('a valid export', () => {
  it('has no problems at all', async () => {
    expect(await problemsOf('valid')).toEqual([])
  })

  it('reads every document with its NDJSON line', async () => {
    const dataset = await readDataset(fixture('valid'))
    expect(dataset.problems).toEqual([])
    expect(dataset.records).toHaveLength(14)
    expect(dataset.records[0]).toMatchObject({ line: 1, document: { _id: 'siteSettings' } })
    expect(dataset.records[13]).toMatchObject({ line: 14, document: { _id: 'drafts.article-homecoming' } })
    expect(dataset.assetsRoot).toBe(fixture('valid'))
  })

  it('reads the same from data.ndjson as from its folder', async () => {
    const folder = await readDataset(fixture('valid'))
    const file = await readDataset(path.join(fixture('valid'), 'data.ndjson'))
    expect(file.records).toEqual(folder.records)
    expect(file.assetsRoot).toBe(folder.assetsRoot)
  })
})

describe('a .tar.gz from `sanity dataset export`', () => {
  let scratch: string
  let archive: string

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'alumni-dataset-test-'))
    archive = path.join(scratch, 'production.tar.gz')
    // Same layout as the CLI writes: one top folder holding data.ndjson and images/.
    await createTar({ gzip: true, file: archive, cwd: fixtures }, ['valid'])
  })
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  it('reads the same documents as the folder it was made from', async () => {
    const folder = await readDataset(fixture('valid'))
    const packed = await readDataset(archive, { cacheDir: path.join(scratch, 'cache') })
    expect(packed.problems).toEqual([])
    expect(packed.records).toEqual(folder.records)
    expect(path.basename(packed.assetsRoot)).toBe('valid')
  })

  it('finds the images inside the archive', async () => {
    const packed = await readDataset(archive, { cacheDir: path.join(scratch, 'cache') })
    const converted = toContentLakeDocuments(packed.records, packed.assetsRoot)
    expect(converted.problems).toEqual([])
    expect(converted.assets).toHaveLength(1)
  })

  it('passes every check, like the folder', async () => {
    expect((await checkDataset(archive, { now, cacheDir: path.join(scratch, 'cache') })).problems).toEqual([])
  })
})

describe('export assets in Content Lake shape', () => {
  it('turns _sanityAsset into an asset reference and keeps the other image fields', async () => {
    const dataset = await readDataset(fixture('valid'))
    const { documents } = toContentLakeDocuments(dataset.records, dataset.assetsRoot)
    const article = documents.find((document) => document._id === 'article-homecoming')!
    expect(article.cover).toEqual({
      _type: 'imageWithAlt',
      alt: '校友返校日合影',
      caption: '摄影：王记者',
      asset: { _type: 'reference', _ref: `image-${IMAGE_SHA1}-4x3-jpg` },
    })
    expect(JSON.stringify(documents)).not.toContain('_sanityAsset')
  })

  it('does not modify the records it converts', async () => {
    const dataset = await readDataset(fixture('valid'))
    const before = JSON.stringify(dataset.records)
    toContentLakeDocuments(dataset.records, dataset.assetsRoot)
    expect(JSON.stringify(dataset.records)).toBe(before)
  })

  it('adds one sanity.imageAsset per file, with its dimensions and a file URL', async () => {
    const dataset = await readDataset(fixture('valid'))
    const { assets } = toContentLakeDocuments(dataset.records, dataset.assetsRoot)
    const file = path.join(fixture('valid'), 'images', `${IMAGE_SHA1}-4x3.jpg`)
    expect(assets).toEqual([
      expect.objectContaining({
        _id: `image-${IMAGE_SHA1}-4x3-jpg`,
        _type: 'sanity.imageAsset',
        extension: 'jpg',
        mimeType: 'image/jpeg',
        path: file,
        url: `file://${file}`,
        metadata: expect.objectContaining({
          dimensions: expect.objectContaining({ width: 4, height: 3, aspectRatio: 4 / 3 }),
        }),
      }),
    ])
  })

  it('uses the URL the caller chooses for assets', async () => {
    const dataset = await readDataset(fixture('valid'))
    const { assets } = toContentLakeDocuments(dataset.records, dataset.assetsRoot, {
      assetUrl: (asset) => `/_img/${path.basename(asset.filePath)}`,
    })
    expect(assets[0]!.url).toBe(`/_img/${IMAGE_SHA1}-4x3.jpg`)
  })

  it('answers the same GROQ as the Content Lake: asset-> dereferences to the dimensions', async () => {
    const dataset = await readDataset(fixture('valid'))
    const { documents } = toContentLakeDocuments(dataset.records, dataset.assetsRoot)
    const query =
      '*[_id == "article-homecoming"][0]{ "size": cover.asset->metadata.dimensions{ width, height } }'
    const result = await (await evaluate(parse(query), { dataset: documents })).get()
    expect(result).toEqual({ size: { width: 4, height: 3 } })
  })
})

describe('problems in a dataset', () => {
  it('reports a missing required field with its line, document, type and field', async () => {
    expect(errors(await problemsOf('missing-required-field'))).toEqual([
      {
        level: 'error',
        line: 2,
        documentId: 'article-no-title',
        type: 'article',
        path: 'title',
        message: 'required field is missing',
      },
    ])
  })

  it('reports references to documents that are not in the dataset, or only as drafts', async () => {
    const problems = errors(await problemsOf('broken-reference'))
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, documentId: 'article-a', type: 'article', path: 'colleges[1]' }),
      expect.objectContaining({
        line: 3,
        documentId: 'newsletterIssue-1',
        type: 'newsletterIssue',
        path: 'sections[0].items[1]',
      }),
      expect.objectContaining({ line: 4, documentId: 'article-b', type: 'article', path: 'colleges[0]' }),
    ])
    expect(problems[0]!.message).toBe('references "college-gone", which is not in the dataset')
    expect(problems[2]!.message).toBe(
      'references "college-new", which exists only as a draft (not published)',
    )
  })

  it('reports a slug used twice by published documents of one type', async () => {
    expect(errors(await problemsOf('duplicate-slug'))).toEqual([
      {
        level: 'error',
        line: 3,
        documentId: 'article-two',
        type: 'article',
        path: 'slug.current',
        message:
          'slug "fan-xiao-ri" is already used by "article-one" (line 1); slugs must be unique per type',
      },
    ])
  })

  it('reports impossible dates and datetimes that are not ISO 8601', async () => {
    expect(errors(await problemsOf('invalid-date'))).toEqual([
      expect.objectContaining({
        line: 1,
        documentId: 'chapter-shenzhen',
        type: 'chapter',
        path: 'foundedAt',
      }),
      expect.objectContaining({ line: 2, documentId: 'event-bad-start', type: 'event', path: 'startsAt' }),
    ])
  })

  it('reports a malformed NDJSON line and still reads the lines around it', async () => {
    const dataset = await readDataset(fixture('malformed-ndjson'))
    expect(dataset.records.map((record) => record.line)).toEqual([1, 3])
    expect(dataset.problems).toEqual([
      { level: 'error', line: 2, message: expect.stringMatching(/^malformed JSON: /) },
    ])
    expect(errors(await problemsOf('malformed-ndjson'))).toHaveLength(1)
  })

  it('reports a document type the schema does not know, but accepts asset documents', async () => {
    expect(errors(await problemsOf('unknown-type'))).toEqual([
      {
        level: 'error',
        line: 2,
        documentId: 'newsItem-1',
        type: 'newsItem',
        path: '_type',
        message: 'unknown document type "newsItem" (not in the schema)',
      },
    ])
  })

  it('reports an image whose file is missing from images/', async () => {
    expect(errors(await problemsOf('missing-image-file'))).toEqual([
      {
        level: 'error',
        line: 2,
        documentId: 'article-cover',
        type: 'article',
        path: 'cover',
        message:
          'image file "images/0000000000000000000000000000000000000000-800x600.jpg" is missing from the dataset',
      },
    ])
  })

  it('checks drafts but only warns about them', async () => {
    expect(await problemsOf('draft-problems')).toEqual([
      {
        level: 'warning',
        line: 1,
        documentId: 'drafts.article-wip',
        type: 'article',
        path: 'body',
        message: '(draft) 正文不能为空',
      },
    ])
  })

  it('reports a duplicate _id on its second line', async () => {
    const dataset = await readDataset(fixture('valid'))
    const records = [...dataset.records, { line: 15, document: dataset.records[1]!.document }]
    expect(await validateDataset(records, { now, assetsRoot: dataset.assetsRoot })).toEqual([
      {
        level: 'error',
        line: 15,
        documentId: 'college-architecture',
        type: 'college',
        path: '_id',
        message: 'duplicate _id: already used on line 2',
      },
    ])
  })

  it('warns when a public document links to one readers cannot see yet', async () => {
    const dataset = await readDataset(fixture('valid'))
    // On 2026-05-02 the newsletter is out, but pretend its first article is scheduled for later.
    const records = dataset.records.map((record) =>
      record.document._id === 'article-homecoming'
        ? { ...record, document: { ...record.document, publishedAt: '2026-12-01T00:00:00Z' } }
        : record,
    )
    const problems = await validateDataset(records, {
      now: new Date('2026-05-02T00:00:00Z'),
      assetsRoot: dataset.assetsRoot,
    })
    expect(problems).toEqual([
      expect.objectContaining({
        level: 'warning',
        line: 13,
        documentId: 'newsletterIssue-2026-1',
        path: 'sections[0].items[0]',
        message: expect.stringContaining('"article-homecoming" (article), which readers cannot see yet'),
      }),
    ])
  })

  it('reports a path that cannot be read as an export', async () => {
    await expect(readDataset(fixture('does-not-exist'))).rejects.toThrow(DatasetReadError)
    await expect(readDataset(import.meta.dirname)).rejects.toThrow(/no data\.ndjson/)
  })
})

describe('formatProblem', () => {
  it('names the line, document, type and field path', () => {
    expect(
      formatProblem({
        level: 'error',
        line: 42,
        documentId: 'article-7',
        type: 'article',
        path: 'slug.current',
        message: 'required field is missing',
      }),
    ).toBe('line 42, document "article-7" (article): slug.current: required field is missing')
  })

  it('leaves out what a problem is not tied to', () => {
    expect(formatProblem({ level: 'error', line: 3, message: 'malformed JSON: x' })).toBe(
      'line 3: malformed JSON: x',
    )
  })
})
