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
 * a query asks for every character, each run of Han characters as an exact phrase and every other word exactly.
 * Both sides split the same way by construction, and a query finds every page that contains it as written, as a
 * Chinese reader expects.
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
  /** Every word and every Han character, space-separated: the ranked search. */
  terms: string
  /**
   * Exact Pagefind searches a result must also match: each run of Han characters as a phrase (`"深 圳"`), each other
   * word as itself (`"ai"`). Pagefind alone would not require them: it drops a query word that no page contains and
   * matches a word it does not know by its longest known prefix, so "7731" would find pages containing "7".
   */
  exact: string[]
}

// A run of Han characters, or a run of other letters and digits (AI, 2008, covid19).
const QUERY_TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu

/**
 * Turns what a reader typed into Pagefind searches. `wordsOf` splits a Han run into words for the looser
 * fallback plan (each word must occur, not the whole run); without it the run stays whole.
 */
export function planSearch(query: string, wordsOf?: (run: string) => string[]): SearchPlan | undefined {
  const tokens = query.normalize('NFKC').slice(0, MAX_QUERY_LENGTH).toLowerCase().match(QUERY_TOKEN) ?? []
  if (tokens.length === 0) return undefined
  const terms: string[] = []
  const phrases: string[] = []
  const words: string[] = []
  for (const token of tokens) {
    if (!/\p{Script=Han}/u.test(token)) {
      terms.push(token)
      words.push(`"${token}"`)
      continue
    }
    terms.push(...token)
    for (const word of wordsOf ? wordsOf(token) : [token]) phrases.push(`"${[...word].join(' ')}"`)
  }
  // Chinese phrases first: the search page takes the excerpt from the first exact search.
  return { terms: terms.join(' '), exact: [...new Set([...phrases, ...words])] }
}

/** Titles and excerpts come back from Pagefind with the indexer's word boundaries in them. */
export function withoutWordBoundaries(text: string): string {
  return text.replaceAll(WORD_BOUNDARY, '')
}
