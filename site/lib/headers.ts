/**
 * The one definition of the response headers the site is served with: security headers, caching and the preview
 * marker. Both hosting configurations are generated from it, so they cannot drift:
 *
 * - `dist/_headers` (Netlify, Cloudflare Pages), written by every build (site/integrations/hostingHeaders.ts);
 * - the nginx configuration in deploy/nginx/ (`npm run nginx:config`, checked by tests/deploy/nginx-config.test.ts),
 *   which `npm run serve` runs unchanged.
 *
 * To change a policy, edit it here, run `npm run nginx:config`, and commit the regenerated files.
 */

/** Content-Security-Policy, one directive a line. tests/site/csp.test.ts loads every kind of page under it. */
export const CONTENT_SECURITY_POLICY: ReadonlyArray<readonly [directive: string, value: string]> = [
  ['default-src', "'self'"],
  // Images: both sources serve every variant from /_img/ (Sanity originals are downloaded at build time).
  ['img-src', "'self' data:"],
  // Pages inline their stylesheet (one request less on slow networks) and a few style attributes (donation progress
  // bars, the e-mail edition).
  ['style-src', "'self' 'unsafe-inline'"],
  // Every script is a file (astro.config.mjs never inlines them); JSON-LD is data, not run. Search is plain
  // JavaScript, so no 'wasm-unsafe-eval'.
  ['script-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['frame-ancestors', "'self'"],
  ['form-action', "'self'"],
]

/** Sent with every response, error pages included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY.map(
    ([directive, value]) => `${directive} ${value}`,
  ).join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
}

/** Added to every response of a preview build (`npm run build:preview`): drafts must never be indexed. */
export const PREVIEW_HEADERS: Readonly<Record<string, string>> = {
  'X-Robots-Tag': 'noindex',
}

/** Files whose name (or folder name) changes whenever their content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/**
 * Revalidate before every use. WeChat's X5/XWeb webview keeps HTML for a long time unless told so; with an ETag
 * (nginx sends one) the revalidation is a 304 of a few hundred bytes.
 */
export const REVALIDATE = 'no-cache'
/** Image variants are named after their source image's path, not their content: cache a day, not a year. */
export const IMAGES = 'public, max-age=86400'

export interface CacheRule {
  /** What the rule is for, written into both configurations. */
  comment: string
  /** `_headers` path pattern (`*` matches anything); `undefined` when static hosts need no rule. */
  headersPath?: string
  /** nginx location, e.g. `^~ /_astro/`, `= /_search/manifest.json`, `~ \.ics$`. */
  nginxLocation: string
  cacheControl: string
  /** nginx only: the MIME type of every file in this location (Debian's mime.types lacks .ics and .xsl); text
   *  types get `; charset=utf-8` from nginx's charset module. */
  contentType?: string
}

/**
 * Caching, most specific first. HTML is what everything else is reached from, so it revalidates; every other file is
 * either content-hashed (cached for a year) or a feed (revalidates like HTML). Static hosts (Netlify, Cloudflare
 * Pages) already revalidate HTML by default and cannot address "every page" apart from "every file", so HTML gets no
 * `_headers` rule of its own.
 */
export const CACHE_RULES: readonly CacheRule[] = [
  {
    comment: 'Scripts and styles named by Vite after their content.',
    headersPath: '/_astro/*',
    nginxLocation: '^~ /_astro/',
    cacheControl: IMMUTABLE,
  },
  {
    comment: 'The search manifest names the current index folder: always revalidated.',
    headersPath: '/_search/manifest.json',
    nginxLocation: '= /_search/manifest.json',
    cacheControl: REVALIDATE,
  },
  {
    comment: 'Search index: every build writes a new folder named after its content (/_search/<hash>/).',
    headersPath: '/_search/*/*',
    nginxLocation: '^~ /_search/',
    cacheControl: IMMUTABLE,
  },
  {
    comment: 'Image variants (/_img/<source>-<width>x<height>.<format>).',
    headersPath: '/_img/*',
    nginxLocation: '^~ /_img/',
    cacheControl: IMAGES,
  },
  {
    comment: 'Calendar feed.',
    nginxLocation: '~ \\.ics$',
    cacheControl: REVALIDATE,
    contentType: 'text/calendar',
  },
  {
    comment: 'RSS feeds and the sitemap.',
    nginxLocation: '~ \\.xml$',
    cacheControl: REVALIDATE,
    contentType: 'application/xml',
  },
  {
    comment:
      'The stylesheet that shows RSS feeds as a page (browsers apply it only when it is served as XSL).',
    nginxLocation: '~ \\.xsl$',
    cacheControl: REVALIDATE,
    contentType: 'text/xsl',
  },
  {
    comment: 'Pages (/path/ → /path/index.html) and everything else.',
    nginxLocation: '/',
    cacheControl: REVALIDATE,
  },
]

/** What nginx compresses (text/html always is). The search buckets (.bin) are compact binary and gain little. */
export const COMPRESSIBLE_TYPES = [
  'text/css',
  'text/javascript',
  'application/javascript',
  'application/json',
  'application/xml',
  'text/xml',
  'text/xsl',
  'application/rss+xml',
  'text/calendar',
  'text/plain',
  'image/svg+xml',
]

/** The `_headers` file of a build. */
export function renderHeadersFile(options: { preview: boolean }): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')
  return [
    '# Response headers for static hosts that read this file (Netlify, Cloudflare Pages). Generated by every build',
    '# from site/lib/headers.ts, which also generates the nginx configuration in deploy/nginx/: edit that file, not',
    '# this one. See docs/deploy.md.',
    '',
    block('/*', { ...SECURITY_HEADERS, ...(options.preview ? PREVIEW_HEADERS : {}) }),
    ...CACHE_RULES.flatMap((rule) =>
      rule.headersPath
        ? [`\n# ${rule.comment}\n${block(rule.headersPath, { 'Cache-Control': rule.cacheControl })}`]
        : [],
    ),
    '',
  ].join('\n')
}
