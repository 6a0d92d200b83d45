/**
 * The content rules, in one place: the Studio schema, the build's content contract (site/lib/contract.ts),
 * `npm run check:content` and the dataset generators import them from here. Nothing in this module imports
 * `sanity` (loading it and running its validators costs minutes on a 20k-document dataset); the Studio schema
 * states the same rules with `rule.required()` and `rule.max()`, and tests keep the two in step.
 */

/** Top-level required fields of each document type (docs/content-model.md, in bold). */
export const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  siteSettings: ['title'],
  college: ['name', 'slug'],
  chapter: ['name', 'slug', 'kind'],
  person: ['name', 'slug'],
  article: ['title', 'slug', 'publishedAt', 'body', 'category'],
  alumnusProfile: ['name', 'slug', 'publishedAt', 'classYear', 'publicConsent'],
  donationProject: ['title', 'slug', 'publishedAt', 'status'],
  donationStory: ['title', 'slug', 'publishedAt', 'donor', 'kind'],
  chapterReport: ['title', 'slug', 'publishedAt', 'chapter'],
  event: ['title', 'slug', 'publishedAt', 'startsAt'],
  newsletterIssue: ['title', 'slug', 'volume', 'number', 'publishedAt', 'sections'],
}

/** ASCII slugs: lowercase letters and digits in hyphen-separated runs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Documents that would share a permalink: each document whose type and (valid) slug an earlier one already has,
 * with that earlier one. The caller passes the documents one build publishes (no drafts beside their documents).
 */
export function slugCollisions<Entry extends { document: { _type: string; slug?: unknown } }>(
  entries: Iterable<Entry>,
): Array<{ entry: Entry; first: Entry; slug: string }> {
  const collisions: Array<{ entry: Entry; first: Entry; slug: string }> = []
  const seen = new Map<string, Entry>()
  for (const entry of entries) {
    const slug = (entry.document.slug as { current?: unknown } | null | undefined)?.current
    if (typeof slug !== 'string' || !SLUG_PATTERN.test(slug)) continue
    const key = `${entry.document._type}\u0000${slug}`
    const first = seen.get(key)
    if (first) collisions.push({ entry, first, slug })
    else seen.set(key, entry)
  }
  return collisions
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts and dates

export const DRAFT_PREFIX = 'drafts.'
export const VERSION_PREFIX = 'versions.'

/** Drafts and release versions never reach production output. */
export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFT_PREFIX) || id.startsWith(VERSION_PREFIX)
}

/** The document a draft stands for (`drafts.x` → `x`); other ids are returned as they are. */
export function publishedIdOf(id: string): string {
  return id.startsWith(DRAFT_PREFIX) ? id.slice(DRAFT_PREFIX.length) : id
}

/** Fields stored as `datetime` / `date` (schema.json only says "string"; tests check the Studio schema agrees). */
export const DATETIME_FIELDS: readonly string[] = ['publishedAt', 'startsAt', 'endsAt']
export const DATE_FIELDS: readonly string[] = ['foundedAt', 'eventDate']

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// Seconds are required: GROQ's dateTime(), which the publishing rule compares with, reads RFC 3339 date-times only,
// and a value it cannot read would pass this check and then never be published.
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** A real calendar date as `YYYY-MM-DD`. */
export function isDate(value: unknown): boolean {
  const match = typeof value === 'string' ? DATE.exec(value) : null
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
}

/**
 * An RFC 3339 date-time (ISO 8601 with seconds and a zone, `Z` or `±hh:mm`) on a real calendar date and clock time.
 * The Studio writes UTC; documents imported through the API may carry an offset (`2026-11-21T10:00:00+08:00`).
 */
