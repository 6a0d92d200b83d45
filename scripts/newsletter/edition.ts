import { readFile, realpath, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse, type HTMLElement, type Node as HtmlNode } from 'node-html-parser'
import { DEFAULT_SITE_URL } from '../../site/lib/consts.ts'
import { EDITION_META, EDITION_SLOTS } from '../../site/lib/editionMarkers.ts'
import { SLUG_PATTERN } from '../../schemas/lib/contentRules.ts'
import { DeliveryError } from './errors.ts'

/**
 * Both delivery commands send an issue exactly as the production build published it: they read
 * `<build>/newsletter/<slug>/edition.html` and nothing else. A preview build (drafts), a copy without the
 * production marker, or a build whose clock lies in the future is refused, so what goes out is what the site shows.
 */

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..')

export interface BuiltEdition {
  slug: string
  /** The production build folder the edition came from (real path). */
  buildDir: string
  /** The whole edition document, unchanged. */
  html: string
  title: string
  /** "2026年 第1期" */
  issueLabel: string
  siteTitle: string
  /** The issue page on the site (原文链接). */
  permalink: string
  /** Absolute URL of the issue's cover image, when it has one. */
  coverUrl?: string
  description: string
  builtAt: Date
}

export interface LoadEditionOptions {
  /** The production build: NEWSLETTER_BUILD_DIR, else OUT_DIR, else dist/. */
  buildDir?: string
  now?: Date
}

export function defaultBuildDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NEWSLETTER_BUILD_DIR || env.OUT_DIR || 'dist'
  // Not imported from state.ts (which imports this module): the same ~ rule, inline.
  const expanded =
    configured === '~' || configured.startsWith('~/')
      ? path.join(os.homedir(), configured.slice(1))
      : configured
  return path.resolve(REPO_ROOT, expanded)
}

export async function loadEdition(slug: string, options: LoadEditionOptions = {}): Promise<BuiltEdition> {
  if (!SLUG_PATTERN.test(slug)) {
    throw new DeliveryError(
      `"${slug}" is not an issue slug (lowercase letters, digits and single hyphens, as in /newsletter/<slug>/).`,
    )
  }
  const buildDir = options.buildDir ?? defaultBuildDir()
  const realBuildDir = await realpath(buildDir).catch(() => {
    throw new DeliveryError(
      `No site build at ${buildDir}: run \`npm run build\` first (the newsletter is sent from the production build).`,
    )
  })
  const file = path.join(realBuildDir, 'newsletter', slug, 'edition.html')
  const pageFile = path.join(realBuildDir, 'newsletter', slug, 'index.html')
  const [html, page] = await Promise.all([
    readFile(file, 'utf8').catch(() => undefined),
    readFile(pageFile, 'utf8').catch(() => undefined),
  ])
  if (html === undefined || page === undefined) {
    throw new DeliveryError(
      `The build at ${buildDir} has no published issue "${slug}" (${path.relative(realBuildDir, file)} is missing). ` +
        `Check the slug, that the issue is published (not a draft, publication time passed), and rebuild with \`npm run build\`.`,
    )
  }
  const document = parse(html)
  const metaContent = (name: string) =>
    document.querySelector(`meta[name="${name}"]`)?.getAttribute('content')
  const build = metaContent(EDITION_META.build)
  // Fail closed: only a copy that says it is a production build goes out; the issue page must agree.
  if (build !== 'production' || page.includes('class="preview-banner"')) {
    throw new DeliveryError(
      `${path.join(buildDir, 'newsletter', slug, 'edition.html')} is ${build === 'preview' || page.includes('preview-banner') ? 'from a preview build (it shows drafts)' : 'not marked as a production build'}: ` +
        `newsletters are sent only from a production build. Run \`npm run build\` and send from dist/.`,
    )
  }
  const builtAt = new Date(metaContent(EDITION_META.builtAt) ?? '')
  const now = options.now ?? new Date()
  if (Number.isNaN(builtAt.getTime()) || builtAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new DeliveryError(
      `The build at ${buildDir} was made with its clock set to ${metaContent(EDITION_META.builtAt) ?? '(unknown)'} (BUILD_TIME), ` +
        `after now: it may show issues and stories scheduled for later. Rebuild without BUILD_TIME before sending.`,
    )
  }
  const permalink = metaContent(EDITION_META.permalink)
  const title = metaContent(EDITION_META.title)
  if (
    !permalink ||
    !title ||
    !html.includes(EDITION_SLOTS.unsubscribe) ||
    !html.includes(EDITION_SLOTS.greeting)
  ) {
    throw new DeliveryError(
      `${file} does not look like an edition written by this site's build; rebuild with \`npm run build\`.`,
    )
  }
  if (new URL(permalink).origin === new URL(DEFAULT_SITE_URL).origin) {
    console.warn(
      `提示：这份构建的网站地址是示例地址 ${DEFAULT_SITE_URL}（构建时没有设置 SITE_URL），发出去的链接和图片会打不开。` +
        '正式发送前请用正式网站地址重新构建：SITE_URL=https://… npm run build',
    )
  }
  return {
    slug,
    buildDir: realBuildDir,
    html,
    title,
    issueLabel: metaContent(EDITION_META.issue) ?? '',
    siteTitle: metaContent(EDITION_META.site) ?? '',
    permalink,
    coverUrl: metaContent(EDITION_META.cover) || undefined,
    description: metaContent('description') ?? '',
    builtAt,
  }
}

