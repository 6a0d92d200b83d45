/**
 * A deterministic mutator over a dataset in export format, and the oracle that says what the build must do with
 * each mutation. Shared by tests/site/fuzz.test.ts (bounded) and `npm run fuzz -- --rounds N` (longer runs).
 *
 * A mutation damages one field of one document. Its `expect` is what the content contract must answer:
 * - 'error': the build fails, and an error names this document and this field (or a path inside it);
 * - 'ok': the build succeeds (a warning at most), and no planted private value reaches the output.
 */
import { REQUIRED_FIELDS } from '../../schemas/lib/contentRules.ts'
import { fieldKinds, type FieldKind } from '../../site/lib/contract.ts'

export type Doc = Record<string, unknown> & { _id: string; _type: string }

export interface Mutation {
  kind: string
  documentId: string
  /** The damaged field: an error must name this path or one inside it. */
  field: string
  expect: 'error' | 'ok'
  /** Values that must never appear in any output file (private values planted by the mutation). */
  planted?: string[]
  /** Files the mutation needs beside data.ndjson (relative path → bytes), or symlinks to make. */
  files?: Array<{ path: string; bytes?: Buffer; symlinkTo?: string }>
}

/** Deep nesting cannot go through JSON.stringify (it recurses); this marker is replaced when serialising. */
export const DEEP_MARKER = '\u0000__DEEP_NESTING__'
export const DEEP_LEVELS = 50_000

/** Serialises documents as data.ndjson, expanding the deep-nesting marker. */
export function toNdjson(documents: readonly Doc[]): string {
  const deep = `${'['.repeat(DEEP_LEVELS)}"x"${']'.repeat(DEEP_LEVELS)}`
  const marker = JSON.stringify(DEEP_MARKER)
  return documents.map((document) => JSON.stringify(document).split(marker).join(deep)).join('\n') + '\n'
}

/** mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!

/** Text with every kind of character that must not break output: controls, lone surrogates, bidi overrides. */
export const HOSTILE_TEXT = 'A\u0000B\u0007C\u001bD\u007fE\u0085F\ud800G\udc00H\u202eI\u2066J\u200bK'
/** Characters that must never reach an output file (bidi and zero-width characters may: they are text). */
export const FORBIDDEN_OUTPUT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const PLAIN_TEXT_FIELDS = new Set([
  'title',
  'name',
  'excerpt',
  'headline',
  'location',
  'major',
  'region',
  'shortName',
  'designatedUse',
  'tagline',
  'role',
])
const CONTENT_TYPES = Object.keys(REQUIRED_FIELDS)

function wrongValue(kind: FieldKind, next: () => number): unknown {
  const block = {
    _type: 'block',
    _key: 'fz',
    children: [{ _type: 'span', _key: 'fs', text: '块', marks: [] }],
    markDefs: [],
  }
  const byKind: Record<FieldKind, unknown[]> = {
    string: [42, true, [block], { text: 'x' }],
    enum: [7, ['news'], { value: 'news' }],
    number: ['2005届', '12', true, [2005]],
    boolean: ['true', 'false', 1, 0, 'yes'],
    array: ['a,b', 5, { _type: 'x' }],
    portableText: ['plain string', 5, { _type: 'block' }],
    reference: ['college-a', 5, { _type: 'reference' }],
    image: ['cover.jpg', 5, [1, 2]],
    slug: ['plain-string', 5, { _type: 'slug', current: 5 }],
    object: ['text', 5, [1]],
    unknown: [],
  }
  return pick(next, byKind[kind])
}

let counter = 0
const planted = (label: string) => `FZ${label}${(counter++).toString(36).toUpperCase()}Q`

/**
 * One random mutation of one document of `documents` (changed in place; pass a copy). `allowFiles` adds the
 * kinds that need files beside data.ndjson (symlinks, broken images): only full builds can use them.
 */
