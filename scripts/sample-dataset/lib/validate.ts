/**
 * Checks the generated dataset before it is written. Every problem is reported with its line and document,
 * e.g. `dataset line 42, document "article-7" (article): field "slug" is missing`.
 */
import {
  DATE_FIELDS,
  DATETIME_FIELDS,
  isDate,
  isDateTime,
  isPublic as isPublicAt,
  publishedIdOf,
  REQUIRED_FIELDS,
  SLUG_PATTERN,
} from '../../../schemas/lib/contentRules.ts'
import { referenceTargets } from '../../../site/lib/contract.ts'
import type { Doc } from './documents.ts'
import { plainText, type PortableText } from './portable-text.ts'

export const BUILD_CLOCK = '2026-11-21T00:00:00Z'
export const FUTURE_PUBLISHED_AT = '2099-01-01T00:00:00Z'
const EARLIEST = Date.parse('2024-09-01T00:00:00Z')
const LATEST = Date.parse('2026-11-20T23:59:59Z')

/** What each reference field may point to, from the schema the Studio extracts. */
const REF_TARGETS = referenceTargets()

/** The site's publishing rule (schemas/lib/contentRules.ts) at the sample's build clock. */
export function isPublic(doc: Doc, clock = BUILD_CLOCK): boolean {
  return isPublicAt(doc, new Date(clock))
}

export const cjkCount = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length

