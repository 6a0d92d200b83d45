import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { HtmlValidate } from 'html-validate'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { readDataset } from '../../site/lib/dataset/read.ts'
import { isPublic as isPublicAt } from '../../schemas/lib/contentRules.ts'
import { permalinkFor } from '../../schemas/lib/permalinks.ts'
import { ROOT, TEST_BUILD_TIME } from '../support/buildSite.ts'
import { fileForPath, listFiles, pageTypes } from '../support/siteFiles.ts'

type Document = {
  _id: string
  _type: string
  slug?: { current?: string }
  publishedAt?: string
  publicConsent?: boolean
  title?: string
  name?: string
}

const site = inject('sampleSiteDir')
let files: string[]
let documents: Document[]

// The site's publishing rule, run in TypeScript; the pages were built by its GROQ twin in site/lib/queries.ts.
const isPublic = (document: Document) => isPublicAt(document, new Date(TEST_BUILD_TIME))

beforeAll(async () => {
  files = await listFiles(site)
  documents = (await readDataset(path.join(ROOT, 'dataset'))).records.map(
    (record) => record.document as Document,
  )
})

describe('the built sample site', () => {
  it('has a page at the permalink of every public document, showing its title', async () => {
    const publicDocuments = documents.filter(
      (document) =>
        isPublic(document) && document.slug?.current && permalinkFor(document._type, document.slug.current),
    )
    expect(publicDocuments.length).toBeGreaterThan(100)
    for (const document of publicDocuments) {
      const file = fileForPath(permalinkFor(document._type, document.slug!.current!)!)
      expect(files, `${document._id} (${document._type})`).toContain(file)
      const html = await readFile(path.join(site, file), 'utf8')
      const heading = (document.title ?? document.name)!
      expect(html, `${document._id} shows its title`).toContain(escapeText(heading))
    }
  })

  it('has no page for drafts, future-dated documents or profiles without consent', async () => {
    const hidden = documents.filter(
      (document) =>
        !isPublic(document) && document.slug?.current && permalinkFor(document._type, document.slug.current),
    )
    expect(hidden.some((document) => document._id.startsWith('drafts.'))).toBe(true)
    expect(hidden.some((document) => document._type === 'alumnusProfile' && !document.publicConsent)).toBe(
      true,
    )
    expect(hidden.some((document) => (document.publishedAt ?? '') > TEST_BUILD_TIME)).toBe(true)
    const publicPermalinks = new Set(
      documents
        .filter(isPublic)
        .map((document) => document.slug?.current && permalinkFor(document._type, document.slug.current)),
    )
    for (const document of hidden) {
      const permalink = permalinkFor(document._type, document.slug!.current!)!
      // A draft edit of a published document shares its permalink; that page shows the published version.
      if (publicPermalinks.has(permalink)) continue
      expect(files, `${document._id} must not be published`).not.toContain(fileForPath(permalink))
    }
  })

  it('resolves every internal link, image and srcset candidate to a built file', async () => {
    const known = new Set(files)
    const broken: string[] = []
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      const html = await readFile(path.join(site, file), 'utf8')
      for (const url of internalUrls(html)) {
        if (!known.has(fileForPath(url))) broken.push(`${file} → ${url}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('renders every page in Chinese with a canonical URL and a description', async () => {
    for (const file of files.filter((name) => name.endsWith('index.html'))) {
      const html = await readFile(path.join(site, file), 'utf8')
      expect(html, file).toMatch(/<html lang="zh-CN"/)
      expect(html, file).toMatch(/<link rel="canonical" href="https:\/\/alumni\.example\.edu\.cn\//)
      expect(html, file).toMatch(/<meta name="description" content="[^"]+"/)
    }
  })

  it('ships no JavaScript on reading pages but the 大字 switch (text-size.test.ts)', async () => {
    const types = pageTypes(files)
    for (const name of [
      'home',
      'article',
      'alumnusProfile',
      'donationStory',
      'chapterReport',
      'event',
      'college',
      'chapter',
    ]) {
      const html = await readFile(path.join(site, fileForPath(types[name]!)), 'utf8')
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].filter(
        ([, attributes]) => !/type="application\/ld\+json"/.test(attributes!),
      )
      expect(
        scripts.map(([tag]) => tag),
        `${name} page scripts`,
      ).toEqual([expect.stringMatching(/^<script src="\/_astro\/text-size\.[\w-]+\.js" async>$/)])
    }
  })

  it('gives each content page structured data without personal contact details', async () => {
    const types = pageTypes(files)
    const article = await readFile(path.join(site, fileForPath(types.article!)), 'utf8')
    const event = await readFile(path.join(site, fileForPath(types.event!)), 'utf8')
    const home = await readFile(path.join(site, 'index.html'), 'utf8')
    const jsonLd = (html: string) =>
      [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(([, json]) =>
        JSON.parse(json!),
      )
    expect(jsonLd(article).map((entry) => entry['@type'])).toContain('NewsArticle')
    expect(jsonLd(event).map((entry) => entry['@type'])).toContain('Event')
    expect(jsonLd(home).map((entry) => entry['@type'])).toContain('Organization')
    for (const entry of [...jsonLd(article), ...jsonLd(event)]) {
      expect(JSON.stringify(entry)).not.toMatch(/"(email|telephone|contactPoint)"/)
    }
  })

  it('writes a sitemap and robots.txt that list only public pages', async () => {
    expect(files).toContain('robots.txt')
    expect(files).toContain('sitemap-index.xml')
    const robots = await readFile(path.join(site, 'robots.txt'), 'utf8')
    expect(robots).toContain('Sitemap: https://alumni.example.edu.cn/sitemap-index.xml')
    const sitemaps = files.filter((file) => /^sitemap-\d+\.xml$/.test(file))
    const listed = (await Promise.all(sitemaps.map((file) => readFile(path.join(site, file), 'utf8'))))
      .join('')
      .match(/<loc>[^<]+<\/loc>/g)!
      .map((loc) => new URL(loc.slice(5, -6)).pathname)
    for (const pathname of listed) expect(files, pathname).toContain(fileForPath(pathname))
    expect(listed).not.toContain('/404/')
  })

  it('produces valid HTML for every page type', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Chinese text legitimately contains characters html-validate flags in attributes and long inline content.
        'no-inline-style': 'off',
        'long-title': 'off',
        'attribute-empty-style': 'off',
        'no-trailing-whitespace': 'off',
        'void-style': 'off',
        'no-redundant-role': 'off',
      },
    })
    const types = pageTypes(files)
    const report: string[] = []
    for (const [name, pathname] of Object.entries(types)) {
      const html = await readFile(path.join(site, fileForPath(pathname)), 'utf8')
      const result = await validator.validateString(html, fileForPath(pathname))
      for (const message of result.results.flatMap((entry) => entry.messages)) {
        report.push(
          `${name} ${pathname}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
        )
      }
    }
    expect(report).toEqual([])
  })
})

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Site-internal URLs in href, src and srcset attributes (absolute URLs on the site's own origin included). */
function internalUrls(html: string): string[] {
  const urls: string[] = []
  for (const [, attribute, value] of html.matchAll(/\s(href|src|srcset)="([^"]*)"/g)) {
    const candidates =
      attribute === 'srcset'
        ? value!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!)
        : [value!]
    for (const candidate of candidates) {
      const url = candidate.replace(/&amp;/g, '&')
      if (url.startsWith('https://alumni.example.edu.cn/')) urls.push(new URL(url).pathname)
      else if (url.startsWith('/') && !url.startsWith('//')) urls.push(url)
    }
  }
  return urls
}
