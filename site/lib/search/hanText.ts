/**
 * How Chinese text becomes search words, on both sides of the site search.
 *
 * Pagefind segments Chinese twice, differently: with jieba when it indexes (Rust) and with the browser's
 * Intl.Segmenter when a reader searches. The two disagree often enough to lose documents (Pagefind issues #1237,
 * #987): 奖学金 is indexed as 奖学|金, 李明华 as one word but queried as 李|明|华, 明湖 indexed as 明|湖, and a
 * query word that is not a prefix of an indexed word on the page drops that page.
 *
 * So neither segmenter decides here. Every Han character is its own indexed word (the indexer is given text with
 * a zero-width space between adjacent Han characters, which jieba treats as a boundary and readers never see), and
 * a query asks for every character, plus each run of Han characters as an exact phrase. Both sides split the same
 * way by construction, and a query finds every page that contains it as written, as a Chinese reader expects.
 */

/** Invisible word boundary; Pagefind itself joins segmented words with it in stored page text. */
export const WORD_BOUNDARY = '\u200b'

const HAN_PAIR = /(\p{Script=Han})(?=\p{Script=Han})/gu

/** Puts a word boundary between adjacent Han characters. Text without Han characters is returned unchanged. */
export function separateHanCharacters(text: string): string {
  return text.replace(HAN_PAIR, `$1${WORD_BOUNDARY}`)
}

/** The longest query the search page runs; a pasted paragraph is cut here. */
export const MAX_QUERY_LENGTH = 48

export interface SearchPlan {
  /** Every word and every Han character, space-separated: the ranked search (all must occur on the page). */
  terms: string
  /** Each run of two or more Han characters as an exact Pagefind phrase (`"深 圳"`): a result must contain them all. */
  phrases: string[]
}

// A run of Han characters, or a run of other letters and digits (AI, 2008, covid19).
const QUERY_TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu

/**
 * Turns what a reader typed into Pagefind searches. `wordsOf` splits a Han run into words for the looser
 * fallback plan; without it the run stays whole.
 */
export function planSearch(query: string, wordsOf?: (run: string) => string[]): SearchPlan | undefined {
  const tokens = query.normalize('NFKC').slice(0, MAX_QUERY_LENGTH).match(QUERY_TOKEN) ?? []
  if (tokens.length === 0) return undefined
  const terms: string[] = []
  const phrases: string[] = []
  for (const token of tokens) {
    const characters = [...token]
    if (!/\p{Script=Han}/u.test(token)) {
      terms.push(token.toLowerCase())
      continue
    }
    terms.push(...characters)
    for (const word of wordsOf ? wordsOf(token) : [token]) {
      if ([...word].length > 1) phrases.push(`"${[...word].join(' ')}"`)
    }
  }
  return { terms: terms.join(' '), phrases: [...new Set(phrases)] }
}

/** Titles and excerpts come back from Pagefind with the indexer's word boundaries in them. */
export function withoutWordBoundaries(text: string): string {
  return text.replaceAll(WORD_BOUNDARY, '')
}
