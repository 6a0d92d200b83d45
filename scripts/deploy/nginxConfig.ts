/**
 * The shipped nginx configuration, rendered from the one definition of the site's headers (site/lib/headers.ts).
 * `npm run nginx:config` writes it to deploy/nginx/; tests/deploy/nginx-config.test.ts fails when the files there
 * are not what this renders, and `npm run serve` runs those files unchanged.
 *
 *   deploy/nginx/alumni-news/site.conf             include inside a `server {}` whose `root` is the built site
 *   deploy/nginx/alumni-news/headers.conf          security headers (site.conf includes it in every location)
 *   deploy/nginx/alumni-news/headers-preview.conf  the same plus the preview marker, for a preview server
 *   deploy/nginx/alumni-news/brotli.conf           optional: include beside site.conf when the brotli module is loaded
 */
import {
  CACHE_RULES,
  COMPRESSIBLE_TYPES,
  PREVIEW_HEADERS,
  SECURITY_HEADERS,
  type CacheRule,
} from '../../site/lib/headers.ts'

/** Where site.conf finds its snippets, relative to the nginx configuration directory (/etc/nginx/). */
export const SNIPPET_DIR = 'alumni-news'

const GENERATED =
  '# Generated from site/lib/headers.ts by `npm run nginx:config`. Do not edit: change that file and regenerate.'

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`

function renderHeaders(headers: Record<string, string>): string {
  // `always`: error responses (the 404 page) carry them too.
  return Object.entries(headers)
    .map(([name, value]) => `add_header ${name} ${quote(value)} always;`)
    .join('\n')
}

function renderLocation(rule: CacheRule): string {
  const lines = [
    `# ${rule.comment}`,
    `location ${rule.nginxLocation} {`,
    // A location that adds a header of its own inherits none from the server, so each one includes the set.
    `    include ${SNIPPET_DIR}/headers.conf;`,
    `    add_header Cache-Control ${quote(rule.cacheControl)} always;`,
  ]
  if (rule.contentType) lines.push(`    types { }`, `    default_type ${rule.contentType};`)
  // Pages: /path/ → /path/index.html; /path → 301 /path/; a folder without index.html is never listed (403 → 404).
  if (rule.nginxLocation === '/') lines.push('    try_files $uri $uri/ =404;')
  lines.push('}')
  return lines.join('\n')
}

export interface NginxFiles {
  [relativePath: string]: string
}

/** Every file of deploy/nginx/ that is generated, by path relative to deploy/nginx/. */
export function renderNginxFiles(): NginxFiles {
  const site = [
    GENERATED,
    '# The site, served from the `root` of the enclosing server block (see alumni-news.example.conf and',
    '# docs/deploy.md). Paths of `include` are relative to the nginx configuration directory (/etc/nginx/).',
    '',
    'index index.html;',
    'autoindex off;',
    // Redirects (/path → /path/) keep the scheme, host and port the reader used, behind a CDN or proxy too.
    'absolute_redirect off;',
    'server_tokens off;',
    'charset utf-8;',
    `charset_types ${COMPRESSIBLE_TYPES.filter((type) => type !== 'image/svg+xml').join(' ')};`,
    '',
    'gzip on;',
    'gzip_vary on;',
    'gzip_proxied any;',
    'gzip_comp_level 6;',
    'gzip_min_length 256;',
    `gzip_types ${COMPRESSIBLE_TYPES.join(' ')};`,
    '',
    '# The site’s own 404 page; a folder without index.html answers 404 too, never a listing.',
    'error_page 404 /404.html;',
    'error_page 403 =404 /404.html;',
    '',
    '# Build files that are not part of the site.',
    'location = /_headers {',
    '    return 404;',
    '}',
    '',
    ...CACHE_RULES.map((rule) => `${renderLocation(rule)}\n`),
  ].join('\n')
  const brotli = [
    GENERATED,
    '# Optional: Brotli beside gzip, when the module is installed (Debian: apt install libnginx-mod-http-brotli-filter,',
    '# which loads it). Include this file next to site.conf.',
    '',
    'brotli on;',
    'brotli_comp_level 6;',
    'brotli_min_length 256;',
    `brotli_types ${COMPRESSIBLE_TYPES.join(' ')};`,
    '',
  ].join('\n')
  return {
    [`${SNIPPET_DIR}/site.conf`]: site,
    [`${SNIPPET_DIR}/headers.conf`]: `${GENERATED}\n\n${renderHeaders(SECURITY_HEADERS)}\n`,
    [`${SNIPPET_DIR}/headers-preview.conf`]: `${GENERATED}\n# For a preview server (npm run build:preview): drafts must never be indexed.\n\n${renderHeaders({ ...SECURITY_HEADERS, ...PREVIEW_HEADERS })}\n`,
    [`${SNIPPET_DIR}/brotli.conf`]: brotli,
  }
}