/** The edition's 600px content table, without the page around it: what a 公众号 article body holds. */
export function editionContent(html: string): HTMLElement {
  const content = parse(html).querySelector('body table table')
  if (!content) throw new DeliveryError('The edition has no content table; rebuild with `npm run build`.')
  return content
}

/** Every image URL in the edition, in order, each once. */
export function editionImages(html: string): string[] {
  return [
    ...new Set(
      parse(html)
        .querySelectorAll('img')
        .map((image) => image.getAttribute('src') ?? '')
        .filter(Boolean),
    ),
  ]
}

/** The file a URL on the site maps to in the build, if it is one of the site's own files. */
export async function buildFileForUrl(edition: BuiltEdition, url: string): Promise<string | undefined> {
  const target = new URL(url)
  const site = new URL(edition.permalink)
  if (target.origin !== site.origin) return undefined
  const file = path.join(edition.buildDir, decodeURIComponent(target.pathname))
  if (!file.startsWith(edition.buildDir + path.sep)) return undefined
  return (await stat(file).catch(() => undefined))?.isFile() ? file : undefined
}

const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'table',
  'tr',
  'ul',
  'ol',
  'div',
])

/**
 * The plain-text alternative of an e-mail, from the same HTML: headings, paragraphs and list items on their own
 * lines, every link's address after its text (a reader of the plain part can still follow it), images left out.
 */
export function htmlToText(html: string): string {
  const root = parse(html).querySelector('body') ?? parse(html)
  const out: string[] = []
  const walk = (node: HtmlNode) => {
    if (node.nodeType === 3) {
      out.push(node.text.replace(/\s+/g, ' '))
      return
    }
    if (node.nodeType !== 1) return
    const element = node as HTMLElement
    const tag = element.tagName?.toLowerCase() ?? ''
    if (tag === 'img' || tag === 'style' || tag === 'script' || tag === 'head') return
    if (tag === 'br') return void out.push('\n')
    const block = BLOCKS.has(tag)
    if (block) out.push('\n')
    if (tag === 'li') out.push('· ')
    if (tag === 'h1' || tag === 'h2') out.push('\n')
    if (tag === 'h2') out.push('【')
    element.childNodes.forEach(walk)
    if (tag === 'h2') out.push('】')
    if (tag === 'a') {
      const href = element.getAttribute('href') ?? ''
      const label = element.text.trim()
      const shown = href.startsWith('mailto:') ? href.slice(7).split('?')[0]! : href
      if (href && label && !label.includes(shown)) out.push(` <${href.startsWith('mailto:') ? href : shown}>`)
    }
    if (block) out.push('\n')
  }
  walk(root)
  return (
    out
      .join('')
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  )
}
