import type { Path, SanityDocument, SanityDocumentLike, Schema, SchemaType } from 'sanity'
import { toContentLakeDocuments } from './assets.ts'
import { type DatasetProblem, type PathSegment, pathToString, sortProblems } from './problems.ts'
import type { DatasetRecord } from './read.ts'
import {
  DRAFT_PREFIX,
  isDate,
  isDateTime,
  isDraftId,
  isPublic,
  referencesIn,
  slugCollisions,
  whyNotPublic,
} from '../../../schemas/lib/contentRules.ts'

export interface ValidateDatasetOptions {
  /** The build clock: decides which documents are public. Defaults to BUILD_TIME or now. */
  now?: Date
  /** Folder the export's asset URLs are relative to; only used to shape asset references. */
  assetsRoot?: string
}

type Located = { line: number; document: SanityDocumentLike }
type Problem = Omit<DatasetProblem, 'line' | 'documentId' | 'type'>

const CONCURRENCY = 8

/**
 * Checks every document against the Studio's own schema rules (the same `validation` the editors see),
 * plus what only the whole dataset can tell: unknown types, duplicate ids, dangling references,
 * duplicate slugs, invalid dates, and public documents that link to ones readers cannot see yet.
 * Drafts are checked too, but their problems are warnings: they do not reach the site.
 */
export async function validateDataset(
  records: readonly DatasetRecord[],
  options: ValidateDatasetOptions = {},
): Promise<DatasetProblem[]> {
  const now = options.now ?? defaultNow()
  const schema = await studioSchema()
  const problems: DatasetProblem[] = []
  const report = ({ line, document }: Located, problem: Problem) => {
    const draft = isDraftId(document._id)
    problems.push({
      ...problem,
      level: draft ? 'warning' : problem.level,
      message: draft && problem.level === 'error' ? `(draft) ${problem.message}` : problem.message,
      line,
      documentId: document._id,
      type: document._type,
    })
  }

  // Validate what the Content Lake would hold: asset references instead of export file URLs.
  const converted = toContentLakeDocuments(records, options.assetsRoot ?? '.', {
    checkFiles: false,
  }).documents
  const located: Located[] = records.map((record, index) => ({
    line: record.line,
    document: converted[index]!,
  }))

  const byId = new Map<string, Located>()
  const unique: Located[] = []
  for (const entry of located) {
    const first = byId.get(entry.document._id)
    if (first) {
      report(entry, {
        level: 'error',
        path: '_id',
        message: `duplicate _id: already used on line ${first.line}`,
      })
      continue
    }
    byId.set(entry.document._id, entry)
    unique.push(entry)
  }

  const documents: Located[] = []
  for (const entry of unique) {
    const type = entry.document._type
    if (type.startsWith('sanity.') || type.startsWith('system.')) continue
    const schemaType = schema.get(type)
    if (!schemaType) {
      report(entry, {
        level: 'error',
        path: '_type',
        message: `unknown document type "${type}" (not in the schema)`,
      })
    } else if (schemaType.jsonType !== 'object' || !isDocumentType(schemaType)) {
      report(entry, { level: 'error', path: '_type', message: `"${type}" is not a document type` })
    } else {
      documents.push(entry)
    }
  }

  await forEachConcurrently(documents, CONCURRENCY, async (entry) => {
    for (const problem of await schemaProblems(entry.document, schema)) report(entry, problem)
  })
  for (const entry of documents) {
    for (const problem of fieldProblems(entry.document, schema.get(entry.document._type)!))
      report(entry, problem)
  }
  for (const [entry, problem] of referenceProblems(unique, byId, now)) report(entry, problem)
  for (const [entry, problem] of slugProblems(documents)) report(entry, problem)

  return sortProblems(problems)
}

// ---------------------------------------------------------------------------------------------------------------
// The Studio's schema rules

let compiled: Promise<Schema> | undefined
let sanityValidateDocument: typeof import('sanity').validateDocument | undefined