/** `imageFiles`: the names of the generated files in dataset/images/. */
export function validate(docs: Doc[], imageFiles: ReadonlySet<string>): string[] {
  const errors: string[] = []
  const byId = new Map<string, { doc: Doc; line: number }>()
  docs.forEach((doc, i) => {
    const line = i + 1
    const at = `dataset line ${line}, document "${doc._id}" (${doc._type})`
    if (byId.has(doc._id)) errors.push(`${at}: duplicate _id`)
    byId.set(doc._id, { doc, line })
  })

  const slugs = new Map<string, string>()
  for (const [i, doc] of docs.entries()) {
    const at = `dataset line ${i + 1}, document "${doc._id}" (${doc._type})`
    const err = (msg: string) => errors.push(`${at}: ${msg}`)

    for (const field of REQUIRED_FIELDS[doc._type] ?? [])
      if (doc[field] === undefined) err(`field "${field}" is missing`)
    for (const field of ['_createdAt', '_updatedAt', '_rev'])
      if (typeof doc[field] !== 'string') err(`field "${field}" is missing`)
    if (Date.parse(doc._updatedAt as string) < Date.parse(doc._createdAt as string))
      err('_updatedAt is before _createdAt')

    // Slugs: ASCII, unique per type (a draft shares its published document's slug).
    const slug = (doc.slug as { current?: string } | undefined)?.current
    if (doc.slug !== undefined) {
      if (!slug || !SLUG_PATTERN.test(slug)) err(`field "slug" is not [a-z0-9-]: "${slug}"`)
      const slot = `${doc._type}/${slug}`
      const baseId = publishedIdOf(doc._id)
      const owner = slugs.get(slot)
      if (owner && owner !== baseId) err(`slug "${slug}" is already used by "${owner}"`)
      slugs.set(slot, baseId)
    }

    // Dates.
    for (const field of [...DATETIME_FIELDS, '_createdAt', '_updatedAt']) {
      const v = doc[field]
      if (v !== undefined && !isDateTime(v)) err(`field "${field}" is not an ISO datetime: ${v}`)
    }
    for (const field of DATE_FIELDS) {
      const v = doc[field]
      if (v !== undefined && !isDate(v)) err(`field "${field}" is not a YYYY-MM-DD date: ${v}`)
    }
    if (typeof doc.publishedAt === 'string' && doc.publishedAt !== FUTURE_PUBLISHED_AT) {
      const t = Date.parse(doc.publishedAt)
      if (t < EARLIEST || t > LATEST) err(`publishedAt ${doc.publishedAt} is outside 2024-09-01 … 2026-11-20`)
    }
    if (doc.endsAt && Date.parse(doc.endsAt as string) <= Date.parse(doc.startsAt as string))
      err('endsAt is not after startsAt')

    // Walk every value: _key uniqueness, references, image assets, links.
    const keys = new Set<string>()
    walk(doc, [], (value, path) => {
      const fieldPath = path.filter((p) => typeof p === 'string').join('.')
      if (Array.isArray(value)) {
        for (const [n, member] of value.entries()) {
          if (member && typeof member === 'object') {
            const k = (member as { _key?: string })._key
            if (!k) err(`${fieldPath}[${n}] has no _key`)
            else if (keys.has(k)) err(`${fieldPath}[${n}] repeats _key "${k}"`)
            else keys.add(k)
          }
        }
      } else if (value && typeof value === 'object') {
        const v = value as Record<string, unknown>
        if (v._type === 'reference') {
          const target = byId.get(v._ref as string)
          const allowed = REF_TARGETS.get(`${doc._type}.${fieldPath}`)
          if (!target) err(`${fieldPath} references missing document "${v._ref}"`)
          else if (!allowed) err(`${fieldPath} is not a reference field of ${doc._type}`)
          else if (!allowed.includes(target.doc._type))
            err(`${fieldPath} references a ${target.doc._type}, expected ${allowed.join(' | ')}`)
        }
        if (v._type === 'imageWithAlt') {
          const asset = v._sanityAsset as string
          const m = /^image@file:\/\/\.\/images\/([0-9a-f]{40})-(\d+)x(\d+)\.(jpg|png)$/.exec(asset ?? '')
          if (!m) err(`${fieldPath}: malformed _sanityAsset "${asset}"`)
          else if (!imageFiles.has(`${m[1]}-${m[2]}x${m[3]}.${m[4]}`))
            err(`${fieldPath}: image file for "${asset}" does not exist`)
          if (typeof v.alt !== 'string' || cjkCount(v.alt) < 4)
            err(`${fieldPath}: image needs a Chinese alt text`)
        }
        if (v._type === 'link' && !/^https:\/\//.test(v.href as string))
          err(`${fieldPath}: link "${v.href}" is not https`)
      }
    })
  }

  // Newsletters may only point at public documents (a public issue must not expose hidden ones).
  for (const doc of docs.filter((d) => d._type === 'newsletterIssue')) {
    for (const section of doc.sections as Array<{ title: string; items: Array<{ _ref: string }> }>) {
      for (const item of section.items) {
        const target = byId.get(item._ref)?.doc
        if (target && !isPublic(target))
          errors.push(
            `document "${doc._id}" (newsletterIssue): section "${section.title}" lists non-public "${item._ref}"`,
          )
        if (target && Date.parse(target.publishedAt as string) > Date.parse(doc.publishedAt as string)) {
          errors.push(
            `document "${doc._id}" (newsletterIssue): section "${section.title}" lists "${item._ref}", published after the issue`,
          )
        }
      }
    }
  }
  return errors
}

/** Editorial checks for article bodies: length and the structures the site must render. */
export function checkArticleBodies(docs: Doc[]): string[] {
  const errors: string[] = []
  for (const doc of docs.filter((d) => d._type === 'article')) {
    const body = doc.body as PortableText
    const n = cjkCount(plainText(body))
    const at = `document "${doc._id}" (article)`
    if (n < 300 || n > 1200) errors.push(`${at}: body has ${n} Chinese characters, expected 300–1200`)
    const blocks = body.filter((block) => block._type === 'block')
    if (!blocks.some((block) => block.style === 'h2')) errors.push(`${at}: body has no h2 heading`)
    if (!blocks.some((block) => block.listItem)) errors.push(`${at}: body has no list`)
    if (!blocks.some((block) => block.style === 'blockquote')) errors.push(`${at}: body has no quote`)
    if (!blocks.some((block) => block.markDefs.some((m) => m._type === 'link')))
      errors.push(`${at}: body has no link`)
  }
  return errors
}

type Path = Array<string | number>
function walk(value: unknown, path: Path, visit: (value: unknown, path: Path) => void) {
  visit(value, path)
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], visit))
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) walk(v, [...path, k], visit)
}
