import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TITLE_MAX } from '../../schemas/lib/contentRules.ts'
import { checkDataset, formatProblem, readDataset, validateDataset } from '../../site/lib/dataset/index.ts'

// The content rules shared by the Studio, check:content and the build (issue 12): size limits in the Studio,
// assets that must stay inside the dataset, archive entries named, problems from the Content Lake without a line.

const now = new Date('2026-06-01T00:00:00Z')
let scratch: string

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'contract-test-'))
})
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

const article = (title: string) => ({
  _id: 'article-long',
  _type: 'article',
  title,
  slug: { _type: 'slug', current: 'long' },
  publishedAt: '2026-05-01T02:00:00Z',
  category: 'news',
  body: [
    {
      _type: 'block',
      _key: 'b',
      style: 'normal',
      markDefs: [],
      children: [{ _type: 'span', _key: 's', text: '正文', marks: [] }],
    },
  ],
})

describe('the Studio', () => {
  it(`refuses a title over ${TITLE_MAX} characters as an error, and warns from 41`, async () => {
    const problems = await validateDataset([{ line: 1, document: article('标'.repeat(TITLE_MAX + 1)) }], {
      now,
    })
    expect(problems.filter((problem) => problem.level === 'error').map((problem) => problem.path)).toContain(
      'title',
    )
    const fine = await validateDataset([{ line: 1, document: article('标'.repeat(TITLE_MAX)) }], { now })
    expect(fine.filter((problem) => problem.level === 'error')).toEqual([])
    expect(fine.filter((problem) => problem.path === 'title').map((problem) => problem.level)).toEqual([
      'warning',
    ])
  }, 180_000) // loads the Studio schema and `sanity`
})

describe('check:content', () => {
  it('reports an image that is a symlink to a file outside the dataset, naming the document and field', async () => {
    const dataset = path.join(scratch, 'symlinked')
    await mkdir(path.join(dataset, 'images'), { recursive: true })
    const outside = path.join(scratch, 'outside.jpg')
    await writeFile(outside, 'a private file')
    const name = `${'c'.repeat(40)}-4x3.jpg`
    await symlink(outside, path.join(dataset, 'images', name))
    const document = {
      ...article('封面是链接'),
      cover: { _type: 'imageWithAlt', alt: '图', _sanityAsset: `image@file://./images/${name}` },
    }
    await writeFile(path.join(dataset, 'data.ndjson'), `${JSON.stringify(document)}\n`)
    const { problems } = await checkDataset(dataset, { now })
    expect(problems.filter((problem) => problem.level === 'error')).toEqual([
      {
        level: 'error',
        line: 1,
        documentId: 'article-long',
        type: 'article',
        path: 'cover',
        message: `image file "images/${name}" is a link to a file outside the dataset folder: refused`,
      },
    ])
  })

  it('reports the build contract too: a field of the wrong type, with expected and found', async () => {
    const dataset = path.join(scratch, 'drifted')
    await mkdir(dataset, { recursive: true })
    await writeFile(
      path.join(dataset, 'data.ndjson'),
      `${JSON.stringify({ ...article('标签是字符串'), tags: 'a,b' })}\n`,
    )
    const { problems } = await checkDataset(dataset, { now })
    expect(
      problems.filter((problem) => problem.path === 'tags' && problem.level === 'error').length,
    ).toBeGreaterThan(0)
  })
})

describe('dataset archives', () => {
  it('name the entry they refuse', async () => {
    // A one-entry tar with a path leaving the folder, written by hand: tools refuse to create one.
    const header = Buffer.alloc(512)
    header.write('../evil.txt', 0)
    header.write('0000644\0', 100)
    header.write('0000000\0', 108)
    header.write('0000000\0', 116)
    header.write('00000000001\0', 124)
    header.write('00000000000\0', 136)
    header.write('        ', 148)
    header.write('0', 156)
    header.write('ustar\0' + '00', 257)
    let sum = 0
    for (const byte of header) sum += byte
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
    const body = Buffer.alloc(512)
    body.write('x')
    const archive = path.join(scratch, 'unsafe.tar.gz')
    await writeFile(archive, gzipSync(Buffer.concat([header, body, Buffer.alloc(1024)])))
    await expect(readDataset(archive, { cacheDir: path.join(scratch, 'cache') })).rejects.toThrow(
      /entry "\.\.\/evil\.txt" is refused: path contains '\.\.'/,
    )
  })
})

describe('problems from the Content Lake', () => {
  it('name document, type and field, without a line', () => {
    expect(
      formatProblem({
        level: 'error',
        line: 0,
        documentId: 'story-a',
        type: 'donationStory',
        path: 'donor.anonymous',
        message: 'x',
      }),
    ).toBe('document "story-a" (donationStory): donor.anonymous: x')
  })
})