/** The compiled Studio schema. `sanity` is loaded on first use only: the site's content source never needs it. */
export function studioSchema(): Promise<Schema> {
  compiled ??= (async () => {
    const [{ createSchema, validateDocument }, { schemaTypes }] = await Promise.all([
      import('sanity'),
      import('../../../schemas/index.ts'),
    ])
    sanityValidateDocument = validateDocument
    const schema = createSchema({ name: 'default', types: schemaTypes })
    const errors = (schema._validation ?? []).flatMap((group) =>
      group.problems
        .filter((problem) => problem.severity === 'error')
        .map((problem) => `${group.path.map((segment) => segment.name).join('.')}: ${problem.message}`),
    )
    if (errors.length > 0) throw new Error(`the Studio schema does not compile:\n${errors.join('\n')}`)
    return schema
  })()
  return compiled
}

const offline = () => {
  throw new Error('the Content Lake is not available while validating a dataset file')
}

async function schemaProblems(document: SanityDocumentLike, schema: Schema): Promise<Problem[]> {
  const validateDocument = sanityValidateDocument! // loaded with the schema
  const markers = await validateDocument({
    document: document as SanityDocument,
    // Custom validators that need the Content Lake get a client that throws and skip their check
    // (see newsletterSection, slug isUnique); the dataset-wide checks below stand in for them.
    // `i18n` is left out on purpose: validation then uses its built-in English messages.
    workspace: { schema, getClient: offline } as unknown as Parameters<
      typeof validateDocument
    >[0]['workspace'],
    getDocumentExists: async () => true, // reference integrity is checked across the dataset below
    // Not 'cli': in that mode sanity 6.16 appends its unknown-field check to every rule of an object-typed
    // field with `.warning()`, which turns `required()` on `donor` or `slug` into a mere warning.
    // Unknown fields are reported by `fieldProblems` instead.
    environment: 'studio',
  })
  const problems = markers.flatMap((marker): Problem[] => {
    if (marker.level === 'info') return []
    // Our own date check explains these better (and also catches impossible calendar dates).
    if (marker.code === 'date.invalid-format') return []
    return [
      {
        level: marker.level,
        path: markerPath(document, marker.path),
        message:
          marker.code === 'value.required' && marker.message === 'Required'
            ? 'required field is missing'
            : marker.message,
      },
    ]
  })
  // A missing slug is also reported as a missing `slug.current`: one problem is enough.
  const isMissing = (problem: Problem) => problem.message === 'required field is missing'
  const missing = new Set(problems.filter(isMissing).map((problem) => problem.path))
  return problems.filter((problem) => !isMissing(problem) || !missing.has(parentPath(problem.path ?? '')))
}

function parentPath(path: string): string | undefined {
  const parent = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '')
  return parent === path ? undefined : parent
}

/** Turns a validation path (`['sections', {_key: 'a'}, 'items']`) into `sections[0].items`. */
function markerPath(document: SanityDocumentLike, path: Path): string {
  const segments: PathSegment[] = []
  let value: unknown = document
  for (const segment of path) {
    if (typeof segment === 'string') {
      segments.push(segment)
      value = isRecord(value) ? value[segment] : undefined
    } else if (typeof segment === 'number') {
      segments.push(segment)
      value = Array.isArray(value) ? value[segment] : undefined
    } else if (Array.isArray(segment)) {
      segments.push(`[${segment.join(':')}]`)
      value = undefined
    } else {
      const index = Array.isArray(value)
        ? value.findIndex((item) => isRecord(item) && item._key === segment._key)
        : -1
      segments.push(index >= 0 ? index : `[_key=="${segment._key}"]`)
      value = index >= 0 ? (value as unknown[])[index] : undefined
    }
  }
  return pathToString(segments)
}

function isDocumentType(type: SchemaType): boolean {
  for (let current: SchemaType | undefined = type; current; current = current.type) {
    if (current.name === 'document') return true
  }
  return false
}

function isOfType(type: SchemaType, name: string): boolean {
  for (let current: SchemaType | undefined = type; current; current = current.type) {
    if (current.name === name) return true
  }
  return false
}

// ---------------------------------------------------------------------------------------------------------------
// Field values: dates and unknown fields

/** Object kinds whose keys must all be schema fields (as Sanity's own unknown-field check). */
const FIELD_CHECKED_TYPES = ['document', 'object', 'image', 'file']