export function isDateTime(value: unknown): boolean {
  const match = typeof value === 'string' ? DATETIME.exec(value) : null
  if (!match || Number.isNaN(Date.parse(value as string))) return false
  return (
    isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) &&
    Number(match[4]) < 24 &&
    Number(match[5]) < 60 &&
    Number(match[6]) < 60
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Publishing

/** Types with a `publishedAt`: public from that moment on. The others (colleges, chapters, people) once published. */
export const SCHEDULED_TYPES: ReadonlySet<string> = new Set(
  Object.entries(REQUIRED_FIELDS)
    .filter(([, fields]) => fields.includes('publishedAt'))
    .map(([type]) => type),
)

interface PublishableDocument {
  _id: string
  _type: string
  publishedAt?: unknown
  publicConsent?: unknown
}

/**
 * The publishing rule: not a draft; for scheduled types, a publishedAt that has passed, compared as an instant
 * (whatever its UTC offset); for profiles, the alumnus's consent, exactly `true`. The site's queries state it in
 * GROQ (`isPublicFilter` in site/lib/queries.ts); tests/content/content-rules.test.ts runs both over the same
 * documents. Says why a document is not public.
 */
export function whyNotPublic(document: PublishableDocument, now: Date): string | undefined {
  if (isDraftId(document._id)) return 'it is a draft'
  if (!SCHEDULED_TYPES.has(document._type)) return undefined
  if (document.publishedAt === undefined || document.publishedAt === null) return 'publishedAt is not set'
  // Fails closed, as GROQ's dateTime() does: a value that is not a date-time never publishes.
  if (typeof document.publishedAt !== 'string' || !isDateTime(document.publishedAt))
    return `publishedAt ${JSON.stringify(document.publishedAt)} is not a date-time`
  const publishedAt = Date.parse(document.publishedAt)
  if (publishedAt > now.getTime())
    return `publishedAt ${String(document.publishedAt)} is after ${now.toISOString()}`
  if (document._type === 'alumnusProfile' && document.publicConsent !== true)
    return 'the alumnus has not consented'
  return undefined
}

export function isPublic(document: PublishableDocument, now: Date): boolean {
  return whyNotPublic(document, now) === undefined
}

// ---------------------------------------------------------------------------------------------------------------
// References

export type FieldPath = Array<string | number>

/** An image or file asset (`asset: { _ref: "image-…" }`), which is not a document reference. */
export function isAssetReference(ref: string, path: readonly (string | number)[]): boolean {
  return path[path.length - 1] === 'asset' && /^(image|file)-/.test(ref)
}

/** The document references in a value (asset references left out), each with the field path it sits at. */
export function referencesIn(value: unknown): Array<{ ref: string; weak: boolean; path: FieldPath }> {
  const found: Array<{ ref: string; weak: boolean; path: FieldPath }> = []
  const at: FieldPath = []
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        if (typeof node[index] !== 'object' || node[index] === null) continue
        at.push(index)
        visit(node[index])
        at.pop()
      }
      return
    }
    const object = node as Record<string, unknown>
    if (typeof object._ref === 'string' && !isAssetReference(object._ref, at))
      found.push({ ref: object._ref, weak: object._weak === true, path: [...at] })
    for (const key in object) {
      const child = object[key]
      if (typeof child !== 'object' || child === null) continue
      at.push(key)
      visit(child)
      at.pop()
    }
  }
  if (typeof value === 'object' && value !== null) visit(value)
  return found
}

// ---------------------------------------------------------------------------------------------------------------
// Privacy: these fields fail closed. Anything but the exact value below counts as private / anonymous / hidden,
// and the build reports it (an error when the value has the wrong type, a warning when it is missing).

export const PRIVACY_FIELDS = {
  /** alumnusProfile: published only when exactly `true`. */
  publicConsent: { type: 'alumnusProfile', path: 'publicConsent', publicValue: true },
  /** donationStory: the donor's name, class and college are shown only when exactly `false`. */
  anonymous: { type: 'donationStory', path: 'donor.anonymous', publicValue: false },
  /** donationStory: the amount is shown only when exactly `true`. */
  showAmount: { type: 'donationStory', path: 'showAmount', publicValue: true },
} as const

/** alumnusProfile.contact is internal: never selected by a query; it must at least be an object. */
export const INTERNAL_FIELDS: Readonly<Record<string, readonly string[]>> = { alumnusProfile: ['contact'] }

/** Field paths whose values may be private: problems name their type, never their value (logs are output too). */
export const PRIVATE_VALUES: Readonly<Record<string, readonly string[]>> = {
  alumnusProfile: ['contact'],
  donationStory: ['donor.displayName', 'donor.classYear', 'donor.college', 'amount'],
}

