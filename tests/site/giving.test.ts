import { appendFile, cp, readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildSiteOrThrow, makeOutputRoot, ROOT } from '../support/buildSite.ts'

// A foundation with many funds raising money at once (a large university has hundreds): /giving/ shows the latest
// few, and /giving/projects/ lists every project, page by page, those still raising money first.

const EXTRA_RAISING = 22
let site: string
let sampleProjects: Array<{ slug: string; status: string; publishedAt: string }>

const read = (file: string) => readFile(path.join(site, file), 'utf8')
/** The project pages a page links to, in order, each once. */
const projectLinks = (html: string) => [
  ...new Set([...html.matchAll(/href="\/giving\/projects\/([a-z0-9-]+)\/"/g)].map((match) => match[1]!)),
]

beforeAll(async () => {
  const work = await makeOutputRoot('giving')
  const dataset = path.join(work, 'dataset')
  await cp(path.join(ROOT, 'dataset'), dataset, { recursive: true })
  const sample = (await readFile(path.join(dataset, 'data.ndjson'), 'utf8'))
    .split('\n')
    .filter((line) => line.includes('"_type":"donationProject"'))
    .map((line) => JSON.parse(line))
  sampleProjects = sample.map((project) => ({
    slug: project.slug.current,
    status: project.status,
    publishedAt: project.publishedAt,
  }))
  const extra = Array.from({ length: EXTRA_RAISING }, (_, index) => ({
    _id: `fund-${index + 1}`,
    _type: 'donationProject',
    title: `第 ${index + 1} 号专项基金`,
    slug: { _type: 'slug', current: `fund-${index + 1}` },
    // Newer than the sample's projects, before the test build clock; fund-22 is the newest.
    publishedAt: new Date(Date.UTC(2026, 9, 1 + index, 2)).toISOString(),
    status: 'open',
    goal: 1_000_000,
    raised: 10_000 * (index + 1),
    donorCount: index + 1,
    excerpt: `第 ${index + 1} 号专项基金的简介。`,
  }))
  await appendFile(
    path.join(dataset, 'data.ndjson'),
    extra.map((project) => `${JSON.stringify(project)}\n`).join(''),
  )
  site = path.join(work, 'site')
  await buildSiteOrThrow({ outDir: site, env: { CONTENT_DATASET: dataset } })
})

describe('giving with many projects raising money', () => {
  const newestFunds = (count: number) =>
    Array.from({ length: count }, (_, index) => `fund-${EXTRA_RAISING - index}`)

  it('shows the ten newest raising projects on /giving/ and links to the full list with its counts', async () => {
    const giving = await read('giving/index.html')
    expect(projectLinks(giving)).toEqual(newestFunds(10))
    const raising = EXTRA_RAISING + sampleProjects.filter((project) => project.status === 'open').length
    const finished = sampleProjects.filter((project) => project.status !== 'open').length
    expect(giving).toContain(
      `<a href="/giving/projects/">查看全部捐赠项目：募集中 ${raising} 个，已完成、已结束 ${finished} 个</a>`,
    )
  })

  it('lists every project once on /giving/projects/, page by page, raising ones first and newest first', async () => {
    const first = await read('giving/projects/index.html')
    const second = await read('giving/projects/page/2/index.html')
    expect(first).toContain('href="/giving/projects/page/2/"')
    expect(second).toContain('<h1>捐赠项目（第 2 页）</h1>')
    const listed = [...projectLinks(first), ...projectLinks(second)]
    const sampleRaising = sampleProjects
      .filter((project) => project.status === 'open')
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .map((project) => project.slug)
    const sampleFinished = sampleProjects
      .filter((project) => project.status !== 'open')
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .map((project) => project.slug)
    // The sample's projects are older than the funds: after them within each group.
    expect(listed).toEqual([...newestFunds(EXTRA_RAISING), ...sampleRaising, ...sampleFinished])
    expect(projectLinks(first)).toHaveLength(20)
    expect(second.indexOf('已完成、已结束')).toBeGreaterThan(
      second.indexOf(`/giving/projects/${sampleRaising.at(-1)}/`),
    )
  })
})
