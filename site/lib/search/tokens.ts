/**
 * How text becomes search tokens, on both sides of the site search: the indexer (indexer.ts) and the search page
 * (site/browser/search.ts) import this one module, so the two split text the same way by construction.
 *
 * Chinese has no spaces and no segmenter agrees with another (Pagefind indexes with jieba and queries with the
 * browser's Intl.Segmenter, and loses 奖学金, 李明华 and 明湖 between the two: Pagefind #1237, #987). So nothing
 * is segmented: a run of Han characters is indexed as every character and every pair of adjacent characters
 * (深圳校友 → 深 圳 校 友 深圳 圳校 校友). A query asks for every pair of its run (a one-character query for the
 * character), which finds every page that contains the run as written, plus the rare page that has all the pairs
 * apart; the search page checks each result's text before showing it, so readers only see exact matches.
 * Letters and digits (AI, 2008, covid19) are whole lower-cased words.
 */

/** The longest query the search page runs; a pasted paragraph is cut here. */
export const MAX_QUERY_LENGTH = 48

const HAN = /\p{Script=Han}/u
// A letter or digit that is not Han: what words (AI, 2008, covid19) are made of.
const WORD_CHARACTER = String.raw`(?!\p{Script=Han})[\p{L}\p{N}]`
// A run of Han characters, or a run of other letters and digits.
const TOKEN_RUN = new RegExp(String.raw`\p{Script=Han}+|(?:${WORD_CHARACTER})+`, 'gu')
const WORD_RUN = new RegExp(`(?:${WORD_CHARACTER})+`, 'gu')
const IS_WORD_CHARACTER = new RegExp(`^${WORD_CHARACTER}$`, 'u')
/** Longer "words" are URLs, hashes or base64, not something a reader types. */
const MAX_WORD_LENGTH = 32

/** Full-width letters and digits as ASCII, compatibility forms folded, lower case: how both sides compare text. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/**
 * Every token of a normalized text with how often it occurs. `into` collects several texts of one document.
 */
export function countTokens(text: string, into: Map<string, number> = new Map()): Map<string, number> {
  for (const [run] of text.matchAll(TOKEN_RUN)) {
    if (!HAN.test(run)) {
      if (run.length <= MAX_WORD_LENGTH) into.set(run, (into.get(run) ?? 0) + 1)
      continue
    }
    // Han characters outside the Basic Multilingual Plane are two UTF-16 units: split by code point.
    const chars = [...run]
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i]!
      into.set(char, (into.get(char) ?? 0) + 1)
      if (i + 1 < chars.length) {
        const pair = char + chars[i + 1]!
        into.set(pair, (into.get(pair) ?? 0) + 1)
      }
    }
  }
  return into
}

/**
 * The tokens of countTokens, one call per occurrence, without building a string for the common case: a Han
 * character or pair of Basic Multilingual Plane characters comes as its UTF-16 units in one 32-bit key (the character,
 * or first unit × 65,536 + second; see postingPool.ts), anything else (words, runs with characters outside the BMP)
 * as its text. The indexer calls this for every page body; both must split text the same way.
 */
export function visitTokens(
  text: string,
  visitHan: (key: number) => void,
  visitOther: (token: string) => void,
): void {
  for (const [run] of text.matchAll(TOKEN_RUN)) {
    if (!HAN.test(run)) {
      if (run.length <= MAX_WORD_LENGTH) visitOther(run)
      continue
    }
    if (SURROGATE.test(run)) {
      const chars = [...run]
      for (let i = 0; i < chars.length; i++) {
        visitOther(chars[i]!)
        if (i + 1 < chars.length) visitOther(chars[i]! + chars[i + 1]!)
      }
      continue
    }
    for (let i = 0; i < run.length; i++) {
      const code = run.charCodeAt(i)
      visitHan(code)
      if (i + 1 < run.length) visitHan(((code << 16) | run.charCodeAt(i + 1)) >>> 0)
    }
  }
}
const SURROGATE = /[\ud800-\udfff]/

export interface QueryPlan {
  /** Runs of Han characters a result must contain as written, normalized. */
  phrases: string[]
  /** Other words a result must contain whole, normalized. */
  words: string[]
}

/**
 * What a reader typed, as the phrases and words a result must contain. `wordsOf` splits a Han run into words for
 * the looser fallback (深圳的校友会 → 深圳, 的, 校友会: each must occur, not the whole run).
 */
export function planQuery(query: string, wordsOf?: (run: string) => string[]): QueryPlan | undefined {
  const runs = normalizeText(query.slice(0, MAX_QUERY_LENGTH)).match(TOKEN_RUN) ?? []
  if (runs.length === 0) return undefined
  const phrases: string[] = []
  const words: string[] = []
  for (const run of runs) {
    if (HAN.test(run)) phrases.push(...(wordsOf ? wordsOf(run).filter((word) => word.trim()) : [run]))
    else words.push(run)
  }
  return { phrases: [...new Set(phrases)], words: [...new Set(words)] }
}

/** The index tokens whose postings a plan needs: each phrase's character pairs (or its one character), each word. */
export function tokensOfPlan(plan: QueryPlan): string[] {
  const tokens = new Set<string>()
  for (const phrase of plan.phrases) {
    const chars = [...phrase]
    if (chars.length === 1) tokens.add(chars[0]!)
    for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!)
  }
  for (const word of plan.words) if (word.length <= MAX_WORD_LENGTH) tokens.add(word)
  return [...tokens]
}

/** Whether a document's normalized text contains every phrase and every whole word of the plan. */
export function textMatches(normalizedText: string, plan: QueryPlan): boolean {
  if (!plan.phrases.every((phrase) => normalizedText.includes(phrase))) return false
  if (plan.words.length === 0) return true
  const words = new Set(normalizedText.match(WORD_RUN))
  return plan.words.every((word) => words.has(word))
}

/** Whether a character would continue a word, so a match of a word next to it is not the whole word. */
export function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && IS_WORD_CHARACTER.test(char)
}

/** The token that lists the documents with a filter value, e.g. `type=校友会`; `=` never occurs in a text token. */
export function filterToken(key: string, value: string): string {
  return `${key}=${normalizeText(value)}`
}

/**
 * Which index file holds a token's postings: FNV-1a over its UTF-16 code units, then MurmurHash3's finalizer, whose
 * avalanche spreads near-identical tokens (adjacent characters) evenly over any number of buckets.
 */
export function bucketOf(token: string, bucketCount: number): number {
  let hash = FNV_OFFSET
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), FNV_PRIME)
  return spread(hash, bucketCount)
}

/** bucketOf for a BMP Han token given by its key (visitTokens), without making its string. */
export function bucketOfHanKey(key: number, bucketCount: number): number {
  let hash = FNV_OFFSET
  if (key > 0xffff) hash = Math.imul(hash ^ (key >>> 16), FNV_PRIME)
  return spread(Math.imul(hash ^ (key & 0xffff), FNV_PRIME), bucketCount)
}

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

function spread(hash: number, bucketCount: number): number {
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return (hash >>> 0) % bucketCount
}
