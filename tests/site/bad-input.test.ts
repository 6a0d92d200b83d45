import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite, buildSiteOrThrow, makeOutputRoot, ROOT, type BuildResult } from '../support/buildSite.ts'
import { block, exportImage, ref, slug, writeExportDataset } from '../support/fixtureDataset.ts'
import { readOutput } from '../support/scanOutput.ts'
import { REQUIRED_FIELDS, SLUG_PATTERN } from '../../schemas/lib/contentRules.ts'
import { checkContentContract } from '../../site/lib/contract.ts'
import { readDataset, validateDataset } from '../../site/lib/dataset/index.ts'
import { SLUG_PATTERN as STUDIO_SLUG_PATTERN } from '../../schemas/lib/slugify.ts'

// A bad dataset either fails the build with one clear message naming line, document, type and field (when it
// would publish a wrong site), or builds with a warning naming the same (when the page can do without the part).

const publishedAt = '2026-05-01T02:00:00Z'

let work: string
/** Build outputs, inside the repository (makeOutputRoot); datasets stay in `work`, named by absolute path. */
let outputs: string
let cover: Awaited<ReturnType<typeof exportImage>>

type Doc = Record<string, unknown> & { _id: string; _type: string }

/** A small valid dataset; each case breaks one thing in it. Line numbers are the array index + 1. */
function goodDocuments(): Doc[] {
  return [
    { _id: 'siteSettings', _type: 'siteSettings', title: '明湖大学校友总会' },
    { _id: 'college-a', _type: 'college', name: '建筑学院', slug: slug('architecture') },
    { _id: 'chapter-a', _type: 'chapter', name: '深圳校友会', slug: slug('shenzhen'), kind: 'regional' },
    {
      _id: 'article-a',
      _type: 'article',
      title: '文章甲',
      slug: slug('article-a'),
      publishedAt,
      category: 'news',
      body: [block('文章甲的正文。')],
      colleges: [ref('college-a', true)],
      cover: cover.value,
    },
    {
      _id: 'article-b',
      _type: 'article',
      title: '文章乙',
      slug: slug('article-b'),
      publishedAt,
      category: 'news',
      body: [block('文章乙的正文。')],
    },
    {
      _id: 'report-a',
      _type: 'chapterReport',
      title: '活动报道',
      slug: slug('report-a'),
      publishedAt,
      chapter: ref('chapter-a'),
      body: [block('报道正文。')],
    },
  ]
}

async function buildCase(
  name: string,
  documents: Doc[],
  options: { rawLines?: Map<number, string>; withImages?: boolean } = {},
) {
  const dir = path.join(work, name)
  await writeExportDataset(
    dir,
    documents,
    options.withImages === false ? new Map() : new Map([[cover.name, cover.bytes]]),
  )
  if (options.rawLines) {
    const ndjson = path.join(dir, 'data.ndjson')
    const lines = (await readFile(ndjson, 'utf8')).split('\n')
    for (const [line, text] of options.rawLines) lines[line - 1] = text
    await writeFile(ndjson, lines.join('\n'))
  }
  const outDir = path.join(outputs, `${name}-out`)
  const result = await buildSite({ outDir, env: { CONTENT_DATASET: dir } })
  return { ...result, outDir, ndjson: path.join(dir, 'data.ndjson') }
}

const output = (result: BuildResult) => `${result.stderr}\n${result.stdout}`

/** The error lines the build printed for the dataset (one per problem). */
function problemLines(result: BuildResult & { ndjson: string }, level: 'error' | 'warning') {
  const lines = output(result).split('\n')
  return lines.filter((line) => line.startsWith(`[content] ${level}: ${result.ndjson} line `))
}

function expectFailure(result: BuildResult & { ndjson: string; outDir: string }, message: string) {
  expect(result.code, output(result)).not.toBe(0)
  expect(result.stderr).toContain('that would publish a wrong site')
  const errors = problemLines(result, 'error')
  expect(errors, output(result)).toEqual([`[content] error: ${result.ndjson} ${message}`])
  expect(result.stderr).not.toContain('Browser APIs')
  expect(existsSync(result.outDir)).toBe(false)
  expect(existsSync(`${result.outDir}.staging`)).toBe(false)
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'bad-input-'))
  outputs = await makeOutputRoot('bad-input')
  cover = await exportImage(800, 450, '#336699', '湖边的图书馆')
})

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
  if (outputs) await rm(outputs, { recursive: true, force: true })
})

