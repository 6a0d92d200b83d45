import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkDataset, formatProblem } from '../../site/lib/dataset/index.ts'
import { compareWithDisk } from '../../scripts/sample-dataset/lib/compare.ts'
import { type GeneratedDataset, generateSampleDataset } from '../../scripts/sample-dataset/lib/generate.ts'
import { readArticles } from '../../scripts/sample-dataset/lib/read-content.ts'

const root = path.resolve(import.meta.dirname, '../..')
const sample = path.join(root, 'dataset')

describe('the sample dataset in dataset/', () => {
  it('exists in `sanity dataset export` format', () => {
    expect(existsSync(path.join(sample, 'data.ndjson')), `${sample}/data.ndjson`).toBe(true)
  })

  it('has no errors', { timeout: 120_000 }, async () => {
    const { problems } = await checkDataset(sample)
    // Listed in full so that a failure says what to fix.
    const errors = problems.filter((problem) => problem.level === 'error').map(formatProblem)
    const warnings = problems.filter((problem) => problem.level === 'warning').map(formatProblem)
    if (warnings.length > 0) console.warn(`dataset/ warnings:\n${warnings.join('\n')}`)
    expect(errors).toEqual([])
  })
})

// `npm run dataset:sample -- --check`, run in-process.
describe('the sample dataset’s sources in scripts/sample-dataset/', () => {
  let generated: GeneratedDataset
  beforeAll(async () => {
    generated = await generateSampleDataset(path.join(root, 'scripts/sample-dataset'))
  }, 60_000)

  it('produce exactly the committed dataset/ and search golden list', () => {
    expect(generated.problems).toEqual([])
    expect(
      compareWithDisk(generated.files, root),
      'run `npm run dataset:sample` and commit the result',
    ).toEqual([])
  })

  it('name the changed document, the missing file and the stale image when dataset/ differs', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'sample-dataset-check-'))
    try {
      await cp(path.join(root, 'dataset'), path.join(copy, 'dataset'), { recursive: true })
      const ndjson = path.join(copy, 'dataset/data.ndjson')
      const text = await readFile(ndjson, 'utf8')
      await writeFile(ndjson, text.replace('"title":"电子校友卡上线', '"title":"电子校友卡已上线'))
      await writeFile(path.join(copy, 'dataset/images/0000000000000000000000000000000000000000-1x1.png'), '')
      expect(compareWithDisk(generated.files, copy)).toEqual([
        'dataset/data.ndjson: documents differ: "article-alumni-card-online"',
        'tests/site/search-golden.json: missing',
        'dataset/images/0000000000000000000000000000000000000000-1x1.png: not produced by the sources',
      ])
    } finally {
      await rm(copy, { recursive: true, force: true })
    }
  })

  it('name the file and the field of a mistake in a content file', async () => {
    const sources = await mkdtemp(path.join(tmpdir(), 'sample-dataset-sources-'))
    const write = async (file: string, text: string) => {
      await mkdir(path.dirname(path.join(sources, file)), { recursive: true })
      await writeFile(path.join(sources, file), text)
    }
    try {
      const front = 'title: 标题\npublishedAt: 2025-01-01T00:00:00Z\ncategory: news\nexcerpt: 摘要\n'
      await write('content/articles/_order.yaml', '- article-one\n')
      await write('content/articles/article-one.md', `---\n${front}featured: 是\n---\n\n正文\n`)
      expect(() => readArticles(sources)).toThrow(
        'content/articles/article-one.md: field "featured" must be true or false',
      )
      await write('content/articles/article-one.md', `---\n${front}---\n\n正文\n`)
      await write('content/articles/article-two.md', `---\n${front}---\n\n正文\n`)
      expect(() => readArticles(sources)).toThrow(
        'content/articles/article-two.md: not listed in content/articles/_order.yaml',
      )
      await write('content/articles/_order.yaml', '- article-one\n- article-two\n')
      expect(readArticles(sources).published.map((article) => [article.id, article.body])).toEqual([
        ['article-one', '正文\n'],
        ['article-two', '正文\n'],
      ])
    } finally {
      await rm(sources, { recursive: true, force: true })
    }
  })
})
