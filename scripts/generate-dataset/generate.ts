// Writes a synthetic dataset in `sanity dataset export` format: PATH/data.ndjson + PATH/images/.
// Documents are built one at a time and streamed to the file, so memory stays flat at any size.
import { closeSync, openSync, writeSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { slugify } from '../../schemas/lib/slugify.ts'
import { createImagePool, type ImagePool, type PoolImage } from './images.ts'
import { CONTENT_TYPES, planDataset, type ContentType, type DatasetPlan, type DocumentType } from './plan.ts'
import { loadLexicon } from './lexicon.ts'
import { KeyMaker, PortableTextWriter, type ImageValue } from './portable-text.ts'
import { hashSeed, Random, ZipfSampler } from './random.ts'
import { TextGenerator, type Place } from './text.ts'
import * as vocabulary from './vocabulary.ts'

export interface GenerateOptions {
  /** Lines of data.ndjson, i.e. every document including siteSettings, colleges, chapters, persons and drafts. */
  documents: number
  out: string
  seed: string
  /**
   * `realistic` (default): words follow a real Chinese word-frequency list (lexicon.ts) and articles run
   * 800–2,800 characters (about 1,800), as in a real archive. `narrow`: only the alumni-news word lists of
   * vocabulary.ts and 300–1,500-character articles; its search index is about half the realistic one's.
   */
  corpus?: Corpus
}

export type Corpus = 'realistic' | 'narrow'
export const CORPORA: readonly Corpus[] = ['realistic', 'narrow']

export interface GenerateResult {
  file: string
  plan: DatasetPlan
  images: number
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** publishedAt spans these 20 years. */
const FIRST_PUBLISHED = Date.UTC(2006, 0, 1)
const LAST_PUBLISHED = Date.UTC(2026, 10, 15)
/** The moment the "export" was taken: no _updatedAt is later. */
const EXPORTED_AT = Date.UTC(2026, 10, 20)
/** Scheduled documents are published in this year, far beyond any build clock. */
const SCHEDULED_YEAR = 2099
const UNIVERSITY = '华夏大学'
const SITE_URL = 'https://alumni.example.org'

const ID_PREFIX: Record<ContentType, string> = {
  article: 'article',
  alumnusProfile: 'alumnus-profile',
  donationProject: 'donation-project',
  donationStory: 'donation-story',
  chapterReport: 'chapter-report',
  event: 'event',
  newsletterIssue: 'newsletter-issue',
}

/** Types a newsletter section can list, with the section titles editors give them. */
const SECTION_TITLES: ReadonlyArray<readonly [ContentType, readonly string[]]> = [
  ['article', ['要闻速递', '校园动态', '母校新闻']],
  ['alumnusProfile', ['校友风采', '校友人物']],
  ['donationStory', ['饮水思源', '捐赠芳名']],
  ['chapterReport', ['校友会动态', '各地校友会']],
  ['event', ['活动预告', '活动回顾']],
]

const ARTICLE_CATEGORIES: ReadonlyArray<readonly [string, number]> = [
  ['news', 40],
  ['campus', 15],
  ['visit', 12],
  ['lecture', 12],
  ['career', 10],
  ['memorial', 3],
  ['other', 8],
]

const VENUES = [
  '校友之家',
  '国际会议中心',
  '科技园报告厅',
  '酒店会议厅',
  '校友企业会议室',
  '图书馆报告厅',
  '校史馆',
  '学术交流中心',
]
const CHAPTER_VARIANTS = ['', '青年', '企业家', '女', 'MBA', '博士', '老']

type Special = 'draft' | 'draftOfPublished' | 'scheduled'

interface ChapterInfo {
  id: string
  name: string
  collegeId?: string
  city: string
}

interface ProjectInfo {
  id: string
  use: string
  collegeId?: string
}

interface Published {
  time: number
  id: string
}

type Json = Record<string, unknown>

export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Calendar date in Asia/Shanghai, where the events happen. */
export function isoDate(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().slice(0, 10)
}

function shanghaiYear(ms: number): number {
  return new Date(ms + 8 * HOUR).getUTCFullYear()
}

function chineseDate(ms: number): string {
  const d = new Date(ms + 8 * HOUR)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** Appends lines to a file in ~1 MB writes. */
class NdjsonWriter {
  readonly #fd: number
  #pending: string[] = []
  #pendingLength = 0
  lines = 0

  constructor(file: string) {
    this.#fd = openSync(file, 'w')
  }

  write(document: Json): void {
    const line = JSON.stringify(document) + '\n'
    this.#pending.push(line)
    this.#pendingLength += line.length
    this.lines++
    if (this.#pendingLength > 1 << 20) this.flush()
  }

  flush(): void {
    if (this.#pending.length === 0) return
    writeSync(this.#fd, this.#pending.join(''))
    this.#pending = []
    this.#pendingLength = 0
  }

  close(): void {
    this.flush()
    closeSync(this.#fd)
  }
}

/** Slugs unique per document type: a repeated slug gets `-2`, `-3`, … */
class SlugRegistry {
  readonly #used = new Map<DocumentType, Set<string>>()

  claim(type: DocumentType, source: string, fallback: string): { _type: 'slug'; current: string } {
    let used = this.#used.get(type)
    if (!used) this.#used.set(type, (used = new Set()))
    const base = slugify(source) || fallback
    let current = base
    for (let n = 2; used.has(current); n++) current = `${base}-${n}`
    used.add(current)
    return { _type: 'slug', current }
  }
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateResult> {
  const plan = planDataset(options.documents)
  const seed = hashSeed(options.seed)
  const imageDirectory = join(options.out, 'images')
  const file = join(options.out, 'data.ndjson')
  await mkdir(options.out, { recursive: true })
  // Images are replaced wholesale: a pool from another seed would otherwise linger beside this one.
  await rm(imageDirectory, { recursive: true, force: true })
  const pool = await createImagePool(new Random(seed ^ 0x5bd1e995), imageDirectory)

  const writer = new NdjsonWriter(file)
  try {
    new DatasetBuilder(new Random(seed), pool, plan, writer, options.corpus ?? 'realistic').writeAll()
  } finally {
    writer.close()
  }
  if (writer.lines !== plan.total) throw new Error(`wrote ${writer.lines} documents, planned ${plan.total}`)
  return { file, plan, images: pool.covers.length + pool.portraits.length + 2 }
}

class DatasetBuilder {
  readonly #random: Random
  readonly #pool: ImagePool
  readonly #plan: DatasetPlan
  readonly #writer: NdjsonWriter
  readonly #text: TextGenerator
  readonly #keys: KeyMaker
  readonly #portableText: PortableTextWriter
  readonly #slugs = new SlugRegistry()
  readonly #specials = new Map<string, Special>()
  readonly #collegeIds: string[] = []
  readonly #chapters: ChapterInfo[] = []
  readonly #personIds: string[] = []
  readonly #publicProjects: ProjectInfo[] = []
  readonly #published = new Map<ContentType, Published[]>()
  /** Last published document of each type with its slug, so a draft can be an edit of it. */
  readonly #shares = new Map<string, Set<number>>()
  readonly #lastPublished = new Map<ContentType, { id: string; slug: { _type: 'slug'; current: string } }>()
  #chapterSamplerCache: ZipfSampler<ChapterInfo> | undefined
  readonly #articleChars: { min: number; max: number }

  constructor(random: Random, pool: ImagePool, plan: DatasetPlan, writer: NdjsonWriter, corpus: Corpus) {
    this.#random = random
    this.#pool = pool
    this.#plan = plan
    this.#writer = writer
    this.#text = new TextGenerator(random, UNIVERSITY, corpus === 'realistic' ? loadLexicon() : undefined)
    this.#articleChars = corpus === 'realistic' ? { min: 800, max: 2800 } : { min: 300, max: 1500 }
    this.#keys = new KeyMaker(random)
    this.#portableText = new PortableTextWriter(this.#text, this.#keys)
    this.#chooseSpecials()
  }

  writeAll(): void {
    this.#siteSettings()
    this.#colleges()
    this.#chapterDocuments()
    this.#persons()
    this.#content('donationProject', (header, publishedAt, special) =>
      this.#donationProject(header, publishedAt, special),
    )
    this.#content('article', (header, publishedAt) => this.#article(header, publishedAt))
    this.#content('alumnusProfile', (header, publishedAt, _special, index) =>
      this.#alumnusProfile(header, publishedAt, index),
    )
    this.#content('donationStory', (header, publishedAt, _special, index) =>
      this.#donationStory(header, publishedAt, index),
    )
    this.#content('chapterReport', (header, publishedAt) => this.#chapterReport(header, publishedAt))
    this.#content('event', (header, publishedAt) => this.#event(header, publishedAt))
    this.#newsletterIssues()
  }

  /** Picks which content documents are drafts or scheduled for 2099. Newsletters stay regular. */
  #chooseSpecials(): void {
    const slots: string[] = []
    for (const type of CONTENT_TYPES) {
      if (type === 'newsletterIssue') continue
      for (let i = 1; i <= this.#plan.counts[type]; i++) slots.push(`${type}:${i}`)
    }
    const wanted = this.#plan.drafts + this.#plan.scheduled
    const chosen = this.#random.sampleIndices(slots.length, wanted)
    // Shuffle the chosen slots so drafts and scheduled documents spread over all types.
    for (let i = chosen.length - 1; i > 0; i--) {
      const j = this.#random.int(0, i)
      ;[chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!]
    }
    chosen.forEach((slot, n) => {
      const special: Special =
        n < this.#plan.drafts ? (n % 2 === 0 ? 'draft' : 'draftOfPublished') : 'scheduled'
      this.#specials.set(slots[slot]!, special)
    })
  }

  // Shared pieces

  /**
   * Indices (1-based) of exactly round(share × count) documents of `type`, at least one, chosen at random:
   * even a small dataset has anonymous donors and profiles without consent.
   */
  #share(type: ContentType, name: string, share: number): Set<number> {
    const key = `${type}:${name}`
    let chosen = this.#shares.get(key)
    if (!chosen) {
      const count = this.#plan.counts[type]
      const indices = this.#random.sampleIndices(count, Math.max(1, Math.round(count * share)))
      this.#shares.set(key, (chosen = new Set(indices.map((i) => i + 1))))
    }
    return chosen
  }

  #header(id: string, type: DocumentType, createdAt: number, updatedAt: number): Json {
    this.#keys.reset()
    return {
      _id: id,
      _type: type,
      _createdAt: isoDateTime(createdAt),
      _updatedAt: isoDateTime(Math.min(Math.max(updatedAt, createdAt), EXPORTED_AT)),
      _rev: this.#revision(),
    }
  }

  #revision(): string {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
    let rev = ''
    for (let i = 0; i < 22; i++) rev += alphabet[Math.floor(this.#random.next() * 62)]
    return rev
  }

  /** Spread over 2006–2026 with more recent years busier, at Beijing office hours. */
  #publishedAt(): number {
    const span = LAST_PUBLISHED - FIRST_PUBLISHED
    const day = Math.floor((FIRST_PUBLISHED + span * this.#random.next() ** 0.7) / DAY) * DAY
    const time = day + this.#random.int(0, 10) * HOUR + this.#random.int(0, 59) * 60_000
    return time > LAST_PUBLISHED ? time - DAY : time
  }

  #image(image: PoolImage, alt: string, caption?: string): ImageValue {
    const value: ImageValue = {
      _type: 'imageWithAlt',
      _sanityAsset: `image@file://./images/${image.file}`,
      alt,
    }
    if (caption) value.caption = caption
    return value
  }

  #cover(title: string): ImageValue {
    const photo = this.#random.pick(vocabulary.photoSubjects)
    return this.#image(
      this.#random.pick(this.#pool.covers),
      `${title}：${photo}`,
      this.#random.chance(0.3) ? photo : undefined,
    )
  }

  #reference(id: string, inArray = false): Json {
    return inArray
      ? { _type: 'reference', _ref: id, _key: this.#keys.next() }
      : { _type: 'reference', _ref: id }
  }

  #collegeRefs(max: number, preferred?: string): Json[] {
    const ids = new Set<string>()
    if (preferred) ids.add(preferred)
    const count = this.#random.int(1, max)
    while (ids.size < count) ids.add(this.#random.pick(this.#collegeIds))
    return [...ids].map((id) => this.#reference(id, true))
  }

  #body(options: { lead?: string; link?: boolean; imageAlt?: string; min?: number; max?: number } = {}) {
    const random = this.#random
    return this.#portableText.body({
      minChars: options.min ?? 300,
      maxChars: options.max ?? 1500,
      lead: options.lead,
      headings: random.chance(0.3),
      list: random.chance(0.2),
      link:
        options.link || random.chance(0.3)
          ? {
              href: `${SITE_URL}/${random.pick(['news', 'events', 'giving', 'chapters'])}/${random.int(1000, 99999)}`,
              text: random.pick([
                '校友总会网站',
                '活动报名页面',
                '教育基金会网站',
                `${this.#text.topic()}专题`,
              ]),
            }
          : undefined,
      image:
        options.imageAlt && random.chance(0.15)
          ? this.#image(
              random.pick(this.#pool.covers),
              options.imageAlt,
              random.pick(vocabulary.photoSubjects),
            )
          : undefined,
    })
  }

  #channels(label: string): Json[] {
    const channels: Json[] = []
    if (this.#random.chance(0.7)) {
      channels.push({
        _type: 'contactChannel',
        _key: this.#keys.next(),
        kind: 'wechat',
        label,
        qrCode: this.#image(this.#pool.qrCode, `${label}微信公众号二维码`),
      })
    }
    if (this.#random.chance(0.4)) {
      channels.push({
        _type: 'contactChannel',
        _key: this.#keys.next(),
        kind: this.#random.pick(['website', 'weibo'] as const),
        label,
        url: `https://www.example.com/${this.#random.hex(8)}`,
      })
    }
    return channels
  }

  /** Sets fields whose value is not undefined, keeping the field order of the content model. */
  #fields(target: Json, fields: Json): Json {
    for (const [name, value] of Object.entries(fields)) if (value !== undefined) target[name] = value
    return target
  }

  // Fixed documents

  #siteSettings(): void {
    const header = this.#header(
      'siteSettings',
      'siteSettings',
      Date.UTC(2024, 0, 8, 2),
      Date.UTC(2026, 8, 1, 3),
    )
    this.#writer.write(
      this.#fields(header, {
        title: `${UNIVERSITY}校友总会`,
        tagline: '饮水思源，爱我母校',
        description: `${UNIVERSITY}校友总会官方网站：校友新闻、校友风采、捐赠与各地校友会动态。`,
        logo: this.#image(this.#pool.logo, `${UNIVERSITY}校友总会标志`),
        accentColor: '#9b1b30',
        contact: {
          _type: 'publicContact',
          email: 'alumni@example.org',
          phone: '010-6278 0000',
          address: `${UNIVERSITY}主楼 215 室`,
          url: SITE_URL,
        },
        channels: [
          {
            _type: 'contactChannel',
            _key: this.#keys.next(),
            kind: 'wechat',
            label: `${UNIVERSITY}校友总会`,
            qrCode: this.#image(this.#pool.qrCode, '校友总会微信公众号二维码'),
          },
          {
            _type: 'contactChannel',
            _key: this.#keys.next(),
            kind: 'weibo',
            label: '校友总会微博',
            url: 'https://weibo.example.com/alumni',
          },
          {
            _type: 'contactChannel',
            _key: this.#keys.next(),
            kind: 'website',
            label: '校友总会网站',
            url: SITE_URL,
          },
        ],
      }),
    )
  }

  #setupTime(): number {
    return Date.UTC(2024, 0, 8) + this.#random.int(0, 180) * DAY + this.#random.int(0, 10) * HOUR
  }

  #colleges(): void {
    const colleges = vocabulary.colleges.slice(0, this.#plan.counts.college)
    this.#text.collegeNames = colleges.map(([, name]) => name)
    colleges.forEach(([key, name, shortName], index) => {
      const id = `college-${key}`
      this.#collegeIds.push(id)
      const created = this.#setupTime()
      const header = this.#header(id, 'college', created, created + this.#random.int(0, 600) * DAY)
      this.#writer.write(
        this.#fields(header, {
          name,
          slug: this.#slugs.claim('college', key, key),
          shortName,
          description: `${name}现有本科专业${this.#random.int(3, 12)}个，历届校友${this.#random.int(2, 9)}万余人。${this.#text.paragraph(40, 120)}`,
          cover: this.#random.chance(0.7) ? this.#cover(name) : undefined,
          order: index + 1,
          contact: {
            _type: 'publicContact',
            email: `${key}.alumni@example.org`,
            phone: `010-6278 ${this.#random.digits(4)}`,
            address: `${UNIVERSITY}${shortName}楼 ${this.#random.int(101, 520)} 室`,
          },
        }),
      )
    })
  }

  /** A chapter name not used yet: 深圳校友会, 深圳青年校友会, 金融校友会, 计算机科学与技术学院上海校友分会. */
  #chapterName(kind: string, place: Place, overseas: string | undefined, college: string, used: Set<string>) {
    for (let attempt = 0; ; attempt++) {
      const variant = attempt === 0 ? '' : this.#random.pick(CHAPTER_VARIANTS)
      const city = attempt < 3 ? place.city : this.#text.place().city
      let name: string
      if (kind === 'regional') name = `${overseas ?? city}${variant}校友会`
      else if (kind === 'industry')
        name = attempt === 0 ? `${this.#text.industry()}校友会` : `${city}${this.#text.industry()}校友会`
      else name = attempt === 0 ? `${college}校友分会` : `${college}${city}校友分会`
      if (attempt > 40) name = `${name}（${attempt}）`
      if (!used.has(name)) {
        used.add(name)
        return name
      }
    }
  }

  #chapterDocuments(): void {
    const used = new Set<string>()
    for (let i = 1; i <= this.#plan.counts.chapter; i++) {
      const kind = this.#random.weighted([
        ['regional', 60],
        ['industry', 20],
        ['college', 20],
      ] as const)
      const overseas =
        kind === 'regional' && this.#random.chance(0.1)
          ? this.#random.pick(vocabulary.overseasRegions)
          : undefined
      const place = this.#text.place()
      const collegeIndex = this.#random.int(0, this.#collegeIds.length - 1)
      const name = this.#chapterName(kind, place, overseas, this.#text.collegeNames[collegeIndex]!, used)
      const id = `chapter-${i}`
      const collegeId = kind === 'college' ? this.#collegeIds[collegeIndex] : undefined
      this.#chapters.push({ id, name, collegeId, city: overseas ?? place.city })
      const foundedYear = this.#random.int(1985, 2024)
      const created = this.#setupTime()
      const header = this.#header(id, 'chapter', created, created + this.#random.int(0, 600) * DAY)
      this.#writer.write(
        this.#fields(header, {
          name,
          slug: this.#slugs.claim('chapter', name, id),
          kind,
          region: overseas ? `海外·${overseas}` : this.#text.region(place),
          college: collegeId ? this.#reference(collegeId) : undefined,
          foundedAt: `${foundedYear}-${String(this.#random.int(1, 12)).padStart(2, '0')}-${String(this.#random.int(1, 28)).padStart(2, '0')}`,
          description: `${name}成立于${foundedYear}年，${this.#text.paragraph(40, 140)}`,
          channels: this.#channels(name),
          cover: this.#random.chance(0.5) ? this.#cover(name) : undefined,
        }),
      )
    }
  }

  #persons(): void {
    const desks = ['校友总会办公室', '新闻中心', '发展联络处', '融媒体中心']
    const roles = ['记者', '编辑', '通讯员', '摄影', '实习记者']
    for (let i = 1; i <= this.#plan.counts.person; i++) {
      const name = this.#text.personName()
      const id = `person-${i}`
      this.#personIds.push(id)
      const created = this.#setupTime()
      const header = this.#header(id, 'person', created, created + this.#random.int(0, 300) * DAY)
      const desk = this.#random.chance(0.3) ? this.#text.college() : this.#random.pick(desks)
      this.#writer.write(
        this.#fields(header, {
          name,
          slug: this.#slugs.claim('person', name, id),
          role: `${desk} ${this.#random.pick(roles)}`,
        }),
      )
    }
  }

  // Content documents

  /**
   * Writes the documents of one content type, deciding for each whether it is a draft or scheduled and what
   * its dates are; `build` adds the type's fields to the system fields. Public documents are remembered
   * for newsletters and for drafts that edit them.
   */
  #content(
    type: ContentType,
    build: (header: Json, publishedAt: number, special: Special | undefined, index: number) => Json,
  ): void {
    const published: Published[] = []
    this.#published.set(type, published)
    for (let index = 1; index <= this.#plan.counts[type]; index++) {
      let special = this.#specials.get(`${type}:${index}`)
      const previous = this.#lastPublished.get(type)
      if (special === 'draftOfPublished' && !previous) special = 'draft'

      let id = `${ID_PREFIX[type]}-${index}`
      let publishedAt = this.#publishedAt()
      let created = publishedAt - this.#random.int(1, 72) * HOUR
      let updated = publishedAt + (this.#random.chance(0.3) ? this.#random.int(1, 30) * DAY : 0)
      if (special === 'scheduled') {
        publishedAt = Date.UTC(
          SCHEDULED_YEAR,
          this.#random.int(0, 11),
          this.#random.int(1, 28),
          this.#random.int(0, 10),
        )
        created = EXPORTED_AT - this.#random.int(1, 60) * DAY
        updated = created + this.#random.int(0, 3) * DAY
      } else if (special) {
        // Drafts are recent work: started in the last weeks, publishedAt already filled in.
        created = EXPORTED_AT - this.#random.int(1, 45) * DAY
        publishedAt = created + this.#random.int(0, 3) * DAY
        updated = created + this.#random.int(0, 2) * DAY
        id = `drafts.${special === 'draftOfPublished' ? previous!.id : id}`
      }

      const header = this.#header(id, type, created, updated)
      const document = build(header, publishedAt, special, index)
      if (special === 'draftOfPublished') document.slug = previous!.slug
      this.#writer.write(document)
      if (!special) {
        this.#lastPublished.set(type, { id, slug: document.slug as { _type: 'slug'; current: string } })
        if (type !== 'alumnusProfile' || document.publicConsent === true)
          published.push({ time: publishedAt, id })
      }
    }
    published.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1))
  }

  #article(header: Json, publishedAt: number): Json {
    const random = this.#random
    const category = random.weighted(ARTICLE_CATEGORIES)
    const title = this.#text.articleTitle(category)
    const tags = new Set<string>()
    if (random.chance(0.6))
      for (let i = random.int(1, 4); i > 0; i--)
        tags.add(random.chance(0.7) ? this.#text.topic() : this.#text.eventNoun())
    return this.#fields(header, {
      title,
      slug: this.#slugs.claim('article', title, String(header._id)),
      publishedAt: isoDateTime(publishedAt),
      excerpt: this.#text.excerpt(),
      cover: random.chance(0.85) ? this.#cover(title) : undefined,
      body: this.#body({ imageAlt: title, ...this.#articleChars }),
      colleges: random.chance(0.7) ? this.#collegeRefs(2) : undefined,
      tags: tags.size ? [...tags] : undefined,
      author: random.chance(0.8) ? this.#reference(random.pick(this.#personIds)) : undefined,
      category,
      featured: random.chance(0.04),
    })
  }

  #alumnusProfile(header: Json, publishedAt: number, index: number): Json {
    const random = this.#random
    const name = this.#text.personName()
    // Profiles are written about people who have graduated.
    const classYear = random.int(1956, Math.min(2024, shanghaiYear(publishedAt) - 1))
    const degree = random.weighted(vocabulary.degrees)
    const major = this.#text.major()
    const headline = random.chance(0.6)
      ? `${this.#text.company()}${this.#text.position()}`
      : `${this.#text.place().city}${random.pick(['某研究院', '某三甲医院', '某中学', '某设计院'])}${this.#text.position()}`
    const achievements: string[] = []
    if (random.chance(0.6))
      for (let i = random.int(1, 4); i > 0; i--)
        achievements.push(this.#achievement(classYear, shanghaiYear(publishedAt)))
    const place = this.#text.place()
    const lead = `${name}，${classYear}届${major}专业校友，现任${headline}。`
    return this.#fields(header, {
      name,
      slug: this.#slugs.claim('alumnusProfile', name, String(header._id)),
      publishedAt: isoDateTime(publishedAt),
      classYear,
      degree,
      major,
      colleges: this.#collegeRefs(random.chance(0.85) ? 1 : 2),
      headline: headline.slice(0, 40),
      portrait: random.chance(0.85)
        ? this.#image(random.pick(this.#pool.portraits), `${name}近照`)
        : undefined,
      excerpt: `${lead}${this.#text.excerpt()}`,
      body: this.#body({ lead, imageAlt: `${name}在工作中` }),
      achievements: achievements.length ? [...new Set(achievements)] : undefined,
      notable: random.chance(0.1),
      publicConsent: !this.#share('alumnusProfile', 'withoutConsent', 0.15).has(index),
      // Internal only; distinctive values so leak tests can search the built site for them.
      contact: {
        _type: 'alumnusContact',
        email: `alumnus.${index}.${random.hex(6)}@example.com`,
        phone: `1${random.pick(['38', '39', '58', '86', '89'])}${random.digits(8)}`,
        wechat: `wxid_${random.hex(10)}`,
        address: `${place.province}${place.city === place.province ? '' : place.city}${random.pick(['人民路', '建设路', '解放路', '中山路', '学院路'])}${random.int(1, 999)}号`,
      },
    })
  }

  /** 2015年荣获国家科技进步奖, 2019年当选中国工程院院士: after graduating, before the profile appeared. */
  #achievement(classYear: number, publishedYear: number): string {
    const year = this.#random.int(Math.min(classYear + 3, publishedYear), publishedYear)
    const honour = this.#random.pick(vocabulary.honours)
    return honour.endsWith('获得者')
      ? `${year}年荣获${honour.slice(0, -3)}`
      : `${year}年${this.#random.pick(['获评', '当选'])}${honour}`
  }

  #donationProject(header: Json, publishedAt: number, special: Special | undefined): Json {
    const random = this.#random
    const use = this.#text.donationUse()
    const collegeId = random.chance(0.65) ? random.pick(this.#collegeIds) : undefined
    const collegeName = collegeId ? this.#text.collegeNames[this.#collegeIds.indexOf(collegeId)]! : UNIVERSITY
    const title = random
      .pick([
        () => `${this.#text.personName()}${use}`,
        () => `${collegeName}${use}`,
        () => `${random.int(1960, 2015)}届校友${use}`,
        () => `${this.#text.company()}${use}`,
      ])()
      .slice(0, 40)
    const goal = random.pick([10, 20, 50, 100, 200, 300, 500, 1000, 2000, 5000]) * 10_000
    const status = random.weighted([
      ['open', 45],
      ['completed', 40],
      ['closed', 15],
    ] as const)
    const ratio =
      status === 'completed'
        ? 1 + random.next() * 0.3
        : status === 'open'
          ? 0.05 + random.next() * 0.9
          : 0.3 + random.next() * 0.7
    const raised = Math.round((goal * ratio) / 100) * 100
    const id = String(header._id)
    if (!special) this.#publicProjects.push({ id, use, collegeId })
    const giveLinkKey = this.#keys.next()
    return this.#fields(header, {
      title,
      slug: this.#slugs.claim('donationProject', title, id),
      publishedAt: isoDateTime(publishedAt),
      college: collegeId ? this.#reference(collegeId) : undefined,
      designatedUse: `用于${use}，${this.#text.predicate()}。`,
      goal,
      raised,
      donorCount: Math.max(1, Math.round(raised / random.int(2_000, 50_000))),
      status,
      excerpt: this.#text.excerpt(),
      cover: random.chance(0.85) ? this.#cover(title) : undefined,
      body: this.#body({ imageAlt: title, max: 1200 }),
      howToGive: [
        {
          _type: 'block',
          _key: this.#keys.next(),
          style: 'normal',
          markDefs: [{ _type: 'link', _key: giveLinkKey, href: `${SITE_URL}/giving/${id}` }],
          children: [
            this.#portableText.span('在线捐赠：请访问'),
            this.#portableText.span('教育基金会捐赠页面', [giveLinkKey]),
            this.#portableText.span('，选择本项目。'),
          ],
        },
        ...this.#portableText.shortText([
          `银行转账：户名${UNIVERSITY}教育基金会，开户行中国工商银行${this.#text.place().city}分行，账号 0200 ${random.digits(4)} ${random.digits(4)} ${random.digits(4)}。`,
          `转账时请注明“${title}”及捐赠人姓名，以便开具捐赠票据。`,
        ]),
      ],
    })
  }

  #donationStory(header: Json, publishedAt: number, index: number): Json {
    const random = this.#random
    const text = this.#text
    // Anonymous donors are people: 匿名校友 stands in for a person's name, never a company's.
    const anonymous = this.#share('donationStory', 'anonymous', 0.2).has(index)
    const showAmount = !this.#share('donationStory', 'hiddenAmount', 0.3).has(index)
    const kind = random.weighted([
      ['money', 75],
      ['goods', 15],
      ['service', 10],
    ] as const)
    const classYear = random.int(1960, Math.min(2020, shanghaiYear(publishedAt) - 1))
    const collegeId = random.pick(this.#collegeIds)
    const isCompany = !anonymous && random.chance(0.1)
    const donorNames = random.chance(0.06) ? [text.personName(), text.personName()] : [text.personName()]
    const displayName = isCompany
      ? text.company()
      : donorNames.length === 2
        ? `${donorNames.join('、')}伉俪`
        : donorNames[0]!
    const project =
      this.#publicProjects.length && random.chance(0.8) ? random.pick(this.#publicProjects) : undefined
    const use = project?.use ?? text.donationUse()
    const goods = random.pick(vocabulary.donatedGoods)
    const amount =
      kind === 'money'
        ? random.pick([1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 500, 1000]) * 10_000
        : kind === 'goods'
          ? random.int(1, 200) * 1_000
          : undefined
    const donorLabel = isCompany ? displayName : `${displayName}校友`

    // An anonymous donor's name and a hidden amount never reach the text, only the fields that hold them.
    const write = () => {
      const who = anonymous ? `一位${classYear}届校友` : donorLabel
      const what =
        kind === 'goods'
          ? `向母校捐赠${goods}`
          : kind === 'service'
            ? `为母校义务提供${text.topic()}服务`
            : showAmount && amount
              ? `捐赠${amount / 10_000}万元支持${use}`
              : `捐赠支持${use}`
      const title = (anonymous ? `${who}匿名${what.replace(/^向母校/, '')}` : `${who}${what}`).slice(0, 40)
      const lead = `${chineseDate(publishedAt)}，${who}${what}${anonymous ? '，并希望不具名' : ''}。`
      return { title, lead, excerpt: `${lead}${text.excerpt()}`, body: this.#body({ lead, imageAlt: title }) }
    }
    const { title, excerpt, body } = text.avoidingNames(isCompany ? [] : donorNames, write)
    return this.#fields(header, {
      title,
      slug: this.#slugs.claim('donationStory', title, String(header._id)),
      publishedAt: isoDateTime(publishedAt),
      project: project ? this.#reference(project.id) : undefined,
      donor: {
        _type: 'donor',
        displayName,
        anonymous,
        classYear,
        college: this.#reference(project?.collegeId ?? collegeId),
      },
      kind,
      amount,
      showAmount,
      excerpt,
      cover: random.chance(0.8) ? this.#cover(title) : undefined,
      body,
      colleges: random.chance(0.8) ? this.#collegeRefs(1, project?.collegeId ?? collegeId) : undefined,
    })
  }

  #chapterReport(header: Json, publishedAt: number): Json {
    const random = this.#random
    const chapter = this.#chapterSampler().sample(random)
    const eventAt = publishedAt - random.int(0, 6) * DAY
    const title = this.#text.chapterReportTitle(chapter.name, shanghaiYear(eventAt))
    const location = `${chapter.city}${random.pick(VENUES)}`
    const attendees = random.chance(0.7) ? random.int(2, 30) * 10 : random.int(15, 600)
    const lead = `${chineseDate(eventAt)}，${chapter.name}在${location}举行${this.#text.eventNoun()}，${attendees}余名校友参加。`
    const gallery = random.chance(0.3)
      ? Array.from({ length: random.int(2, 6) }, (_, i) => ({
          ...this.#image(
            random.pick(this.#pool.covers),
            `${chapter.name}活动照片 ${i + 1}：${random.pick(vocabulary.photoSubjects)}`,
          ),
          _key: this.#keys.next(),
        }))
      : undefined
    return this.#fields(header, {
      title,
      slug: this.#slugs.claim('chapterReport', title, String(header._id)),
      publishedAt: isoDateTime(publishedAt),
      chapter: this.#reference(chapter.id),
      eventDate: isoDate(eventAt),
      location,
      attendees,
      excerpt: `${lead}${this.#text.excerpt()}`,
      cover: random.chance(0.85) ? this.#cover(title) : undefined,
      gallery,
      body: this.#body({ lead, imageAlt: title }),
      colleges: chapter.collegeId ? [this.#reference(chapter.collegeId, true)] : undefined,
    })
  }

  /** Busy chapters report more often than quiet ones. */
  #chapterSampler(): ZipfSampler<ChapterInfo> {
    return (this.#chapterSamplerCache ??= new ZipfSampler(this.#chapters, 0.6))
  }

  #event(header: Json, publishedAt: number): Json {
    const random = this.#random
    // Events start 5–45 days after the announcement, at 9:00, 14:00 or 19:00 Beijing time.
    const day = Math.floor((publishedAt + 8 * HOUR) / DAY) * DAY - 8 * HOUR + random.int(5, 45) * DAY
    const startsAt = day + random.pick([9, 14, 19]) * HOUR
    const endsAt = random.chance(0.1)
      ? startsAt + random.int(1, 2) * DAY + 3 * HOUR
      : startsAt + random.int(2, 4) * HOUR
    const place = this.#text.place()
    const title = this.#text.eventTitle(shanghaiYear(startsAt), place.city)
    const organizers = new Set<string>()
    for (let i = random.int(1, 2); i > 0; i--)
      organizers.add(random.chance(0.7) ? random.pick(this.#chapters).id : random.pick(this.#collegeIds))
    const online = random.chance(0.3)
    return this.#fields(header, {
      title,
      slug: this.#slugs.claim('event', title, String(header._id)),
      publishedAt: isoDateTime(publishedAt),
      startsAt: isoDateTime(startsAt),
      endsAt: random.chance(0.85) ? isoDateTime(endsAt) : undefined,
      location: !online || random.chance(0.5) ? `${place.city}${random.pick(VENUES)}` : undefined,
      onlineUrl: online ? `https://meeting.example.com/j/${random.digits(9)}` : undefined,
      organizers: [...organizers].map((id) => this.#reference(id, true)),
      registrationUrl: random.chance(0.5) ? `${SITE_URL}/events/${header._id}/register` : undefined,
      excerpt: this.#text.excerpt(),
      cover: random.chance(0.8) ? this.#cover(title) : undefined,
      body: this.#body({ imageAlt: title, link: random.chance(0.3) }),
      colleges: random.chance(0.4) ? this.#collegeRefs(2) : undefined,
    })
  }

  /** Issues spread over the 20 years, numbered within each year; sections list public items published before. */
  #newsletterIssues(): void {
    const random = this.#random
    const count = this.#plan.counts.newsletterIssue
    const times = Array.from({ length: count }, () => this.#publishedAt()).sort((a, b) => a - b)
    const numbers = new Map<number, number>()
    times.forEach((publishedAt, i) => {
      const volume = shanghaiYear(publishedAt)
      const number = (numbers.get(volume) ?? 0) + 1
      numbers.set(volume, number)
      const id = `${ID_PREFIX.newsletterIssue}-${i + 1}`
      const header = this.#header(id, 'newsletterIssue', publishedAt - random.int(24, 96) * HOUR, publishedAt)
      const title = `${UNIVERSITY}校友通讯 ${volume}年第${number}期`
      const available = SECTION_TITLES.filter(([type]) => this.#published.get(type)?.length)
      const sectionTypes = available.filter(([type]) => type === 'article' || random.chance(0.6))
      // At least two sections whenever two kinds of item exist.
      if (sectionTypes.length < 2 && available.length > 1) {
        sectionTypes.push(available.find(([type]) => !sectionTypes.some(([chosen]) => chosen === type))!)
      }
      const sections = sectionTypes.map(([type, titles]) => ({
        _type: 'newsletterSection',
        _key: this.#keys.next(),
        title: random.pick(titles),
        items: this.#itemsBefore(type, publishedAt, random.int(2, 6)).map((itemId) =>
          this.#reference(itemId, true),
        ),
      }))
      this.#writer.write(
        this.#fields(header, {
          title,
          slug: this.#slugs.claim('newsletterIssue', title, id),
          volume,
          number,
          publishedAt: isoDateTime(publishedAt),
          cover: random.chance(0.8) ? this.#cover(title) : undefined,
          editorNote: this.#portableText.shortText(
            Array.from({ length: random.int(1, 2) }, () => this.#text.paragraph(60, 200)),
          ),
          sections,
        }),
      )
    })
  }

  /** Up to `count` distinct public items of `type`, chosen among the 40 published last before `time`. */
  #itemsBefore(type: ContentType, time: number, count: number): string[] {
    const published = this.#published.get(type) ?? []
    let end = 0
    let high = published.length
    while (end < high) {
      const middle = (end + high) >>> 1
      if (published[middle]!.time <= time) end = middle + 1
      else high = middle
    }
    // The earliest issues have nothing before them; they take the earliest items instead.
    const window = end > 0 ? published.slice(Math.max(0, end - 40), end) : published.slice(0, 40)
    const picked = new Set<string>()
    const wanted = Math.min(count, window.length)
    while (picked.size < wanted) picked.add(this.#random.pick(window).id)
    return [...picked]
  }
}
