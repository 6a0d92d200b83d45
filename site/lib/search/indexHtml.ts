import { separateHanCharacters } from './hanText.ts'

const BODY_MARKER = 'data-pagefind-body'
const HTML_LANG = /<html\b(?:"[^"]*"|'[^']*'|[^'">])*?\slang="([^"]*)"/i
// Markup that never holds page text. Dropping it (and the <head> with its inlined CSS) before the page is handed to
// Pagefind keeps what the indexer parses and holds in memory close to the page's text.
const NOT_TEXT = /<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi
// A tag (quoted attribute values may contain ">") or a run of text.
const TOKEN = /<(?:"[^"]*"|'[^']*'|[^'">])*>|[^<]+|</g
const FILTER_ELEMENT = /^<[a-z][^\s/>]*\s(?:"[^"]*"|'[^']*'|[^'">])*?\bdata-pagefind-filter=/i

/**
 * The HTML Pagefind indexes for a built page, or undefined for pages without `data-pagefind-body` (lists, home):
 * the page's <body> without scripts, styles and comments, with a word boundary between adjacent Han characters in
 * its text (see hanText.ts). Attributes and filter values (`<span data-pagefind-filter="college">建筑学院</span>`)
 * are left as they are, so filter names stay readable. The file on disk is never changed.
 */
export function htmlForIndex(html: string): string | undefined {
  if (!html.includes(BODY_MARKER)) return undefined
  const lang = HTML_LANG.exec(html)?.[1] ?? 'zh-CN'
  const bodyStart = html.search(/<body\b/i)
  const bodyEnd = html.lastIndexOf('</body')
  const body = html
    .slice(Math.max(0, bodyStart), bodyEnd > bodyStart ? bodyEnd : undefined)
    .replace(NOT_TEXT, '')
  let inFilterElement = false
  const separated = body.replace(TOKEN, (token) => {
    if (token.length > 1 && token.startsWith('<')) {
      inFilterElement = FILTER_ELEMENT.test(token)
      return token
    }
    return inFilterElement ? token : separateHanCharacters(token)
  })
  return `<!doctype html><html lang="${lang}">${separated}</body></html>`
}