// ---------------------------------------------------------------------------------------------------------------
// Sizes. Soft limits are editorial advice (Studio warning, build warning); hard limits are errors in the Studio
// and in the build, because beyond them every list page, feed and the search index carry the excess.

export const TITLE_SOFT_MAX = 40
export const TITLE_MAX = 80
/** A title beyond this fails the build (a Studio error already stops it at TITLE_MAX). */
export const TITLE_BUILD_MAX = 1_000
export const EXCERPT_MAX = 300
export const EXCERPT_BUILD_MAX = 2_000
/** Characters of text in one Portable Text field (about 30 printed pages of Chinese). */
export const BODY_MAX = 50_000
export const BODY_BUILD_MAX = 500_000
/** Items in one newsletter issue (all sections together). */
export const NEWSLETTER_ITEMS_MAX = 60
export const NEWSLETTER_ITEMS_BUILD_MAX = 500
/** Any other single string (an alt text, a caption, an address). */
export const STRING_BUILD_MAX = 20_000

/** Characters of span text in a Portable Text value (what a reader reads, what the search index holds). */
export function portableTextLength(blocks: unknown): number {
  if (!Array.isArray(blocks)) return 0
  let length = 0
  for (const block of blocks) {
    const children = (block as { children?: unknown } | null)?.children
    if (!Array.isArray(children)) continue
    for (const child of children) {
      const text = (child as { text?: unknown } | null)?.text
      if (typeof text === 'string') length += text.length
    }
  }
  return length
}

/** Portable Text shapes beyond these are refused: renderers nest one element per mark and per list level. */
export const PORTABLE_TEXT_LIMITS = {
  /** Marks (decorators and annotations) on one span. */
  marksPerSpan: 10,
  /** Link definitions in one block. */
  markDefsPerBlock: 100,
  /** List nesting level (`level`). */
  listLevel: 10,
  /** Spans in one block. */
  spansPerBlock: 2_000,
}

/** Objects and arrays nested deeper than this in one document are refused before anything walks them. */
export const MAX_NESTING_DEPTH = 32

/**
 * The path to the first point nested deeper than `limit`, or undefined. Recursion stops at the limit, so a
 * value nested 50,000 levels deep costs `limit` frames, never the stack.
 */
export function nestingBeyond(value: unknown, limit = MAX_NESTING_DEPTH): Array<string | number> | undefined {
  const path: Array<string | number> = []
  // Depth only on the way down; the path is kept on the one branch being walked and returned when too deep.
  const visit = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null) return false
    if (path.length >= limit) return true
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const item = node[index]
        if (typeof item !== 'object' || item === null) continue
        path.push(index)
        if (visit(item)) return true
        path.pop()
      }
      return false
    }
    for (const key in node) {
      const item = (node as Record<string, unknown>)[key]
      if (typeof item !== 'object' || item === null) continue
      path.push(key)
      if (visit(item)) return true
      path.pop()
    }
    return false
  }
  return visit(value) ? path : undefined
}

export function nestingMessage(): string {
  return `nested more than ${MAX_NESTING_DEPTH} levels deep (no field of the content model is): the document is refused`
}

// ---------------------------------------------------------------------------------------------------------------
// Text: control characters never reach output

/** C0 controls except tab, LF, CR; DEL; C1 controls; lone surrogates. */
const UNSAFE_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Removes characters no HTML, XML, JSON-LD or iCalendar output may carry. */
export function stripControlCharacters(text: string): string {
  UNSAFE_TEXT.lastIndex = 0
  return UNSAFE_TEXT.test(text) ? text.replace(UNSAFE_TEXT, '') : text
}

// ---------------------------------------------------------------------------------------------------------------
// Colours

/** The site's accent colour (siteSettings.accentColor): `#rgb` or `#rrggbb`. */
export const COLOR_PATTERN = /^#(?:[0-9a-f]{3}){1,2}$/i

/** An accent colour as the site and the e-mail edition write it (`#rrggbb`), or undefined when it is not one. */
export function normalizedColor(value: unknown): string | undefined {
  if (typeof value !== 'string' || !COLOR_PATTERN.test(value)) return undefined
  const digits = value.slice(1).toLowerCase()
  return `#${digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits}`
}
