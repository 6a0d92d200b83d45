import { readFile, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileForPath, listFiles, pageTypes } from '../../tests/support/siteFiles.ts'

/** Bytes a host sends for `content` with gzip at the usual level (nginx and most CDNs default to 6). */
export function gzipSize(content: string | Uint8Array): number {
  return gzipSync(content, { level: 6 }).length
}

export interface PageResources {
  /** External scripts: `<script src>` and `<link rel=modulepreload>`. */
  scripts: string[]
  /** Inline JavaScript (JSON-LD and other data blocks are not JavaScript). */
  inlineScripts: string[]
  stylesheets: string[]
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined)
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript'])

/** The scripts and stylesheets an HTML page loads by itself, as written in its markup. */
export function pageResources(html: string): PageResources {
  const resources: PageResources = { scripts: [], inlineScripts: [], stylesheets: [] }
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const tag = `<script ${match[1]}>`
    const type = (attribute(tag, 'type') ?? '').toLowerCase()
    if (!JS_TYPES.has(type)) continue
    const src = attribute(tag, 'src')
    if (src) resources.scripts.push(src)
    else if (match[2]!.trim()) resources.inlineScripts.push(match[2]!)
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(match[0], 'rel') ?? '').toLowerCase().split(/\s+/)
    const href = attribute(match[0], 'href')
    if (!href) continue
    if (rel.includes('stylesheet')) resources.stylesheets.push(href)
    if (rel.includes('modulepreload')) resources.scripts.push(href)
  }
  return resources
}

/** Module specifiers a script imports statically or with a literal dynamic import(). */
export function scriptImports(code: string): string[] {
  const found = new Set<string>()
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) found.add(match[1]!)
  return [...found]
}

export interface PageWeight {
  path: string
  htmlBytes: number
  htmlGzipBytes: number
  /** External stylesheets (CSS is normally inlined, so this is usually 0). */
  cssGzipBytes: number
  /** HTML + CSS, gzipped: what the first view of the page costs before images. */
  htmlCssGzipBytes: number
  /** JavaScript the page loads: inline scripts plus script files and what they import, uncompressed. */
  jsBytes: number
  jsGzipBytes: number
  jsFiles: string[]
}

const isLocal = (url: string) => !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)

/** Weighs one built page: its HTML, CSS and every script it would load (local files only). */
export async function measurePage(root: string, pagePath: string): Promise<PageWeight> {
  const html = await readFile(path.join(root, fileForPath(pagePath)), 'utf8')
  const resources = pageResources(html)
  const base = new URL(pagePath, 'http://site.invalid')
  const read = async (url: string) => {
    const resolved = new URL(url, base)
    return {
      pathname: resolved.pathname,
      content: await readFile(path.join(root, fileForPath(resolved.pathname))).catch(() => undefined),
    }
  }

  let cssGzipBytes = 0
  for (const href of resources.stylesheets.filter(isLocal)) {
    const { content } = await read(href)
    if (content) cssGzipBytes += gzipSize(content)
  }

  let jsBytes = 0
  let jsGzipBytes = 0
  const jsFiles: string[] = []
  for (const inline of resources.inlineScripts) {
    jsBytes += Buffer.byteLength(inline)
    jsGzipBytes += gzipSize(inline)
  }
  const queue = [
    ...resources.scripts.filter(isLocal).map((src) => new URL(src, base).href),
    ...resources.inlineScripts
      .flatMap(scriptImports)
      .filter(isLocal)
      .map((src) => new URL(src, base).href),
  ]
  const seen = new Set<string>()
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (seen.has(next)) continue
    seen.add(next)
    const url = new URL(next)
    const content = await readFile(path.join(root, fileForPath(url.pathname))).catch(() => undefined)
    if (!content) continue
    jsFiles.push(url.pathname)
    jsBytes += content.length
    jsGzipBytes += gzipSize(content)
    for (const specifier of scriptImports(content.toString('utf8')).filter(isLocal))
      queue.push(new URL(specifier, url).href)
  }

  const htmlGzipBytes = gzipSize(html)
  return {
    path: pagePath,
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes,
    cssGzipBytes,
    htmlCssGzipBytes: htmlGzipBytes + cssGzipBytes,
    jsBytes,
    jsGzipBytes,
    jsFiles,
  }
}

async function folderSize(folder: string): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])
  let bytes = 0
  let files = 0
  for (const entry of entries) {
    if (!entry.isFile()) continue
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size
    files++
  }
  return { bytes, files }
}

export interface SiteWeight {
  distBytes: number
  distFiles: number
  htmlPages: number
  searchIndexBytes: number
  searchIndexFiles: number
  pageTypes: Record<string, PageWeight>
}

export async function measureSite(root: string): Promise<SiteWeight> {
  const files = await listFiles(root)
  const dist = await folderSize(root)
  const searchIndex = await folderSize(path.join(root, '_search'))
  const weights: Record<string, PageWeight> = {}
  for (const [type, pagePath] of Object.entries(pageTypes(files)))
    weights[type] = await measurePage(root, pagePath)
  return {
    distBytes: dist.bytes,
    distFiles: dist.files,
    htmlPages: files.filter((file) => file.endsWith('.html')).length,
    searchIndexBytes: searchIndex.bytes,
    searchIndexFiles: searchIndex.files,
    pageTypes: weights,
  }
}