describe('a dataset that would publish a wrong site fails the build with a clear message', () => {
  it('names the line of a malformed NDJSON line', async () => {
    const result = await buildCase('malformed', goodDocuments(), {
      rawLines: new Map([[5, '{"_id": "article-b", "_type": "article", "title": "文章乙",']]),
    })
    expect(result.code).not.toBe(0)
    const errors = problemLines(result, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      new RegExp(`^\\[content\\] error: ${escape(result.ndjson)} line 5: malformed JSON: `),
    )
  })

  it('names the document, type and field of a missing required field', async () => {
    const documents = goodDocuments()
    delete documents[3]!.title
    const result = await buildCase('missing-title', documents)
    expectFailure(result, 'line 4, document "article-a" (article): title: required field is missing')
  })

  it('names both documents of a slug used twice within a type', async () => {
    const documents = goodDocuments()
    documents[4]!.slug = slug('article-a')
    const result = await buildCase('duplicate-slug', documents)
    expectFailure(
      result,
      'line 5, document "article-b" (article): slug.current: slug "article-a" is already used by "article-a" (line 4): two article documents would share one permalink',
    )
  })

  it('names a document whose _type is not in the content model', async () => {
    const documents = goodDocuments()
    documents[4]!._type = 'artcle'
    const result = await buildCase('unknown-type', documents)
    expectFailure(
      result,
      'line 5, document "article-b" (artcle): _type: unknown document type "artcle" (not in the content model)',
    )
  })

  it('names the field of an invalid date', async () => {
    const documents = goodDocuments()
    documents[4]!.publishedAt = '2026-02-30T08:00:00Z'
    const result = await buildCase('invalid-date', documents)
    expectFailure(
      result,
      'line 5, document "article-b" (article): publishedAt: invalid datetime "2026-02-30T08:00:00Z": expected ISO 8601 like "2026-03-05T02:00:00Z"',
    )
  })

  it('names a slug that cannot be a permalink', async () => {
    const documents = goodDocuments()
    documents[4]!.slug = slug('"><script>alert(1)</script>')
    const result = await buildCase('bad-slug', documents)
    expectFailure(
      result,
      'line 5, document "article-b" (article): slug.current: slug "\\"><script>alert(1)</script>" cannot be a permalink: use lowercase letters, digits and single hyphens',
    )
  })

  it('leaves the previous site in place when a later build fails', async () => {
    const dir = path.join(work, 'keep')
    const outDir = path.join(outputs, 'keep-out')
    await writeExportDataset(dir, goodDocuments(), new Map([[cover.name, cover.bytes]]))
    await buildSiteOrThrow({ outDir, env: { CONTENT_DATASET: dir } })
    const before = await readOutput(outDir)
    const broken = goodDocuments()
    delete broken[4]!.slug
    await writeExportDataset(dir, broken, new Map([[cover.name, cover.bytes]]))
    const result = await buildSite({ outDir, clean: false, env: { CONTENT_DATASET: dir } })
    expect(result.code).not.toBe(0)
    expect(output(result)).toContain('document "article-b" (article): slug: required field is missing')
    expect(await readOutput(outDir)).toEqual(before)
    expect(existsSync(`${outDir}.staging`)).toBe(false)
  })
})

describe('a dataset with parts missing builds, with a warning naming them', () => {
  let result: Awaited<ReturnType<typeof buildCase>>

  beforeAll(async () => {
    const documents = goodDocuments()
    documents[3]!.colleges = [ref('college-a', true), ref('college-gone', true)]
    documents[3]!.author = ref('person-gone')
    documents[5]!.chapter = ref('chapter-gone')
    result = await buildCase('missing-parts', documents, { withImages: false })
  })

  it('builds the page of a document with a reference to a missing document, without that reference', async () => {
    expect(result.code, output(result)).toBe(0)
    const warnings = problemLines(result, 'warning')
    expect(warnings).toContain(
      `[content] warning: ${result.ndjson} line 4, document "article-a" (article): colleges[1]: references "college-gone", which is not in the dataset: built without it`,
    )
    expect(warnings).toContain(
      `[content] warning: ${result.ndjson} line 4, document "article-a" (article): author: references "person-gone", which is not in the dataset: built without it`,
    )
    expect(warnings).toContain(
      `[content] warning: ${result.ndjson} line 6, document "report-a" (chapterReport): chapter: references "chapter-gone", which is not in the dataset: built without it`,
    )
    const article = await readFile(path.join(result.outDir, 'articles/article-a/index.html'), 'utf8')
    expect(article).toContain('文章甲的正文。')
    expect(article).toContain('href="/colleges/architecture/"')
    expect(existsSync(path.join(result.outDir, 'reports/report-a/index.html'))).toBe(true)
  })

  it('builds the page of a document whose image file is missing, without the image', async () => {
    expect(problemLines(result, 'warning')).toContain(
      `[content] warning: ${result.ndjson} line 4, document "article-a" (article): cover: image file "images/${cover.name}" is missing from the dataset: built without it`,
    )
    const article = await readFile(path.join(result.outDir, 'articles/article-a/index.html'), 'utf8')
    expect(article).toContain('<h1')
    expect(article).not.toContain('class="cover"')
  })
})

describe('the checks a build runs', () => {
  it('find no problem in the sample dataset', async () => {
    const dataset = await readDataset(path.join(ROOT, 'dataset'))
    expect(dataset.records.length).toBeGreaterThan(50)
    expect(checkContentContract(dataset.records).filter((problem) => problem.level === 'error')).toEqual([])
    expect(
      checkContentContract(dataset.records, 'drafts').filter((problem) => problem.level === 'error'),
    ).toEqual([])
  })

  it('require the same top-level fields as the Studio schema', async () => {
    const records = Object.keys(REQUIRED_FIELDS).map((type, index) => ({
      line: index + 1,
      document: { _id: type === 'siteSettings' ? 'siteSettings' : `empty-${type}`, _type: type },
    }))
    const problems = await validateDataset(records)
    const studioRequired: Record<string, string[]> = {}
    for (const problem of problems) {
      if (problem.level !== 'error' || !problem.type || !problem.path || /[.[]/.test(problem.path)) continue
      ;(studioRequired[problem.type] ??= []).push(problem.path)
    }
    for (const type of Object.keys(REQUIRED_FIELDS)) {
      expect([...new Set(studioRequired[type])].sort(), type).toEqual([...REQUIRED_FIELDS[type]!].sort())
    }
  })

  it('accept exactly the slugs the Studio accepts', () => {
    expect(SLUG_PATTERN.source).toBe(STUDIO_SLUG_PATTERN.source)
  })
})

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
