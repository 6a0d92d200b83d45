// Chinese news prose from the vocabulary: words are drawn with Zipf frequencies and put into the sentence
// shapes that alumni news actually uses (time openers, quotations, 一是……二是……, counted attendance).
import type { Lexicon, WordClass } from './lexicon.ts'
import { Random, ZipfSampler } from './random.ts'
import * as vocabulary from './vocabulary.ts'

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 12 → 十二, 35 → 三十五 (1–99). */
export function chineseNumber(n: number): string {
  if (n < 10) return NUMERALS[n]!
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : NUMERALS[tens]}十${ones ? NUMERALS[ones] : ''}`
}

export interface Place {
  province: string
  city: string
}

type SentenceShape =
  | 'time'
  | 'twoClauses'
  | 'connective'
  | 'quote'
  | 'topics'
  | 'semicolon'
  | 'attendance'
  | 'idiom'
  | 'enumeration'
  | 'place'

const SENTENCE_SHAPES: ReadonlyArray<readonly [SentenceShape, number]> = [
  ['time', 14],
  ['twoClauses', 18],
  ['connective', 12],
  ['quote', 12],
  ['topics', 7],
  ['semicolon', 9],
  ['attendance', 7],
  ['idiom', 10],
  ['enumeration', 4],
  ['place', 7],
]

const QUOTE_OPENERS = [
  '我们将',
  '希望大家',
  '母校将',
  '我们要',
  '大家要',
  '学院将',
  '我们始终',
  '希望同学们',
  '校友会将',
]
const TOPIC_THEMES = ['议题', '话题', '主题', '方面', '内容']
const SUMMARY_VERBS = ['重点介绍', '回顾总结', '详细汇报', '系统梳理', '部署安排']
const ORDINAL_LEADS = ['一是', '二是', '三是', '四是']

/**
 * With a lexicon (the realistic corpus), this share of nouns, verbs, adjectives, adverbs, idioms and topics is drawn
 * by real frequency from the whole language instead of the alumni-news word lists, and `plain` sentences string real
 * words together: the vocabulary (and so the search index) grows as real archives do.
 */
const LEXICON_SHARE = 0.5
const PLAIN_SHARE = 0.3

/** Makes sentences, titles and names. One instance per dataset; all randomness comes from `random`. */
export class TextGenerator {
  readonly random: Random
  readonly university: string
  readonly #lexicon: Lexicon | undefined
  readonly #actors: ZipfSampler<string>
  readonly #campusNouns: ZipfSampler<string>
  readonly #generalNouns: ZipfSampler<string>
  readonly #topics: ZipfSampler<string>
  readonly #topicSuffixes: ZipfSampler<string>
  readonly #eventNouns: ZipfSampler<string>
  readonly #verbs: ZipfSampler<string>
  readonly #speechVerbs: ZipfSampler<string>
  readonly #adverbs: ZipfSampler<string>
  readonly #adjectives: ZipfSampler<string>
  readonly #idioms: ZipfSampler<string>
  readonly #timePhrases: ZipfSampler<string>
  readonly #connectives: ZipfSampler<string>
  readonly #surnames: ZipfSampler<string>
  readonly #givenNameChars: ZipfSampler<string>
  readonly #provinces: ZipfSampler<(typeof vocabulary.provinces)[number]>
  readonly #positions: ZipfSampler<string>
  readonly #industries: ZipfSampler<string>
  readonly #majors: ZipfSampler<string>
  readonly #donationUses: ZipfSampler<string>
  readonly #attendees: ZipfSampler<string>
  /** Names the current document must not mention (an anonymous donor's real name). */
  #avoidedNames: ReadonlySet<string> = new Set()
  /** Names of the dataset's colleges, for subjects like 计算机科学与技术学院. */
  collegeNames: readonly string[] = ['学院']

  /** Without `lexicon`, the narrow corpus: every word from vocabulary.ts. */
  constructor(random: Random, university: string, lexicon?: Lexicon) {
    this.random = random
    this.university = university
    this.#lexicon = lexicon
    this.#actors = new ZipfSampler(vocabulary.actors)
    this.#campusNouns = new ZipfSampler(vocabulary.campusNouns)
    this.#generalNouns = new ZipfSampler(vocabulary.generalNouns)
    this.#topics = new ZipfSampler(vocabulary.topics)
    this.#topicSuffixes = new ZipfSampler(vocabulary.topicSuffixes)
    this.#eventNouns = new ZipfSampler(vocabulary.eventNouns)
    this.#verbs = new ZipfSampler(vocabulary.verbs)
    this.#speechVerbs = new ZipfSampler(vocabulary.speechVerbs)
    this.#adverbs = new ZipfSampler(vocabulary.adverbs)
    this.#adjectives = new ZipfSampler(vocabulary.adjectives)
    this.#idioms = new ZipfSampler(vocabulary.idioms)
    this.#timePhrases = new ZipfSampler(vocabulary.timePhrases)
    this.#connectives = new ZipfSampler(vocabulary.connectives)
    this.#surnames = new ZipfSampler(vocabulary.surnames, 0.8)
    this.#givenNameChars = new ZipfSampler(vocabulary.givenNameChars, 0.9)
    this.#provinces = new ZipfSampler(vocabulary.provinces, 0.9)
    this.#positions = new ZipfSampler(vocabulary.positions)
    this.#industries = new ZipfSampler(vocabulary.industries, 0.8)
    this.#majors = new ZipfSampler(vocabulary.majors, 0.8)
    this.#donationUses = new ZipfSampler(vocabulary.donationUses, 0.9)
    this.#attendees = new ZipfSampler(vocabulary.attendees)
  }

  // Words

  actor(): string {
    return this.#actors.sample(this.random)
  }
  topic(): string {
    return this.#real('noun') ?? this.#topics.sample(this.random)
  }
  eventNoun(): string {
    return this.#eventNouns.sample(this.random)
  }
  verb(): string {
    return this.#real('verb') ?? this.#verbs.sample(this.random)
  }
  adverb(): string {
    return this.#real('adverb') ?? this.#adverbs.sample(this.random)
  }
  adjective(): string {
    return this.#real('adjective') ?? this.#adjectives.sample(this.random)
  }
  idiom(): string {
    return this.#real('idiom') ?? this.#idioms.sample(this.random)
  }
  timePhrase(): string {
    return this.#timePhrases.sample(this.random)
  }
  position(): string {
    return this.#positions.sample(this.random)
  }
  industry(): string {
    return this.#industries.sample(this.random)
  }
  major(): string {
    return this.#majors.sample(this.random)
  }
  donationUse(): string {
    return this.#donationUses.sample(this.random)
  }
  noun(): string {
    const real = this.#real('noun')
    if (real) return real
    return this.random.chance(0.55)
      ? this.#campusNouns.sample(this.random)
      : this.#generalNouns.sample(this.random)
  }
  college(): string {
    return this.random.pick(this.collegeNames)
  }

  /** A word of the language drawn by its real frequency, LEXICON_SHARE of the time when there is a lexicon. */
  #real(wordClass: WordClass): string | undefined {
    if (!this.#lexicon || !this.random.chance(LEXICON_SHARE)) return undefined
    return this.#lexicon[wordClass].sample(this.random)
  }

  /** 4–12 words of the language in their real proportions, particles included, in one or two clauses. */
  #plainClauses(lexicon: Lexicon): string {
    const words = Array.from({ length: this.random.int(4, 12) }, () => lexicon.any.sample(this.random))
    if (words.length > 6) words.splice(this.random.int(3, words.length - 3), 0, '，')
    return words.join('')
  }

  // Names and places

  /** A person's name: common surname plus one or two given-name characters (张伟, 李秀英). */
  personName(): string {
    for (;;) {
      const surname = this.#surnames.sample(this.random)
      let given = this.#givenNameChars.sample(this.random)
      if (this.random.chance(0.6)) given += this.#givenNameChars.sample(this.random)
      const name = surname + given
      if (!this.#avoidedNames.has(name)) return name
    }
  }

  /** Runs `write` while `names` may not appear in generated text. */
  avoidingNames<T>(names: readonly string[], write: () => T): T {
    const previous = this.#avoidedNames
    this.#avoidedNames = new Set([...previous, ...names])
    try {
      return write()
    } finally {
      this.#avoidedNames = previous
    }
  }

  place(): Place {
    const [province, cities] = this.#provinces.sample(this.random)
    return { province, city: this.random.pick(cities) }
  }

  /** `广东·深圳`; a municipality is just `北京`. */
  region(place: Place = this.place()): string {
    return place.province === place.city ? place.city : `${place.province}·${place.city}`
  }

  company(): string {
    const stem = this.random.pick(vocabulary.companyStems)
    const suffix = this.random.pick(vocabulary.companySuffixes)
    return this.random.chance(0.4) ? `${this.place().city}${stem}${suffix}` : `${stem}${suffix}`
  }

  /** How a speaker is introduced: 校友总会秘书长王伟, 2003届校友李娜. */
  speaker(name = this.personName()): string {
    switch (this.random.int(0, 4)) {
      case 0:
        return `${this.college()}院长${name}`
      case 1:
        return `校友总会秘书长${name}`
      case 2:
        return `${this.company()}${this.position()}${name}`
      case 3:
        return `${this.random.int(1978, 2022)}届校友${name}`
      default:
        return `${this.actor()}${name}`
    }
  }

  // Phrases

  /** What is acted upon: 人才培养工作, 重要平台, 母校的发展. */
  object(): string {
    const roll = this.random.next()
    if (roll < 0.35) return this.topic()
    if (roll < 0.6) return this.topic() + this.#topicSuffixes.sample(this.random)
    if (roll < 0.82) return this.adjective() + this.noun()
    if (roll < 0.92) return `${this.random.pick(['母校', '学院', '校友', '学校'])}的${this.noun()}`
    return this.noun()
  }

  /** Who acts: 校友代表, 经济管理学院, 王伟校友, 深圳校友会. */
  subject(): string {
    const roll = this.random.next()
    if (roll < 0.5) return this.actor()
    if (roll < 0.65) return this.college()
    if (roll < 0.77) return `${this.personName()}校友`
    if (roll < 0.9) return `${this.place().city}校友会`
    return this.random.chance(0.5) ? this.company() : this.university
  }

  /** 积极推动人才培养工作 */
  predicate(): string {
    const adverb = this.random.chance(0.65) ? this.adverb() : ''
    return adverb + this.verb() + this.object()
  }

  /** 120余名校友, 36位嘉宾: 余/多 only after round numbers. */
  attendance(): string {
    const round = this.random.chance(0.7)
    const count = round ? this.random.int(2, 30) * 10 : this.random.int(12, 99)
    const measure = round ? this.random.pick(['余名', '多名', '余位', '名']) : this.random.pick(['名', '位'])
    return `${count}${measure}${this.#attendees.sample(this.random)}`
  }

  sentence(): string {
    if (this.#lexicon && this.random.chance(PLAIN_SHARE))
      return `${this.subject()}${this.#plainClauses(this.#lexicon)}。`
    switch (this.random.weighted(SENTENCE_SHAPES)) {
      case 'time':
        return `${this.timePhrase()}，${this.subject()}${this.predicate()}。`
      case 'twoClauses':
        return `${this.subject()}${this.predicate()}，${this.predicate()}。`
      case 'connective':
        return `${this.#connectives.sample(this.random)}，${this.subject()}${this.predicate()}，${this.predicate()}。`
      case 'quote':
        return this.quotation()
      case 'topics': {
        const [a, b, c] = [this.topic(), this.topic(), this.topic()]
        return `围绕${a}、${b}和${c}等${this.random.pick(TOPIC_THEMES)}，${this.subject()}${this.predicate()}。`
      }
      case 'semicolon':
        return `${this.subject()}${this.predicate()}；${this.subject()}${this.predicate()}。`
      case 'attendance':
        return this.random.chance(0.5)
          ? `活动吸引了${this.attendance()}参加。`
          : `共有${this.attendance()}参加了此次${this.eventNoun()}，${this.predicate()}。`
      case 'idiom':
        return `${this.subject()}${this.random.chance(0.5) ? this.adverb() : ''}${this.idiom()}，${this.predicate()}。`
      case 'enumeration': {
        const count = this.random.int(2, 4)
        const points = ORDINAL_LEADS.slice(0, count).map((lead) => lead + this.predicate())
        return `${this.subject()}${this.random.pick(SUMMARY_VERBS)}了${count === 2 ? '两' : chineseNumber(count)}方面工作：${points.join('；')}。`
      }
      case 'place':
        return `在${this.place().city}，${this.subject()}${this.verb()}了${this.adjective()}${this.eventNoun()}，${this.predicate()}。`
    }
  }

  /** 王伟表示：“我们将……，……。” */
  quotation(speaker = this.speaker()): string {
    const opener = this.random.pick(QUOTE_OPENERS)
    const second = this.random.chance(0.35) ? this.idiom() : this.predicate()
    return `${speaker}${this.#speechVerbs.sample(this.random)}：“${opener}${this.predicate()}，${second}。”`
  }

  /** Sentences until the paragraph reaches `targetChars`, never past `maxChars`. */
  paragraph(targetChars: number, maxChars: number): string {
    let text = ''
    let misses = 0
    while (text.length < targetChars && misses < 4) {
      const sentence = this.sentence()
      if (text.length + sentence.length > maxChars) {
        misses++
        continue
      }
      text += sentence
    }
    return text
  }

  /** A one- or two-sentence summary, 40–160 characters. */
  excerpt(): string {
    return this.paragraph(this.random.int(40, 110), 160)
  }

  /** Short heading for a body section: 一、深化产学研合作. */
  heading(index: number): string {
    const text = this.random.chance(0.5)
      ? this.verb() + this.topic()
      : this.topic() + this.#topicSuffixes.sample(this.random)
    return this.random.chance(0.6) ? `${chineseNumber(index)}、${text}` : text
  }

  /** A list item: 推动校企合作平台建设 */
  listItem(): string {
    return this.predicate()
  }

  // Titles, one family per document type; all at most 40 characters (the schema's soft limit).

  articleTitle(category: string): string {
    const r = this.random
    const year = r.int(2006, 2026)
    const titles: Record<string, () => string> = {
      news: () =>
        r.pick([
          () => `${this.college()}举行${year}年${this.eventNoun()}`,
          () => `${this.university}与${this.company()}签署${this.topic()}合作协议`,
          () => `${this.subject()}${this.verb()}${this.object()}`,
          () => `${year}年校友${this.eventNoun()}在${this.place().city}举行`,
        ])(),
      campus: () =>
        r.pick([
          () => `${this.college()}${this.adverb()}推进${this.topic()}`,
          () => `校园里的${this.noun()}：${this.idiom()}`,
          () => `${this.university}${this.topic()}${this.#topicSuffixes.sample(r)}取得新进展`,
        ])(),
      visit: () =>
        r.pick([
          () => `${this.personName()}校友回访母校`,
          () => `${this.place().city}校友会一行到访${this.college()}`,
          () => `${year}届校友毕业${r.int(1, 6) * 5}周年返校`,
        ])(),
      lecture: () =>
        r.pick([
          () => `${this.personName()}：${this.topic()}与${this.topic()}`,
          () => `校友讲堂第${r.int(1, 300)}期：${this.topic()}`,
          () => `${this.personName()}校友作${this.topic()}专题报告`,
        ])(),
      career: () =>
        r.pick([
          () => `${year}届毕业生${this.topic()}工作综述`,
          () => `${this.company()}来校举办专场招聘会`,
          () => `校友企业助力${year}届毕业生高质量就业`,
        ])(),
      memorial: () =>
        r.pick([() => `沉痛悼念${this.personName()}校友`, () => `缅怀${this.personName()}先生`])(),
      other: () => `${this.idiom()}：${this.subject()}${this.verb()}${this.object()}`,
    }
    return clip(titles[category]!())
  }

  chapterReportTitle(chapterName: string, year: number): string {
    return clip(
      this.random.chance(0.6)
        ? `${chapterName}举行${year}年${this.eventNoun()}`
        : `${chapterName}${this.adverb()}开展${this.topic()}${this.random.pick(['活动', '交流', '调研'])}`,
    )
  }

  eventTitle(year: number, city: string): string {
    return clip(
      this.random.pick([
        () => `${this.eventNoun()}：${this.topic()}`,
        () => `${year}年${city}校友${this.eventNoun()}`,
        () => `${this.college()}${this.eventNoun()}`,
        () => `“${this.idiom()}”${this.eventNoun()}`,
      ])(),
    )
  }
}

/** Keeps a title within the schema's 40-character advice. */
function clip(title: string): string {
  return title.length <= 40 ? title : title.slice(0, 40)
}