export function mutate(
  documents: Doc[],
  next: () => number,
  options: { allowFiles?: boolean; avoid?: Set<string> } = {},
): Mutation | undefined {
  const candidates = documents.filter(
    (document) =>
      CONTENT_TYPES.includes(document._type) &&
      !document._id.startsWith('drafts.') &&
      !options.avoid?.has(document._id),
  )
  if (candidates.length === 0) return undefined
  const document = pick(next, candidates)
  const required = REQUIRED_FIELDS[document._type] ?? []
  const fields = fieldKinds(document._type).filter(({ kind }) => kind !== 'unknown')
  const present = fields.filter(({ name }) => document[name] !== undefined && document[name] !== null)
  const id = document._id
  const kinds = [
    'wrongType',
    'wrongType',
    'missing',
    'hostileText',
    'hostileText',
    'deep',
    'huge',
    'privacy',
    'marks',
    'unsafeAsset',
  ]
  if (options.allowFiles) kinds.push('symlink', 'brokenImage')
  const kind = pick(next, kinds)

  switch (kind) {
    case 'wrongType': {
      const field = pick(next, present.length > 0 ? present : fields)
      document[field.name] = wrongValue(field.kind, next)
      return { kind: `${kind}:${field.kind}`, documentId: id, field: field.name, expect: 'error' }
    }
    case 'missing': {
      const field = pick(next, fields)
      if (next() < 0.5) delete document[field.name]
      else document[field.name] = null
      // A profile without consent is not published (a warning): fail closed, not an error.
      const isError = required.includes(field.name) && field.name !== 'publicConsent'
      return { kind, documentId: id, field: field.name, expect: isError ? 'error' : 'ok' }
    }
    case 'hostileText': {
      const body = ['body', 'editorNote'].find(
        (name) => Array.isArray(document[name]) && (document[name] as unknown[]).length > 0,
      )
      const text = fields.filter(({ name, kind }) => kind === 'string' && PLAIN_TEXT_FIELDS.has(name))
      if (body && (next() < 0.4 || text.length === 0)) {
        const blocks = document[body] as Array<{ _type?: string; children?: Array<{ text?: unknown }> }>
        const block = blocks.find((candidate) => candidate._type === 'block' && candidate.children?.length)
        if (block) block.children![0]!.text = `${String(block.children![0]!.text ?? '')}${HOSTILE_TEXT}`
        return { kind: `${kind}:portableText`, documentId: id, field: body, expect: 'ok' }
      }
      if (text.length === 0) return mutate(documents, next, options)
      const field = pick(next, text)
      const before = typeof document[field.name] === 'string' ? (document[field.name] as string) : '文本'
      document[field.name] = `${before}${HOSTILE_TEXT}`
      return { kind, documentId: id, field: field.name, expect: 'ok' }
    }
    case 'deep': {
      const field = pick(next, fields)
      document[field.name] = DEEP_MARKER
      return { kind, documentId: id, field: field.name, expect: 'error' }
    }
    case 'huge': {
      const field = ['title', 'name', 'excerpt'].find((name) =>
        fields.some((candidate) => candidate.name === name),
      )
      if (!field) return mutate(documents, next, options)
      document[field] = '长'.repeat(next() < 0.5 ? 2_000_000 : 25_000)
      return { kind, documentId: id, field, expect: 'error' }
    }
    case 'marks': {
      const body = fields.find(({ kind }) => kind === 'portableText')
      if (!body) return mutate(documents, next, options)
      const count = next() < 0.5 ? 3_000 : 11
      const key = Array.from({ length: count }, (_, index) => `m${index}`)
      document[body.name] = [
        {
          _type: 'block',
          _key: 'fzm',
          style: 'normal',
          markDefs: [],
          children: [{ _type: 'span', _key: 'fzs', text: '标记', marks: key }],
        },
      ]
      return { kind, documentId: id, field: body.name, expect: 'error' }
    }
    case 'unsafeAsset': {
      const field = fields.find(({ kind }) => kind === 'image')
      if (!field) return mutate(documents, next, options)
      const url = pick(next, [
        'image@file://./../../../../etc/passwd',
        'image@https://evil.example/x.jpg',
        'image@file://./images/../../outside-0000000000000000000000000000000000000000-10x10.jpg',
      ])
      document[field.name] = { _type: 'imageWithAlt', alt: '图', _sanityAsset: url }
      return { kind, documentId: id, field: field.name, expect: 'error' }
    }
    case 'symlink':
    case 'brokenImage': {
      const field = fields.find(({ kind }) => kind === 'image')
      if (!field) return mutate(documents, next, options)
      const sha1 = (counter++).toString(16).padStart(40, 'f')
      const name = `${sha1}-40x30.jpg`
      document[field.name] = {
        _type: 'imageWithAlt',
        alt: '图',
        _sanityAsset: `image@file://./images/${name}`,
      }
      const file =
        kind === 'symlink'
          ? { path: `images/${name}`, symlinkTo: '/etc/hostname' }
          : { path: `images/${name}`, bytes: Buffer.from('this is not an image at all') }
      return { kind, documentId: id, field: field.name, expect: 'error', files: [file] }
    }
    case 'privacy':
    default:
      return privacyMutation(documents, next)
  }
}

