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
      `“${slug}”不是一期通讯的网址标识（本期网址 /newsletter/<网址标识>/ 的最后一段：小写字母、数字和连字符）。`,
    )
  }
  const buildDir = options.buildDir ?? defaultBuildDir()
  const realBuildDir = await realpath(buildDir).catch(() => {
    throw new DeliveryError(`${buildDir} 没有网站构建：请先运行 \`npm run build\`（通讯只从正式构建发送）。`)
  })
  const file = path.join(realBuildDir, 'newsletter', slug, 'edition.html')
  const pageFile = path.join(realBuildDir, 'newsletter', slug, 'index.html')
  const [html, page] = await Promise.all([
    readFile(file, 'utf8').catch(() => undefined),
    readFile(pageFile, 'utf8').catch(() => undefined),
  ])
  if (html === undefined || page === undefined) {
    throw new DeliveryError(
      `${buildDir} 里没有已发布的“${slug}”这一期（缺少 ${path.relative(realBuildDir, file)}）。` +
        `请核对网址标识、确认本期已发布（不是草稿、发布时间已到），然后运行 \`npm run build\` 重新构建。`,
    )
  }
  const document = parse(html)
  const metaContent = (name: string) =>
    document.querySelector(`meta[name="${name}"]`)?.getAttribute('content')
  const build = metaContent(EDITION_META.build)
  // Fail closed: only a copy that says it is a production build goes out; the issue page must agree.
  if (build !== 'production' || page.includes('class="preview-banner"')) {
    throw new DeliveryError(
      `${path.join(buildDir, 'newsletter', slug, 'edition.html')} ${build === 'preview' || page.includes('preview-banner') ? '来自预览站构建（preview build，含草稿）' : '没有正式构建的标记（not marked as a production build）'}：` +
        `通讯只从正式构建发送。请运行 \`npm run build\`，从 dist/ 发送。`,
    )
  }
  const builtAt = new Date(metaContent(EDITION_META.builtAt) ?? '')
  const now = options.now ?? new Date()
  if (Number.isNaN(builtAt.getTime()) || builtAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new DeliveryError(
      `${buildDir} 构建时的时钟（BUILD_TIME，clock set to ${metaContent(EDITION_META.builtAt) ?? '未知'}）晚于现在：` +
        `其中可能有定时在以后发布的内容。请不设 BUILD_TIME 重新构建后再发送。`,
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
    throw new DeliveryError(`${file} 不是本网站构建生成的邮件/公众号版：请运行 \`npm run build\` 重新构建。`)
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
  if (!content) throw new DeliveryError('邮件/公众号版里没有正文表格：请运行 `npm run build` 重新构建。')
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
