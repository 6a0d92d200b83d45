// Real Chinese word frequencies for the realistic corpus: jieba's dictionary (349,045 words with their counts in a
// large general corpus and a part-of-speech tag), as the pinned devDependency @node-rs/jieba ships it in dict.txt.
// Read from node_modules, never downloaded: the same package version gives the same words, so a seed still fixes
// the output.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { indexAbove, type Random } from './random.ts'

/** Word classes the sentence shapes fill, by jieba's part-of-speech tags (ICTCLAS set). */
export type WordClass = 'noun' | 'verb' | 'adjective' | 'adverb' | 'idiom' | 'any'

const CLASS_OF_TAG: Record<string, Exclude<WordClass, 'any'>> = {
  n: 'noun',
  nr: 'noun',
  nrt: 'noun',
  nrfg: 'noun',
  ns: 'noun',
  nt: 'noun',
  nz: 'noun',
  ng: 'noun',
  vn: 'noun',
  j: 'noun',
  v: 'verb',
  vd: 'verb',
  a: 'adjective',
  ad: 'adjective',
  an: 'adjective',
  b: 'adjective',
  d: 'adverb',
  i: 'idiom',
  l: 'idiom',
}

const HAN_WORD = /^\p{Script=Han}+$/u

/** Samples words in proportion to their frequency: one roll, one binary search over cumulative counts. */
export class FrequencySampler {
  readonly words: readonly string[]
  readonly #cumulative: Float64Array

  constructor(words: readonly string[], counts: readonly number[]) {
    if (words.length === 0) throw new Error('FrequencySampler needs at least one word')
    this.words = words
    this.#cumulative = new Float64Array(counts.length)
    let total = 0
    counts.forEach((count, i) => (this.#cumulative[i] = total += count))
  }

  sample(random: Random): string {
    const roll = random.next() * this.#cumulative[this.#cumulative.length - 1]!
    return this.words[indexAbove(this.#cumulative, roll)]!
  }
}

export type Lexicon = Record<WordClass, FrequencySampler>

/** The path of the word list, so reports can name it. */
export function lexiconSource(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')
}

/**
 * Every all-Han word of the list (letters and digits come from the generator's own names and numbers), by class,
 * weighted by its corpus count; `any` holds all of them, particles and pronouns included.
 */
export function loadLexicon(file = lexiconSource()): Lexicon {
  const byClass = <T>(): Record<WordClass, T[]> => ({
    noun: [],
    verb: [],
    adjective: [],
    adverb: [],
    idiom: [],
    any: [],
  })
  const words = byClass<string>()
  const counts = byClass<number>()
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, countText, tag] = line.trim().split(' ')
    const count = Number(countText)
    if (!word || !(count > 0) || !HAN_WORD.test(word)) continue
    words.any.push(word)
    counts.any.push(count)
    const wordClass = tag ? CLASS_OF_TAG[tag] : undefined
    if (wordClass) {
      words[wordClass].push(word)
      counts[wordClass].push(count)
    }
  }
  return Object.fromEntries(
    (Object.keys(words) as WordClass[]).map((name) => [
      name,
      new FrequencySampler(words[name], counts[name]),
    ]),
  ) as Lexicon
}
