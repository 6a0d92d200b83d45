/**
 * Turns the Markdown content files (lib/markdown-files.ts) into the input shapes of lib/types.ts, checking every
 * front-matter field against the field list of its type, so a typo or a wrong kind of value names its file.
 *
 * The Markdown below the front matter is the type's first rich-text field (`body`, or `editorNote` for newsletter
 * issues); a line `# <field>` starts another rich-text field of the same document (`# howToGive`).
 */
import * as T from './types.ts'
import { type ContentFile, readContentFolder, readPassage } from './markdown-files.ts'

type Kind = 'string' | 'number' | 'boolean' | 'string[]' | 'image' | 'image[]' | 'markdown'
/** A field's kind (`?` when optional), or the fields of a nested object, or `[fields]` for a list of objects. */
type FieldSpec = Kind | `${Kind}?` | Fields | [Fields]
interface Fields {
  [field: string]: FieldSpec
}
/** Every field of an input type except its id (the file name). */
type FieldsOf<Input> = Record<Exclude<keyof Input, 'id'>, FieldSpec>

const published = { slug: 'string?', publishedAt: 'string' } as const

const articleFields = {
  ...published,
  title: 'string',
  category: 'string',
  featured: 'boolean?',
  author: 'string?',
  colleges: 'string[]?',
  tags: 'string[]?',
  cover: 'image?',
  excerpt: 'string',
  body: 'markdown',
} satisfies FieldsOf<T.ArticleInput>

const profileFields = {
  ...published,
  name: 'string',
  classYear: 'number',
  degree: 'string',
  major: 'string',
  colleges: 'string[]',
  headline: 'string',
  portrait: 'image?',
  excerpt: 'string',
  body: 'markdown',
  achievements: 'string[]',
  notable: 'boolean?',
  publicConsent: 'boolean',
  contact: { email: 'string', phone: 'string', wechat: 'string', address: 'string' },
} satisfies FieldsOf<T.ProfileInput>

const donationProjectFields = {
  ...published,
  title: 'string',
  college: 'string?',
  designatedUse: 'string',
  goal: 'number',
  raised: 'number',
  donorCount: 'number',
  status: 'string',
  excerpt: 'string',
  cover: 'image?',
  body: 'markdown',
  // Either `# howToGive` in the Markdown or `bankTransferNote` (see readDonationProjects).
  howToGive: 'markdown?',
} satisfies FieldsOf<T.DonationProjectInput>

const donationStoryFields = {
  ...published,
  title: 'string',
  project: 'string?',
  donor: { displayName: 'string', anonymous: 'boolean', classYear: 'number?', college: 'string?' },
  kind: 'string',
  amount: 'number?',
  showAmount: 'boolean',
  excerpt: 'string',
  cover: 'image?',
  body: 'markdown',
  colleges: 'string[]?',
} satisfies FieldsOf<T.DonationStoryInput>

const chapterReportFields = {
  ...published,
  title: 'string',
  chapter: 'string',
  eventDate: 'string',
  location: 'string',
  attendees: 'number',
  excerpt: 'string',
  cover: 'image?',
  gallery: 'image[]?',
  body: 'markdown',
  colleges: 'string[]?',
} satisfies FieldsOf<T.ChapterReportInput>

const eventFields = {
  ...published,
  title: 'string',
  startsAt: 'string',
  endsAt: 'string?',
  location: 'string?',
  onlineUrl: 'string?',
  organizers: 'string[]',
  registrationUrl: 'string?',
  excerpt: 'string',
  cover: 'image?',
  body: 'markdown',
  colleges: 'string[]?',
} satisfies FieldsOf<T.EventInput>

const newsletterIssueFields = {
  ...published,
  title: 'string',
  volume: 'number',
  number: 'number',
  cover: 'image?',
  editorNote: 'markdown',
  sections: [{ title: 'string', items: 'string[]' }],
} satisfies FieldsOf<T.NewsletterIssueInput>

/**
 * A draft of a document: either a whole document that was never published, or, when a published document of the
 * same id exists, the fields an editor has changed in it (only `title` and `excerpt`, replaced in the exported draft).
 */
export type Draft<Input> = { input: Input } | { of: string; changes: Record<string, unknown> }

export interface DocumentSources<Input> {
  published: Input[]
  drafts: Draft<Input>[]
}

const DRAFT_CHANGES: Fields = { title: 'string?', excerpt: 'string?' }

function readDocuments<Input>(
  sourcesDir: string,
  folder: string,
  fields: Fields,
  complete: (input: Record<string, unknown>, file: ContentFile) => Record<string, unknown> = (input) => input,
): DocumentSources<Input> {
  const { published, drafts } = readContentFolder(sourcesDir, folder)
  const read = (file: ContentFile) => ({ id: file.id, ...complete(readFields(file, fields), file) }) as Input
  const publishedIds = new Set(published.map((file) => file.id))
  return {
    published: published.map(read),
    drafts: drafts.map((file): Draft<Input> => {
      if (!publishedIds.has(file.id)) return { input: read(file) }
      if (file.markdown.trim())
        throw new Error(
          `${file.where}: a draft of a published document changes front-matter fields only, not the Markdown`,
        )
      const changes = checkFields(
        file.frontMatter,
        DRAFT_CHANGES,
        `${file.where} (a draft of a published document)`,
      )
      return { of: file.id, changes }
    }),
  }
}