/**
 * Walks the document along its schema type: every date and datetime field, at any depth, must hold a real
 * calendar date in the stored format; fields the schema does not define are reported as warnings.
 */
function fieldProblems(document: SanityDocumentLike, documentType: SchemaType): Problem[] {
  const problems: Problem[] = []
  const visit = (value: unknown, type: SchemaType, path: PathSegment[]) => {
    if (value === undefined || value === null) return
    if (isOfType(type, 'datetime')) {
      if (!isDateTime(value)) {
        problems.push({
          level: 'error',
          path: pathToString(path),
          message: `invalid datetime ${JSON.stringify(value)}: expected ISO 8601 like "2026-03-05T02:00:00Z"`,
        })
      }
      return
    }
    if (isOfType(type, 'date')) {
      if (!isDate(value)) {
        problems.push({
          level: 'error',
          path: pathToString(path),
          message: `invalid date ${JSON.stringify(value)}: expected a real date as YYYY-MM-DD`,
        })
      }
      return
    }
    if (type.jsonType === 'object' && isRecord(value) && 'fields' in type) {
      const known = new Set(type.fields.map((field) => field.name))
      if (FIELD_CHECKED_TYPES.some((name) => isOfType(type, name))) {
        for (const key of Object.keys(value)) {
          if (key.startsWith('_') || known.has(key)) continue
          problems.push({
            level: 'warning',
            path: pathToString([...path, key]),
            message: `unknown field "${key}": the ${type.name} type does not define it`,
          })
        }
      }
      for (const field of type.fields) visit(value[field.name], field.type, [...path, field.name])
    } else if (type.jsonType === 'array' && Array.isArray(value) && 'of' in type) {
      value.forEach((item, index) => {
        const member = isRecord(item)
          ? (type.of.find((candidate) => candidate.name === item._type) ??
            (type.of.length === 1 ? type.of[0] : undefined))
          : type.of.find((candidate) => candidate.jsonType === typeof item)
        if (member) visit(item, member, [...path, index])
      })
    }
  }
  visit(document, documentType, [])
  return problems
}

// ---------------------------------------------------------------------------------------------------------------
// References

function referenceProblems(
  documents: readonly Located[],
  byId: ReadonlyMap<string, Located>,
  now: Date,
): Array<[Located, Problem]> {
  const problems: Array<[Located, Problem]> = []
  for (const entry of documents) {
    const referrerIsDraft = isDraftId(entry.document._id)
    const referrerIsPublic = isPublic(entry.document, now)
    for (const { ref, weak, path } of referencesIn(entry.document)) {
      const at = pathToString(path)
      const target = byId.get(ref)?.document
      if (!target) {
        const draftOnly = byId.has(`${DRAFT_PREFIX}${ref}`)
        if (draftOnly && referrerIsDraft) continue
        problems.push([
          entry,
          {
            level: weak ? 'warning' : 'error',
            path: at,
            message: draftOnly
              ? `references "${ref}", which exists only as a draft (not published)`
              : `references "${ref}", which is not in the dataset`,
          },
        ])
      } else if (referrerIsPublic && !isPublic(target, now)) {
        problems.push([
          entry,
          {
            level: 'warning',
            path: at,
            message: `references "${ref}" (${target._type}), which readers cannot see yet: ${whyNotPublic(target, now)}`,
          },
        ])
      }
    }
  }
  return problems
}

// ---------------------------------------------------------------------------------------------------------------
// Slugs

function slugProblems(documents: readonly Located[]): Array<[Located, Problem]> {
  const published = documents.filter((entry) => !isDraftId(entry.document._id))
  return slugCollisions(published).map(({ entry, first, slug }) => [
    entry,
    {
      level: 'error',
      path: 'slug.current',
      message: `slug "${slug}" is already used by "${first.document._id}" (line ${first.line}); slugs must be unique per type`,
    },
  ])
}

// ---------------------------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function defaultNow(): Date {
  const fromEnv = process.env.BUILD_TIME ? new Date(process.env.BUILD_TIME) : undefined
  return fromEnv && !Number.isNaN(fromEnv.getTime()) ? fromEnv : new Date()
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
