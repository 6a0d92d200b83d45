// @ts-check
import { defineConfig } from 'astro/config'
import { hostingHeaders } from './site/integrations/hostingHeaders.ts'
import { localImages } from './site/integrations/localImages.ts'
import { searchIndex } from './site/integrations/searchIndex.ts'
import { sitemap } from './site/integrations/sitemap.ts'
import { browserTargets } from './site/lib/browserTargets.ts'

const site = (process.env.SITE_URL ?? 'https://alumni.example.edu.cn').replace(/\/+$/, '')
// Preview builds (npm run build:preview) contain drafts: no sitemap and no search index, nothing that lists them.
const preview = process.env.CONTENT_PERSPECTIVE === 'drafts'

export default defineConfig({
  site,
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Astro writes a page to disk while it renders the next ones: at 20,000 documents rendering took about a tenth
    // less time than one page at a time. The search index still gets pages in a fixed order (lib/search/pageSink.ts).
    concurrency: 4,
    // One request per page matters more on a slow phone network than caching a few KB of CSS.
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      // package.json "browserslist": scripts are compiled and CSS is lowered (Lightning CSS) for these browsers.
      target: browserTargets(),
      // Astro inlines small page scripts; the Content-Security-Policy (site/lib/headers.ts) allows scripts from
      // files only (script-src 'self'), so scripts always ship as files. Other assets keep Vite's default.
      assetsInlineLimit: (file) => (/\.[cm]?js$/.test(file) ? false : undefined),
    },
  },
  integrations: [...(preview ? [] : [sitemap(), searchIndex()]), localImages(), hostingHeaders({ preview })],
})
