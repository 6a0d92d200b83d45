import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite, buildSiteOrThrow, type BuildResult } from '../support/buildSite.ts'
import { PLANTED, writePrivacyDataset } from '../support/privacyFixture.ts'
import { startSanityStandIn, type SanityStandIn } from '../support/sanityStandIn.ts'
import { findValues, listFiles, pagePaths, readOutput, type OutputFile } from '../support/scanOutput.ts'

// The Sanity content source, built against a local stand-in for the query API (tests/support/sanityStandIn.ts).

const TOKEN = 'skPLANTEDreadTOKENqx7a1b2c3d4e5f6'
/** Fast retries and timeouts, so fault tests take seconds. */
const FAST = { SANITY_RETRY_BASE_MS: '10', SANITY_TIMEOUT_MS: '400' }

let work: string
let datasetDir: string
let standIn: SanityStandIn
let localOut: string
let sanityOut: string
let sanityFiles: OutputFile[]

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'sanity-source-'))
  datasetDir = path.join(work, 'dataset')
  localOut = path.join(work, 'local')
  sanityOut = path.join(work, 'sanity')
  await writePrivacyDataset(datasetDir)
  standIn = await startSanityStandIn({ datasetPath: datasetDir, dataset: 'privacy', token: TOKEN })
  await buildSiteOrThrow({ outDir: localOut, env: { CONTENT_DATASET: datasetDir } })
  await buildSiteOrThrow({ outDir: sanityOut, env: standIn.env(FAST) })
  sanityFiles = await readOutput(sanityOut)
})

afterAll(async () => {
  await standIn?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

/** The readable text of a page's <main>: what a reader gets, whatever the image URLs. */
async function mainText(root: string, page: string): Promise<string> {
  const html = await readFile(path.join(root, page), 'utf8')
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? ''
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const report = (result: BuildResult) => `${result.stderr}\n${result.stdout}`

describe('a build from Sanity', () => {
  it('sends the read token to Sanity in the Authorization header of every query', () => {
    const queries = standIn.requests.filter((request) => request.query)
    expect(queries.length).toBeGreaterThan(5)
    for (const request of queries) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(queries.every((request) => request.perspective === 'published')).toBe(true)
  })

  it('never writes the read token or a planted private value into any file of the output', () => {
    expect(findValues(sanityFiles, ['公开的正文。']).length).toBeGreaterThan(0)
    const hits = findValues(sanityFiles, [TOKEN, ...Object.values(PLANTED)])
    expect(hits, hits.map((hit) => `${hit.value} in ${hit.file}: …${hit.context}…`).join('\n')).toEqual([])
  })

  it('builds the same public pages as the local dataset, with the same text', async () => {
    const local = pagePaths(await listFiles(localOut))
    expect(pagePaths(sanityFiles)).toEqual(local)
    expect(local).toContain('/articles/public-article/')
    for (const page of ['articles/public-article/index.html', 'alumni/public-alumnus/index.html', 'newsletter/issue-test/index.html']) {
      const text = await mainText(sanityOut, page)
      expect(text.length).toBeGreaterThan(20)
      expect(text, page).toBe(await mainText(localOut, page))
    }
  })

  it('points images at the Sanity CDN and copies no local image files', () => {
    const article = sanityFiles.find((file) => file.path === 'articles/public-article/index.html')!.text
    expect(article).toMatch(/src="https:\/\/cdn\.sanity\.io\/images\/test\/privacy\//)
    expect(sanityFiles.some((file) => file.path.startsWith('_img/'))).toBe(false)
  })
})

describe('when Sanity misbehaves', () => {
  it('retries two 503 answers and then builds the site', async () => {
    standIn.requests.length = 0
    standIn.failNext({ kind: 'status', status: 503 }, 2)
    const outDir = path.join(work, 'retry')
    const result = await buildSite({ outDir, env: standIn.env(FAST) })
    expect(result.code, report(result)).toBe(0)
    expect(standIn.requests.filter((request) => request.status === 503)).toHaveLength(2)
    expect(existsSync(path.join(outDir, 'articles/public-article/index.html'))).toBe(true)
  })

  it('fails with a non-zero exit naming the query when Sanity keeps answering 500, and leaves the previous output as it was', async () => {
    const before = await readOutput(sanityOut)
    standIn.failAlways({ kind: 'status', status: 500 })
    try {
      const result = await buildSite({ outDir: sanityOut, clean: false, env: standIn.env(FAST) })
      expect(result.code).not.toBe(0)
      expect(result.stderr).toMatch(/Sanity query failed after \d+ attempt\(s\) \(HTTP 500\)/)
      // The first query is the content contract's (every content document), then the page queries.
      expect(result.stderr).toMatch(/query: \*\[_type (== "\w+"|in \$types)/)
      expect(report(result)).not.toContain(TOKEN)
    } finally {
      standIn.recover()
    }
    const after = await readOutput(sanityOut)
    expect(after).toEqual(before)
    expect(existsSync(`${sanityOut}.staging`)).toBe(false)
    expect(existsSync(`${sanityOut}.previous`)).toBe(false)
  })

  it('tells the editor to check SANITY_API_READ_TOKEN when Sanity answers 403', async () => {
    standIn.failAlways({ kind: 'status', status: 403 })
    try {
      const result = await buildSite({ outDir: path.join(work, 'unauthorized'), env: standIn.env(FAST) })
      expect(result.code).not.toBe(0)
      expect(result.stderr).toContain('Sanity refused the query (HTTP 403). Check SANITY_API_READ_TOKEN')
      expect(report(result)).not.toContain(TOKEN)
    } finally {
      standIn.recover()
    }
  })

  it('names SANITY_API_READ_TOKEN when the token is wrong (401), without printing either token', async () => {
    const wrong = 'skWRONGtokenQX7zz'
    const result = await buildSite({ outDir: path.join(work, 'forbidden'), env: standIn.env({ ...FAST, SANITY_API_READ_TOKEN: wrong }) })
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('Sanity refused the query (HTTP 401). Check SANITY_API_READ_TOKEN')
    expect(report(result)).not.toContain(wrong)
    expect(report(result)).not.toContain(TOKEN)
  })

  it('gives up after retrying when Sanity never answers, naming the query', async () => {
    standIn.failAlways({ kind: 'hang' })
    try {
      const result = await buildSite({ outDir: path.join(work, 'timeout'), env: standIn.env(FAST) })
      expect(result.code).not.toBe(0)
      expect(result.stderr).toMatch(/Sanity query failed after \d+ attempt\(s\)/)
      expect(result.stderr).toMatch(/timeout/i)
      expect(result.stderr).toContain('query: *[')
    } finally {
      standIn.recover()
    }
  })
})
