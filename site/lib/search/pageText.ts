/**
 * What a built page gives the search index. Pages mark it up:
 *
 *   data-search-body            the element whose text is searchable (one per page; pages without it, such as
 *                               lists and the home page, are not indexed)
 *   data-search-meta="title"    text shown with a result (title, type, date; a <time> also gives the sort date)
 *   data-search-filter="type"   a filter value (type, college, classYear), usually a hidden <span>
 *   data-search-ignore          text of the element and everything in it is not searchable (chrome, reading time)
 *
 * Only text a reader sees on the page can be indexed: attributes (alt, title, data-*), scripts, styles, JSON-LD and
 * comments never are. Reads the HTML as the build writes it; no DOM is built, which keeps 20,000 pages in seconds.
 */

export interface PageText {
  title: string
  meta: Record<string, string>
  filters: Record<string, string[]>
  /** The datetime of the page's date <time>, or ''. The index does not sort by it: documents keep render order. */
  date: string
  /** Searchable text as the page shows it, one block (paragraph, heading, list item) per line. */
  text: string
  /** Text of the body's subheadings (h2–h6), one per line: it weighs more than the text under it. */
  headings: string
}

const BODY_MARKER = 'data-search-body'
const NOT_TEXT = /<(script|style|noscript|template|svg|math|iframe)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi
// A tag (quoted attribute values may contain ">") or a run of text.
const TOKEN = /<(?:"[^"]*"|'[^']*'|[^'">])*>|[^<]+|</g
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '))
// Inline elements do not separate words: 访问<a>张伟</a>的 is one run of text.
const INLINE = new Set(
  'a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var wbr'.split(
    ' ',
  ),
)
const SUBHEADING = /^h[2-6]$/
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

interface OpenElement {
  name: string
  ignore: boolean
  captures: Array<{ kind: 'meta' | 'filter'; key: string; datetime?: string }>
  text: string
}

/**
 * Where the element marked `data-search-body` starts in a built page, or -1: all that pageText() reads is from
 * there on, so the build hands the indexer only that part (not the head with its inlined CSS).
 */
export function searchBodyStart(html: string): number {
  const marker = html.indexOf(BODY_MARKER)
  return marker === -1 ? -1 : html.lastIndexOf('<', marker)
}

const BODY_MARKER_BYTES = Buffer.from(BODY_MARKER)

/** searchBodyStart() of a page as the build hands it over, UTF-8 bytes (a byte offset; the marker is ASCII). */
export function searchBodyStartInBytes(html: Uint8Array): number {
  const bytes = Buffer.from(html.buffer, html.byteOffset, html.byteLength)
  const marker = bytes.indexOf(BODY_MARKER_BYTES)
  return marker === -1 ? -1 : bytes.lastIndexOf(0x3c, marker)
}

/** The searchable text and fields of a built page, or undefined when the page has no `data-search-body`. */
export function pageText(html: string): PageText | undefined {
  const start = searchBodyStart(html)
  if (start === -1) return undefined
  const body = html.slice(start).replace(NOT_TEXT, '')
  const meta: Record<string, string> = {}
  const filters: Record<string, string[]> = {}
  let date = ''
  let text = ''
  let headings = ''
  let inHeading = 0
  const stack: OpenElement[] = []
  let ignoring = 0

  for (const [token] of body.matchAll(TOKEN)) {
    const tag = token.length > 1 && token.startsWith('<') ? TAG.exec(token) : null
    if (!tag) {
      const value = decodeEntities(token)
      if (ignoring === 0) text += value
      if (ignoring === 0 && inHeading > 0) headings += value
      for (const element of stack) if (element.captures.length > 0) element.text += value
      continue
    }
    const name = tag[2]!.toLowerCase()
    if (!INLINE.has(name)) text += '\n'
    if (tag[1]) {
      const at = stack.findLastIndex((element) => element.name === name)
      if (at === -1) continue
      for (const element of stack.splice(at)) {
        if (element.ignore) ignoring--
        if (SUBHEADING.test(element.name)) {
          inHeading--
          headings += '\n'
        }
        const value = collapse(element.text)
        for (const capture of element.captures) {
          if (capture.kind === 'meta') {
            if (value && !(capture.key in meta)) meta[capture.key] = value
            if (capture.key === 'date' && capture.datetime && !date) date = capture.datetime
          } else if (value) {
            const values = (filters[capture.key] ??= [])
            if (!values.includes(value)) values.push(value)
          }
        }
      }
      if (stack.length === 0) break // the end of the data-search-body element
      continue
    }
    if (VOID.has(name) || token.endsWith('/>')) continue
    const element: OpenElement = {
      name,
      ignore: /\sdata-search-ignore\b/.test(token),
      captures: [],
      text: '',
    }
    const metaKey = attribute(token, 'data-search-meta')
    const filterKey = attribute(token, 'data-search-filter')
    if (metaKey) element.captures.push({ kind: 'meta', key: metaKey, datetime: attribute(token, 'datetime') })
    if (filterKey) element.captures.push({ kind: 'filter', key: filterKey })
    if (element.ignore) ignoring++
    if (SUBHEADING.test(name)) inHeading++
    stack.push(element)
  }

  const lines = text.split('\n').map(collapse).filter(Boolean)
  const title = meta.title ?? lines[0] ?? ''
  return { title, meta, filters, date, text: lines.join('\n'), headings: collapse(headings) }
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return match ? decodeEntities(match[1]!) : undefined
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
    }
    return ENTITIES[name.toLowerCase()] ?? entity
  })
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
