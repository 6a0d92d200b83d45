import { createHash } from 'node:crypto'
import { cp, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRIVACY_FIELDS } from '../../schemas/lib/contentRules.ts'
import { type Doc, DEEP_MARKER, type Mutation, toNdjson } from '../../scripts/fuzz/mutate.ts'
import {
  buildBatch,
  checkMutation,
  names,
  pipelineProblems,
  readSampleDocuments,
  SAMPLE_DATASET,
} from '../../scripts/fuzz/run.ts'
import { buildSite, makeOutputRoot } from '../support/buildSite.ts'
import { writeExportDataset } from '../support/fixtureDataset.ts'
import { startSanityStandIn } from '../support/sanityStandIn.ts'

// Real-world content never breaks the build or leaks (issue 12): a deterministic mutator damages the sample
// dataset; the build either succeeds with clean output that leaks no planted private value, or fails naming every
// damaged document and field, and never throws. `npm run fuzz -- --rounds N --builds B` runs longer.

let base: Doc[]
let work: string

beforeAll(async () => {
  base = await readSampleDocuments()
  work = await makeOutputRoot('fuzz')
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const byType = (documents: Doc[], type: string, index = 0) =>
  documents.filter((document) => document._type === type && !document._id.startsWith('drafts.'))[index]!

const block = (text: string, marks: string[] = []) => ({
  _type: 'block',
  _key: `b${text.length}`,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: 's', text, marks }],
})

/** The cases the issue reports, each on its own document of the sample dataset. */
function issueCases(documents: Doc[]): Mutation[] {
  const story = byType(documents, 'donationStory')
  story.donor = { ...(story.donor as object), displayName: 'FZPLANTEDDONORNAME', anonymous: 'true' }
  const chapter = byType(documents, 'chapter')
  chapter.description = [block('校友会简介')]
  const tagged = byType(documents, 'article', 0)
  tagged.tags = '校友,返校'
  const marked = byType(documents, 'article', 1)
  marked.body = [
    block(
      '三千个标记',
      Array.from({ length: 3_000 }, (_, index) => `m${index}`),
    ),
  ]
  const deep = byType(documents, 'article', 2)
  deep.excerpt = DEEP_MARKER
  const profile = byType(documents, 'alumnusProfile')
  profile.classYear = '2005届'
  const plain = byType(documents, 'article', 3)
  plain.body = '正文被存成了一个字符串'
  const huge = byType(documents, 'article', 4)
  huge.title = '长'.repeat(2_000_000)
  const issue = byType(documents, 'newsletterIssue')
  const items = Array.from({ length: 10_000 }, (_, index) => ({
    _type: 'reference',
    _key: `r${index}`,
    _ref: 'article-75th-anniversary-plan',
  }))
  issue.sections = [{ _type: 'newsletterSection', _key: 'all', title: '全部', items }]
  const wide = byType(documents, 'article', 5)
  wide.cover = {
    _type: 'imageWithAlt',
    alt: '图',
    _sanityAsset: `image@file://./images/${'a'.repeat(40)}-100000x1.jpg`,
  }
  const withSvg = byType(documents, 'article', 6)
  const svg = Buffer.from(
    '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY ext SYSTEM "file:///etc/passwd">]>\n' +
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><text>&ext;</text></svg>',
  )
  const svgName = `${createHash('sha1').update(svg).digest('hex')}-40x30.svg`
  withSvg.cover = { _type: 'imageWithAlt', alt: '图', _sanityAsset: `image@file://./images/${svgName}` }
  const linked = byType(documents, 'article', 7)
  const linkName = `${'b'.repeat(40)}-40x30.jpg`
  linked.cover = { _type: 'imageWithAlt', alt: '图', _sanityAsset: `image@file://./images/${linkName}` }

  const error = (document: Doc, field: string, kind: string, extra: Partial<Mutation> = {}): Mutation => ({
    kind,
    documentId: document._id,
    field,
    expect: 'error',
    ...extra,
  })
  return [
    error(story, 'donor.anonymous', 'anonymous "true"', { planted: ['FZPLANTEDDONORNAME'] }),
    error(chapter, 'description', 'description as blocks'),
    error(tagged, 'tags', 'tags as a string'),
    error(marked, 'body', '3,000 marks'),
    error(deep, 'excerpt', '50,000 levels'),
    error(profile, 'classYear', 'classYear "2005届"'),
    error(plain, 'body', 'body as a string'),
    error(huge, 'title', '2 MB title'),
    error(issue, 'sections', '10,000 newsletter items'),
    error(wide, 'cover', 'image named 100000x1'),
    error(withSvg, 'cover', 'SVG with an external entity', {
      files: [{ path: `images/${svgName}`, bytes: svg }],
    }),
    error(linked, 'cover', 'symlink out of the dataset', {
      files: [{ path: `images/${linkName}`, symlinkTo: '/etc/hostname' }],
    }),
  ]
}

