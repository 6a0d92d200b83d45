import { escapeHTML, toHTML, type PortableTextComponents } from '@portabletext/to-html'
import { toPlainText as portableTextToPlainText } from '@portabletext/toolkit'
import type { PortableTextBlock } from '@portabletext/types'
import { responsiveImage, type ImageValue } from './images.ts'

export type PortableTextValue = ReadonlyArray<{ _type: string; _key?: string; [key: string]: unknown }>

export interface RenderOptions {
  /** Make links and image sources absolute (feeds, the e-mail edition). */
  baseUrl?: string
  /** Inline style attributes per element instead of relying on the page's stylesheet (e-mail edition). */
  inlineStyles?: Partial<
    Record<
      'p' | 'h2' | 'h3' | 'blockquote' | 'ul' | 'ol' | 'li' | 'figure' | 'img' | 'figcaption' | 'a',
      string
    >
  >
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/**
 * Links editors paste from Word or WeChat can carry `javascript:` or `data:` URLs. Only web, mail and phone
 * links and site-relative paths survive; anything else renders as plain text.
 */
export function safeHref(href: unknown, baseUrl?: string): string | undefined {
  if (typeof href !== 'string') return undefined
  const trimmed = href.trim()
  if (trimmed.startsWith('/') && !trimmed.startsWith('//'))
    return baseUrl ? new URL(trimmed, baseUrl).href : trimmed
  try {
    const url = new URL(trimmed)
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined
  } catch {
    return undefined
  }
}

function absolute(url: string, baseUrl?: string): string {
  return baseUrl && url.startsWith('/') ? new URL(url, baseUrl).href : url
}

function styleAttr(
  options: RenderOptions,
  element: keyof NonNullable<RenderOptions['inlineStyles']>,
): string {
  const style = options.inlineStyles?.[element]
  return style ? ` style="${escapeHTML(style)}"` : ''
}

function components(options: RenderOptions): Partial<PortableTextComponents> {
  const block =
    (tag: 'p' | 'h2' | 'h3' | 'blockquote') =>
    ({ children }: { children?: string }) =>
      `<${tag}${styleAttr(options, tag)}>${children ?? ''}</${tag}>`
  return {
    block: {
      normal: block('p'),
      // Pasted documents bring their own h1s; the page title is the only h1.
      h1: block('h2'),
      h2: block('h2'),
      h3: block('h3'),
      h4: block('h3'),
      blockquote: block('blockquote'),
    },
    list: {
      bullet: ({ children }) => `<ul${styleAttr(options, 'ul')}>${children}</ul>`,
      number: ({ children }) => `<ol${styleAttr(options, 'ol')}>${children}</ol>`,
    },
    listItem: ({ children }) => `<li${styleAttr(options, 'li')}>${children}</li>`,
    marks: {
      link: ({ children, value }) => {
        const href = safeHref((value as { href?: unknown } | undefined)?.href, options.baseUrl)
        if (!href) return children
        const external = /^https?:/.test(href) && !(options.baseUrl && href.startsWith(options.baseUrl))
        const rel = external ? ' rel="noopener noreferrer"' : ''
        return `<a href="${escapeHTML(href)}"${rel}${styleAttr(options, 'a')}>${children}</a>`
      },
    },
    types: {
      imageWithAlt: ({ value }) => {
        const image = responsiveImage(value as ImageValue, { widths: [480, 800, 1200] })
        if (!image) return ''
        const caption = (value as ImageValue).caption
        const srcset = options.baseUrl
          ? image.srcset
              .split(', ')
              .map((candidate) => {
                const [url, descriptor] = candidate.split(' ')
                return `${absolute(url!, options.baseUrl)} ${descriptor}`
              })
              .join(', ')
          : image.srcset
        return (
          `<figure${styleAttr(options, 'figure')}><img src="${escapeHTML(absolute(image.src, options.baseUrl))}" ` +
          `srcset="${escapeHTML(srcset)}" sizes="(min-width: 720px) 680px, 100vw" ` +
          `width="${image.width}" height="${image.height}" alt="${escapeHTML(image.alt)}" loading="lazy" decoding="async"` +
          `${styleAttr(options, 'img')}>` +
          (caption
            ? `<figcaption${styleAttr(options, 'figcaption')}>${escapeHTML(caption)}</figcaption>`
            : '') +
          `</figure>`
        )
      },
    },
    // Unknown block types from a newer schema or a paste are left out rather than rendered as raw data.
    unknownType: () => '',
    unknownMark: ({ children }) => children,
    unknownBlockStyle: ({ children }) => `<p${styleAttr(options, 'p')}>${children ?? ''}</p>`,
  }
}

/** Portable Text → HTML. All text is escaped by @portabletext/to-html; links and images go through the helpers above. */
export function renderPortableText(
  value: PortableTextValue | null | undefined,
  options: RenderOptions = {},
): string {
  if (!value || value.length === 0) return ''
  return toHTML(value as unknown as PortableTextBlock[], {
    components: components(options),
    onMissingComponent: false,
  })
}

export function portableTextToText(value: PortableTextValue | null | undefined): string {
  if (!value || value.length === 0) return ''
  return portableTextToPlainText(value as unknown as PortableTextBlock[])
}