/** Plants a private value behind a privacy flag, then damages or removes the flag. */
function privacyMutation(documents: Doc[], next: () => number): Mutation | undefined {
  const flag = pick(next, ['true', 'false', 1, 0, 'yes', null, undefined] as const)
  const isError = flag !== null && flag !== undefined
  const target = pick(next, ['anonymous', 'publicConsent', 'showAmount', 'contact'] as const)
  const ofType = (type: string) =>
    documents.filter((document) => document._type === type && !document._id.startsWith('drafts.'))
  if (target === 'anonymous') {
    const document = pick(next, ofType('donationStory'))
    const secret = planted('DONOR')
    const donor = { ...(document.donor as object), displayName: secret } as Record<string, unknown>
    if (flag === undefined) delete donor.anonymous
    else donor.anonymous = flag
    document.donor = donor
    return {
      kind: 'privacy:anonymous',
      documentId: document._id,
      field: 'donor.anonymous',
      expect: isError ? 'error' : 'ok',
      planted: [secret],
    }
  }
  if (target === 'publicConsent') {
    const document = pick(next, ofType('alumnusProfile'))
    const secret = planted('NAME')
    document.name = secret
    if (flag === undefined) delete document.publicConsent
    else document.publicConsent = flag
    return {
      kind: 'privacy:publicConsent',
      documentId: document._id,
      field: 'publicConsent',
      expect: isError ? 'error' : 'ok',
      planted: [secret],
    }
  }
  if (target === 'showAmount') {
    const document = pick(next, ofType('donationStory'))
    // A whole number of 万 (ten thousands) in a range no sample amount uses: shown as "<wan> 万元".
    const wan = 9_000 + Math.floor(next() * 999)
    document.amount = wan * 10_000
    if (flag === undefined) delete document.showAmount
    else document.showAmount = flag
    const secrets = [`${wan} 万元`, String(wan * 10_000)]
    return {
      kind: 'privacy:showAmount',
      documentId: document._id,
      field: 'showAmount',
      expect: isError ? 'error' : 'ok',
      planted: secrets,
    }
  }
  const document = pick(next, ofType('alumnusProfile'))
  const secret = planted('PHONE')
  const asString = next() < 0.5
  document.contact = asString
    ? `电话 ${secret}`
    : { _type: 'alumnusContact', phone: secret, email: `${secret.toLowerCase()}@example.com` }
  return {
    kind: 'privacy:contact',
    documentId: document._id,
    field: 'contact',
    expect: asString ? 'error' : 'ok',
    planted: [secret],
  }
}

/** A copy deep enough for mutate() to change in place: documents and their nested values are cloned. */
export function cloneDocuments(documents: readonly Doc[]): Doc[] {
  return structuredClone(documents as Doc[])
}