describe('the content contract, on mutations of the sample dataset', () => {
  it('names the document and field of every damaging mutation, accepts every harmless one, and never throws (120 seeds)', () => {
    const failures: string[] = []
    const kinds = new Set<string>()
    for (let seed = 1; seed <= 120; seed++) {
      const result = checkMutation(base, seed)
      if (result.mutation) kinds.add(result.mutation.kind.split(':')[0]!)
      failures.push(...result.failures)
    }
    expect(failures).toEqual([])
    // The mutator really produced every kind it knows (wrong types, privacy strings, nesting, sizes, assets…).
    expect([...kinds].sort()).toEqual([
      'deep',
      'hostileText',
      'huge',
      'marks',
      'missing',
      'privacy',
      'unsafeAsset',
      'wrongType',
    ])
  })

  it('reports each case of the issue with document, type, field, expected and found', () => {
    const documents = structuredClone(base)
    const cases = issueCases(documents)
    const problems = pipelineProblems(toNdjson(documents), SAMPLE_DATASET)
    const errors = problems.filter((problem) => problem.level === 'error')
    // Files are not written here: the SVG and the symlink are proved by the full build below.
    for (const mutation of cases.filter((candidate) => !candidate.files)) {
      expect(
        errors.some((problem) => names(problem, mutation)),
        `${mutation.kind}: ${JSON.stringify(errors)}`,
      ).toBe(true)
    }
    const messageFor = (id: string) => errors.find((problem) => problem.documentId === id)?.message
    expect(messageFor(cases[0]!.documentId)).toBe(
      'expected true or false, found string "true"; counts as anonymous: the donor is shown as 匿名校友',
    )
    expect(messageFor(cases[5]!.documentId)).toBe('expected a number, found string "2005届"')
    expect(messageFor(cases[2]!.documentId)).toBe('expected an array, found string "校友,返校"')
    expect(errors.every((problem) => problem.line > 0 && problem.type)).toBe(true)
  })

  it('reads every privacy flag as private unless it holds exactly the public value', () => {
    expect(PRIVACY_FIELDS.publicConsent.publicValue).toBe(true)
    expect(PRIVACY_FIELDS.anonymous.publicValue).toBe(false)
    expect(PRIVACY_FIELDS.showAmount.publicValue).toBe(true)
    for (const value of ['true', 'false', 1, 0, 'yes']) {
      const documents = structuredClone(base)
      const story = byType(documents, 'donationStory')
      story.donor = { ...(story.donor as object), anonymous: value }
      story.showAmount = value
      const profile = byType(documents, 'alumnusProfile')
      profile.publicConsent = value
      const errors = pipelineProblems(toNdjson(documents), SAMPLE_DATASET).filter(
        (problem) => problem.level === 'error',
      )
      expect(errors.map((problem) => `${problem.documentId} ${problem.path}`).sort()).toEqual(
        [`${profile._id} publicConsent`, `${story._id} donor.anonymous`, `${story._id} showAmount`].sort(),
      )
    }
  })
})

describe('full builds of mutated datasets', () => {
  it('fail on the issue cases and random damage, naming every damaged document and field, leaving the previous output', async () => {
    const result = await buildBatch(base, {
      work: path.join(work, 'damaged'),
      seed: 12,
      count: 6,
      only: 'error',
      allowFiles: true,
      fixed: issueCases,
    })
    expect(result.failures, result.output.slice(-4000)).toEqual([])
    expect(result.code).not.toBe(0)
    expect(result.mutations.length).toBeGreaterThanOrEqual(16)
    expect(result.output).not.toContain('FZPLANTEDDONORNAME')
  })

  it('succeed on harmless damage (control characters, lone surrogates, missing optional fields, privacy flags left unset) with clean output that leaks nothing planted', async () => {
    const result = await buildBatch(base, {
      work: path.join(work, 'harmless'),
      seed: 34,
      count: 14,
      only: 'ok',
    })
    expect(result.failures, result.output.slice(-4000)).toEqual([])
    expect(result.code, result.output.slice(-4000)).toBe(0)
    expect(result.mutations.some((mutation) => mutation.kind.startsWith('hostileText'))).toBe(true)
    expect(result.mutations.some((mutation) => mutation.planted?.length)).toBe(true)
  })
})

describe('documents from the Content Lake', () => {
  it('go through the same contract: a donor.anonymous stored as "true" fails the build naming the document and field, leaking nothing', async () => {
    const documents = structuredClone(base)
    const story = byType(documents, 'donationStory')
    story.donor = { ...(story.donor as object), displayName: 'FZLAKEDONORNAME', anonymous: 'true' }
    const profile = byType(documents, 'alumnusProfile')
    profile.classYear = '2005届'
    const dataset = path.join(work, 'lake-dataset')
    await writeExportDataset(dataset, documents)
    await cp(path.join(SAMPLE_DATASET, 'images'), path.join(dataset, 'images'), { recursive: true })
    const standIn = await startSanityStandIn({ datasetPath: dataset })
    try {
      const outDir = path.join(work, 'lake-out')
      const result = await buildSite({ outDir, env: standIn.env() })
      expect(result.code, result.stderr).not.toBe(0)
      expect(result.stderr).toContain(
        `document "${story._id}" (donationStory): donor.anonymous: expected true or false, found string "true"; counts as anonymous`,
      )
      expect(result.stderr).toContain(
        `document "${profile._id}" (alumnusProfile): classYear: expected a number, found string "2005届"`,
      )
      expect(`${result.stdout}${result.stderr}`).not.toContain('FZLAKEDONORNAME')
      expect(await readFile(path.join(outDir, 'index.html'), 'utf8').catch(() => 'no output')).toBe(
        'no output',
      )
    } finally {
      await standIn.close()
    }
  })
})
