import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { productionUrlFor } from '../../studio/productionUrl.ts'
import { templates } from '../../studio/templates.ts'

const repoRoot = path.resolve(import.meta.dirname, '../..')

// `sanity build` is proven by the Studio browser tests (tests/studio), which build the same configuration
// offline; TypeGen's output is checked by `npm run check` (typegen:check).
describe('Studio', () => {
  it('declares the same Studio dependency versions as the repository root', () => {
    const root = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'))
    const studio = JSON.parse(readFileSync(path.join(repoRoot, 'studio', 'package.json'), 'utf8'))
    for (const [name, version] of Object.entries(studio.dependencies as Record<string, string>)) {
      expect(version, name).toBe(root.dependencies[name])
    }
  })
})

describe('production URLs', () => {
  const urls = { siteUrl: 'https://alumni.example.edu.cn', previewUrl: 'https://preview.example.edu.cn' }
  const doc = (id: string, type: string, slug?: string) => ({
    _id: id,
    _type: type,
    ...(slug ? { slug: { _type: 'slug', current: slug } } : {}),
  })

  it('link a published document to its page on the public site', () => {
    expect(productionUrlFor(doc('a', 'article', 'fan-xiao-ri'), urls)).toBe(
      'https://alumni.example.edu.cn/articles/fan-xiao-ri/',
    )
    expect(productionUrlFor(doc('p', 'donationProject', 'jiang-xue-jin'), urls)).toBe(
      'https://alumni.example.edu.cn/giving/projects/jiang-xue-jin/',
    )
  })

  it('link a draft to the preview site when there is one', () => {
    expect(productionUrlFor(doc('drafts.a', 'event', 'fan-xiao-ri'), urls)).toBe(
      'https://preview.example.edu.cn/events/fan-xiao-ri/',
    )
    expect(productionUrlFor(doc('drafts.a', 'event', 'fan-xiao-ri'), { siteUrl: urls.siteUrl })).toBe(
      'https://alumni.example.edu.cn/events/fan-xiao-ri/',
    )
  })

  it('give no link for documents without a page or a slug', () => {
    expect(productionUrlFor(doc('x', 'person', 'wang'), urls)).toBeUndefined()
    expect(productionUrlFor(doc('x', 'article'), urls)).toBeUndefined()
  })
})

describe('desk templates', () => {
  it('start a document created under a college already linked to it', async () => {
    const article = templates.find((template) => template.id === 'article-by-college')!
    expect(article.schemaType).toBe('article')
    const value = await (article.value as (params: { collegeId: string }) => unknown)({
      collegeId: 'college-x',
    })
    expect(value).toEqual({ colleges: [{ _type: 'reference', _ref: 'college-x', _key: expect.any(String) }] })
    const project = templates.find((template) => template.id === 'donationProject-by-college')!
    expect(
      await (project.value as (params: { collegeId: string }) => unknown)({ collegeId: 'college-x' }),
    ).toEqual({
      college: { _type: 'reference', _ref: 'college-x' },
    })
  })

  it('start a document created under a chapter already linked to it', async () => {
    const report = templates.find((template) => template.id === 'chapterReport-by-chapter')!
    expect(
      await (report.value as (params: { chapterId: string }) => unknown)({ chapterId: 'chapter-sz' }),
    ).toEqual({
      chapter: { _type: 'reference', _ref: 'chapter-sz' },
    })
  })
})
