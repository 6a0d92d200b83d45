import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { sitemap, sitemapUrls } from './sitemap.ts'

const SITE = 'https://alumni.example.edu.cn'

describe('sitemapUrls', () => {
  it('lists each page once as an absolute URL, in natural order, without the error pages', () => {
    expect(
      sitemapUrls(`${SITE}/`, [
        '',
        'class/2000/',
        'class/1999/',
        'articles/a-10/',
        'articles/a-2/',
        '404/',
        '/500',
        'articles/a-2/',
      ]),
    ).toEqual([
      `${SITE}/`,
      `${SITE}/articles/a-2/`,
      `${SITE}/articles/a-10/`,
      `${SITE}/class/1999/`,
      `${SITE}/class/2000/`,
    ])
  })
})

describe('the sitemap integration', () => {
  it('writes sitemap files of at most 45,000 pages and an index that lists them', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'sitemap-'))
    try {
      const integration = sitemap()
      const hooks = integration.hooks as Record<string, (options: object) => unknown>
      await hooks['astro:config:done']!({ config: { site: SITE, base: '/' } })
      const pages = Array.from({ length: 45_001 }, (_, n) => ({ pathname: `articles/a-${n}/` }))
      await hooks['astro:build:done']!({ dir: pathToFileURL(`${out}/`), pages })

      expect((await readdir(out)).sort()).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml'])
      const index = await readFile(path.join(out, 'sitemap-index.xml'), 'utf8')
      expect(index).toBe(
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
          `<sitemap><loc>${SITE}/sitemap-0.xml</loc></sitemap><sitemap><loc>${SITE}/sitemap-1.xml</loc></sitemap>` +
          '</sitemapindex>',
      )
      const first = await readFile(path.join(out, 'sitemap-0.xml'), 'utf8')
      const second = await readFile(path.join(out, 'sitemap-1.xml'), 'utf8')
      expect(first.match(/<url>/g)).toHaveLength(45_000)
      expect(second.match(/<loc>[^<]*<\/loc>/g)).toEqual([`<loc>${SITE}/articles/a-45000/</loc>`])
      expect(first).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www.sitemaps.org\//,
      )
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })
})