export const readArticles = (dir: string) => readDocuments<T.ArticleInput>(dir, 'articles', articleFields)
export const readProfiles = (dir: string) => readDocuments<T.ProfileInput>(dir, 'profiles', profileFields)
export const readDonationStories = (dir: string) =>
  readDocuments<T.DonationStoryInput>(dir, 'donation-stories', donationStoryFields)
export const readChapterReports = (dir: string) =>
  readDocuments<T.ChapterReportInput>(dir, 'chapter-reports', chapterReportFields)
export const readEvents = (dir: string) => readDocuments<T.EventInput>(dir, 'events', eventFields)
export const readNewsletterIssues = (dir: string) =>
  readDocuments<T.NewsletterIssueInput>(dir, 'newsletter-issues', newsletterIssueFields)

/** Projects collected by bank transfer share one 捐赠方式 passage; `bankTransferNote` is their 附言. */
export const readDonationProjects = (dir: string) =>
  readDocuments<T.DonationProjectInput>(
    dir,
    'donation-projects',
    { ...donationProjectFields, bankTransferNote: 'string?' },
    ({ bankTransferNote, ...input }, file) => {
      if ((bankTransferNote === undefined) === (input.howToGive === undefined))
        throw new Error(`${file.where}: give exactly one of "bankTransferNote" and a "# howToGive" section`)
      if (typeof bankTransferNote !== 'string') return input
      const howToGive = readPassage(dir, 'donation-projects/_how-to-give-by-bank-transfer.md', {
        bankTransferNote,
      })
      return { ...input, howToGive }
    },
  )

function readFields(file: ContentFile, fields: Fields): Record<string, unknown> {
  const markdownFields = Object.keys(fields).filter((name) => String(fields[name]).startsWith('markdown'))
  const values = { ...file.frontMatter, ...splitMarkdown(file, markdownFields) }
  for (const name of markdownFields)
    if (name in file.frontMatter)
      throw new Error(`${file.where}: "${name}" belongs in the Markdown, not the front matter`)
  return checkFields(values, fields, file.where)
}

/** The Markdown of the first rich-text field, then one section per `# <field>` line. */
function splitMarkdown(file: ContentFile, markdownFields: string[]): Record<string, string> {
  const sections: Record<string, string> = {}
  let field = markdownFields[0]
  let lines: string[] = []
  const close = () => {
    if (lines.join('').trim()) sections[field] = lines.join('\n').trim() + '\n'
  }
  for (const line of file.markdown.split('\n')) {
    const heading = /^# (\S+)\s*$/.exec(line)
    if (!heading) {
      lines.push(line)
      continue
    }
    close()
    field = heading[1]
    if (!markdownFields.includes(field))
      throw new Error(`${file.where}: "# ${field}" is not a rich-text field (${markdownFields.join(', ')})`)
    if (field in sections) throw new Error(`${file.where}: "# ${field}" appears twice`)
    lines = []
  }
  close()
  return sections
}

function checkFields(
  values: Record<string, unknown>,
  fields: Fields,
  where: string,
): Record<string, unknown> {
  for (const name of Object.keys(values))
    if (!(name in fields))
      throw new Error(`${where}: unknown field "${name}" (fields: ${Object.keys(fields).join(', ')})`)
  const checked: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(fields)) {
    const value = values[name]
    const at = `${where}: field "${name}"`
    if (typeof spec !== 'string') {
      if (Array.isArray(spec)) {
        if (!Array.isArray(value)) throw new Error(`${at} must be a list`)
        checked[name] = value.map((item, i) =>
          checkFields(asObject(item, `${at}[${i}]`), spec[0], `${at}[${i}]`),
        )
      } else checked[name] = checkFields(asObject(value, at), spec, at)
      continue
    }
    const optional = spec.endsWith('?')
    const kind = spec.replace('?', '') as Kind
    if (value === undefined || value === null) {
      if (!optional) throw new Error(`${at} is missing`)
      continue
    }
    checked[name] = checkValue(value, kind, at)
  }
  return checked
}

function checkValue(value: unknown, kind: Kind, at: string): unknown {
  switch (kind) {
    case 'string':
    case 'markdown':
      if (typeof value !== 'string') throw new Error(`${at} must be text`)
      return value
    case 'number':
      if (typeof value !== 'number') throw new Error(`${at} must be a number`)
      return value
    case 'boolean':
      if (typeof value !== 'boolean') throw new Error(`${at} must be true or false`)
      return value
    case 'string[]':
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
        throw new Error(`${at} must be a list of text`)
      return value
    case 'image':
      return imageRef(value, at)
    case 'image[]':
      if (!Array.isArray(value)) throw new Error(`${at} must be a list of images`)
      return value.map((item, i) => imageRef(item, `${at}[${i}]`))
  }
}

/** `cover-lake-dawn`, or `{ image: cover-lake-dawn, alt: …, caption: … }` for alt text or a caption of this use. */
function imageRef(value: unknown, at: string): T.ImageRef {
  if (typeof value === 'string') return { image: value }
  return checkFields(
    asObject(value, at),
    { image: 'string', alt: 'string?', caption: 'string?' },
    at,
  ) as unknown as T.ImageRef
}

function asObject(value: unknown, at: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${at} must be a mapping of fields`)
  return value as Record<string, unknown>
}
