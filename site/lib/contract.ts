import extractedSchema from '../../schema.json' with { type: 'json' }
import {
  BODY_BUILD_MAX,
  BODY_MAX,
  DATE_FIELDS,
  DRAFT_PREFIX,
  DATETIME_FIELDS,
  EXCERPT_BUILD_MAX,
  EXCERPT_MAX,
  INTERNAL_FIELDS,
  PRIVATE_VALUES,
  isDate,
  isDateTime,
  isDraftId,
  nestingBeyond,
  nestingMessage,
  NEWSLETTER_ITEMS_BUILD_MAX,
  NEWSLETTER_ITEMS_MAX,
  PORTABLE_TEXT_LIMITS,
  portableTextLength,
  publishedIdOf,
  referencesIn,
  slugCollisions,
  REQUIRED_FIELDS,
  SLUG_PATTERN,
  STRING_BUILD_MAX,
  TITLE_BUILD_MAX,
  TITLE_MAX,
} from '../../schemas/lib/contentRules.ts'
import { type DatasetProblem, type PathSegment, pathToString } from './dataset/problems.ts'

/**
 * The content contract: what every document the site reads must look like before anything renders it, for the
 * local dataset and the Content Lake alike (neither enforces the schema). The field types come from the schema
 * the Studio extracts (`schema.json`, `npm run typegen`), so the check cannot drift from the Studio; required
 * fields, dates, slugs, privacy fields and size limits come from schemas/lib/contentRules.ts. Linear in the size
 * of the dataset; the walk follows the schema, so its depth is the schema's, not the content's.
 *
 * docs/content-model.md lists what is an error, what is a warning and what fails closed.
 */

export interface ContractRecord {
  /** 1-based line in data.ndjson; 0 for documents from the Content Lake. */
  line: number
  document: { _id: string; _type: string; [key: string]: unknown }
}

type Problem = Omit<DatasetProblem, 'line' | 'documentId' | 'type'>

// ---------------------------------------------------------------------------------------------------------------
// The extracted schema

type TypeNode =
  | { type: 'string'; value?: string }
  | { type: 'number'; value?: number }
  | { type: 'boolean'; value?: boolean }
  | { type: 'null' }
  | { type: 'unknown' }
  | { type: 'array'; of: TypeNode }
  | { type: 'union'; of: TypeNode[] }
  | { type: 'inline'; name: string }
  | { type: 'object'; attributes: Record<string, Attribute>; rest?: TypeNode; dereferencesTo?: string }

interface Attribute {
  type: 'objectAttribute'
  value: TypeNode
  optional?: boolean
}

type SchemaEntry =
  | { type: 'type'; name: string; value: TypeNode }
  | { type: 'document'; name: string; attributes: Record<string, Attribute> }

type ObjectNode = Extract<TypeNode, { type: 'object' }>

const named = new Map<string, TypeNode>()
for (const entry of extractedSchema as unknown as SchemaEntry[]) {
  named.set(
    entry.name,
    entry.type === 'document' ? { type: 'object', attributes: entry.attributes } : entry.value,
  )
}

/** Document types the site can publish (Sanity's own asset types are not content). */
export const DOCUMENT_TYPES: readonly string[] = (extractedSchema as unknown as SchemaEntry[])
  .filter((entry) => entry.type === 'document' && !entry.name.startsWith('sanity.'))
  .map((entry) => entry.name)

/**
 * The document types each reference field may point to, by `type.field.path` with array positions left out
 * (`event.organizers` → chapter, college; `newsletterIssue.sections.items` → article, …).
 */
export function referenceTargets(): ReadonlyMap<string, readonly string[]> {
  const targets = new Map<string, string[]>()
  const visit = (node: TypeNode, path: string, depth: number): void => {
    if (depth > MAX_SCHEMA_DEPTH) return
    const resolved = resolve(node)
    if (resolved.type === 'array') return visit(resolved.of, path, depth + 1)
    if (resolved.type === 'union') {
      for (const member of membersOf(resolved)) visit(member, path, depth + 1)
      return
    }
    if (resolved.type !== 'object') return
    if (resolved.dereferencesTo) {
      const list = targets.get(path) ?? []
      if (!list.includes(resolved.dereferencesTo)) list.push(resolved.dereferencesTo)
      targets.set(path, list)
      return
    }
    for (const [key, child] of fieldsOf(resolved)) visit(child, `${path}.${key}`, depth + 1)
  }
  for (const type of DOCUMENT_TYPES) visit(named.get(type)!, type, 0)
  return targets
}

/** Deeper than any type of the schema: a bound for walks over the schema itself. */
const MAX_SCHEMA_DEPTH = 16

const resolvedCache = new Map<TypeNode, TypeNode>()

/** Follows `inline` names and merges an object's `rest` into its attributes. */
function resolve(node: TypeNode): TypeNode {
  const cached = resolvedCache.get(node)
  if (cached) return cached
  let resolved: TypeNode = node
  for (let hops = 0; resolved.type === 'inline'; hops++) {
    const target = named.get(resolved.name)
    if (!target || hops > 16) return { type: 'unknown' }
    resolved = target
  }
  if (resolved.type === 'object' && resolved.rest) {
    const rest = resolve(resolved.rest)
    if (rest.type === 'object') {
      resolved = {
        type: 'object',
        attributes: { ...rest.attributes, ...resolved.attributes },
        dereferencesTo: rest.dereferencesTo ?? resolved.dereferencesTo,
      }
    }
  }
  resolvedCache.set(node, resolved)
  return resolved
}

const membersCache = new Map<TypeNode, TypeNode[]>()
function membersOf(union: Extract<TypeNode, { type: 'union' }>): TypeNode[] {
  let members = membersCache.get(union)
  if (!members) membersCache.set(union, (members = union.of.map(resolve)))
  return members
}

const fieldsCache = new Map<ObjectNode, Array<[string, TypeNode]>>()
/** The fields an editor fills in (not `_type`, `_key`, `_ref`…), with their types. */
function fieldsOf(node: ObjectNode): Array<[string, TypeNode]> {
  let fields = fieldsCache.get(node)
  if (!fields) {
    fields = Object.entries(node.attributes)
      .filter(([key]) => !key.startsWith('_'))
      .map(([key, attribute]) => [key, attribute.value])
    fieldsCache.set(node, fields)
  }
  return fields
}

function objectTypeName(node: ObjectNode): string | undefined {
  const type = node.attributes._type?.value
  return type?.type === 'string' ? type.value : undefined
}

function isReference(node: ObjectNode): boolean {
  return 'dereferencesTo' in node && Boolean(node.dereferencesTo)
}

function isPortableText(node: TypeNode): boolean {
  return node.type === 'inline' && node.name === 'portableText'
}

// ---------------------------------------------------------------------------------------------------------------
// Messages: expected and found

function expected(node: TypeNode): string {
  const resolved = resolve(node)
  switch (resolved.type) {
    case 'string':
      return resolved.value === undefined ? 'a string' : JSON.stringify(resolved.value)
    case 'number':
      return 'a number'
    case 'boolean':
      return 'true or false'
    case 'array':
      return node.type === 'inline' && node.name === 'portableText'
        ? 'Portable Text (an array of blocks)'
        : 'an array'
    case 'object':
      if (isReference(resolved)) return `a reference to a ${resolved.dereferencesTo} ({"_ref": "<id>"})`
      return `an object${objectTypeName(resolved) ? ` (${objectTypeName(resolved)})` : ''}`
    case 'union': {
      const literals = membersOf(resolved)
      if (literals.every((member) => member.type === 'string' && member.value !== undefined)) {
        return `one of ${literals.map((member) => JSON.stringify((member as { value: string }).value)).join(', ')}`
      }
      return literals.map((member) => expected(member)).join(' or ')
    }
    default:
      return resolved.type
  }
}

/** `a string (not shown: private)`: what a private value is, without the value. */
function foundType(value: unknown): string {
  const kind = Array.isArray(value)
    ? 'an array'
    : value === null
      ? 'null'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`
  return `${kind} (not shown: private)`
}

/** A short, printable description of a value: `string "2005届"`, `an array of 3 items`. */
export function found(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value
    return `string ${JSON.stringify(shown)}${value.length > 40 ? ` (${value.length} characters)` : ''}`
  }
  if (typeof value === 'object') {
    const type = (value as { _type?: unknown })._type
    return typeof type === 'string' ? `an object of _type ${JSON.stringify(type)}` : 'an object'
  }
  return `${typeof value} ${String(value)}`
}

// ---------------------------------------------------------------------------------------------------------------
// One document

/** Problems of one document against its schema type (not the dataset-wide ones: ids, slugs, references). */
export function documentProblems(document: ContractRecord['document']): Problem[] {
  const problems: Problem[] = []
  const error = (path: PathSegment[], message: string): void => {
    problems.push({ level: 'error', path: pathToString(path), message })
  }
  const warning = (path: PathSegment[], message: string): void => {
    problems.push({ level: 'warning', path: pathToString(path), message })
  }

  const deep = nestingBeyond(document)
  if (deep) {
    error(deep.slice(0, 1), nestingMessage())
    return problems
  }

  const schemaType = named.get(document._type)
  if (!schemaType || !DOCUMENT_TYPES.includes(document._type)) {
    error(['_type'], `unknown document type "${document._type}" (not in the content model)`)
    return problems
  }

  // Values of private fields never reach the build log either: only their type is named.
  const privateFields = PRIVATE_VALUES[document._type] ?? []
  const isPrivate = (path: PathSegment[]) => {
    const at = pathToString(path)
    // The field itself, anything inside it, or an object holding it (a `donor` stored as a string may be a name).
    return privateFields.some(
      (field) =>
        at === field ||
        at.startsWith(`${field}.`) ||
        at.startsWith(`${field}[`) ||
        field.startsWith(`${at}.`),
    )
  }
  const mismatch = (path: PathSegment[], node: TypeNode, value: unknown, consequence = '') =>
    error(
      path,
      `expected ${expected(node)}, found ${isPrivate(path) ? foundType(value) : found(value)}${consequence}`,
    )

  const visit = (value: unknown, node: TypeNode, path: PathSegment[]): void => {
    if (value === undefined || value === null) return
    const resolved = resolve(node)
    const field = path[path.length - 1]
    switch (resolved.type) {
      case 'unknown':
      case 'null':
        return
      case 'string':
        if (typeof value !== 'string') return mismatch(path, node, value)
        if (resolved.value !== undefined && value !== resolved.value) return mismatch(path, node, value)
        if (
          value.length > STRING_BUILD_MAX &&
          typeof field === 'string' &&
          !['title', 'name', 'excerpt'].includes(field)
        ) {
          error(
            path,
            `${value.length} characters: longer than the ${STRING_BUILD_MAX} a single text field may hold`,
          )
        }
        if (typeof field === 'string' && DATETIME_FIELDS.includes(field) && !isDateTime(value)) {
          error(
            path,
            `invalid datetime ${JSON.stringify(value)}: expected ISO 8601 like "2026-03-05T02:00:00Z"`,
          )
        }
        if (typeof field === 'string' && DATE_FIELDS.includes(field) && !isDate(value)) {
          error(path, `invalid date ${JSON.stringify(value)}: expected a real date as YYYY-MM-DD`)
        }
        return
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) return mismatch(path, node, value)
        return
      case 'boolean':
        if (typeof value !== 'boolean') return mismatch(path, node, value)
        return
      case 'array': {
        if (!Array.isArray(value)) return mismatch(path, node, value)
        for (let index = 0; index < value.length; index++) {
          path.push(index)
          visitMember(value[index], resolved.of, path)
          path.pop()
        }
        return
      }
      case 'union': {
        const members = membersOf(resolved)
        if (members.every((member) => member.type === 'string')) {
          if (typeof value !== 'string') return mismatch(path, node, value)
          const known = members.some(
            (member) => member.type === 'string' && (member.value === undefined || member.value === value),
          )
          // A string outside the option list has a safe reading (the site renders unknown options as text and
          // unknown block styles as paragraphs): a warning, so an editor learns about it.
          if (!known) {
            warning(
              path,
              `expected ${expected(node)}, found ${found(value)}: ${field === 'style' ? 'shown as a paragraph' : 'not an option of the schema, built as plain text'}`,
            )
          }
          return
        }
        visitMember(value, resolved, path)
        return
      }
      case 'object': {
        if (typeof value !== 'object' || Array.isArray(value)) return mismatch(path, node, value)
        const object = value as Record<string, unknown>
        if (isReference(resolved)) {
          if (typeof object._ref !== 'string' || object._ref === '')
            error([...path, '_ref'], `expected a document id, found ${found(object._ref)}`)
          return
        }
        // Export files carry `_sanityAsset` where the Content Lake has `asset`; site/lib/dataset/assets.ts checks it.
        for (const [key, type] of fieldsOf(resolved)) {
          if (object[key] === undefined || object[key] === null) continue
          path.push(key)
          visit(object[key], type, path)
          path.pop()
        }
        if (objectTypeName(resolved) === 'block') blockLimits(object, path)
        return
      }
    }
  }

  /** An array member (or a union value): chosen by `_type` among the object members. */
  const visitMember = (value: unknown, of: TypeNode, path: PathSegment[]) => {
    const resolved = resolve(of)
    if (resolved.type !== 'union') return visit(value, of, path)
    if (value === null || value === undefined)
      return error(path, `expected ${expected(of)}, found ${found(value)}`)
    const members = membersOf(resolved)
    if (typeof value !== 'object' || Array.isArray(value)) {
      const scalar = members.find((member) => member.type === typeof value)
      return scalar ? visit(value, scalar, path) : mismatch(path, of, value)
    }
    const type = (value as { _type?: unknown })._type
    const objects = members.filter((member): member is ObjectNode => member.type === 'object')
    const match =
      objects.find((member) => objectTypeName(member) === type) ??
      (objects.every(isReference) ? objects[0] : undefined) ??
      (objects.length === 1 && type === undefined ? objects[0] : undefined)
    if (!match) {
      const names = objects.map(objectTypeName).filter(Boolean)
      // Portable Text renderers leave out blocks of an unknown type: safe, and reported.
      if (names.includes('block') && typeof type === 'string') {
        return warning(
          path,
          `an item of _type ${JSON.stringify(type)} is not in the schema: left out of the page`,
        )
      }
      return error(
        path,
        `expected an item of _type ${names.map((name) => JSON.stringify(name)).join(' or ')}, found ${found(value)}`,
      )
    }
    visit(value, match, path)
  }

  const blockLimits = (block: Record<string, unknown>, path: PathSegment[]) => {
    const { marksPerSpan, markDefsPerBlock, listLevel, spansPerBlock } = PORTABLE_TEXT_LIMITS
    if (Array.isArray(block.markDefs) && block.markDefs.length > markDefsPerBlock) {
      error(
        [...path, 'markDefs'],
        `${block.markDefs.length} link definitions in one block: at most ${markDefsPerBlock}`,
      )
    }
    if (
      typeof block.level === 'number' &&
      (block.level > listLevel || block.level < 1 || !Number.isInteger(block.level))
    ) {
      error([...path, 'level'], `list level ${block.level}: expected a whole number from 1 to ${listLevel}`)
    }
    if (!Array.isArray(block.children)) return
    if (block.children.length > spansPerBlock) {
      error([...path, 'children'], `${block.children.length} spans in one block: at most ${spansPerBlock}`)
    }
    block.children.forEach((child, index) => {
      const marks = (child as { marks?: unknown } | null)?.marks
      if (Array.isArray(marks) && marks.length > marksPerSpan) {
        error(
          [...path, 'children', index, 'marks'],
          `${marks.length} marks on one span: at most ${marksPerSpan}`,
        )
      }
    })
  }

  const attributes = (resolve(schemaType) as ObjectNode).attributes
  for (const [key, attribute] of Object.entries(attributes)) {
    if (key.startsWith('_')) continue
    const value = document[key]
    visit(value, attribute.value, [key])
    if (isPortableText(attribute.value))
      sizeLimit([key], portableTextLength(value), BODY_MAX, BODY_BUILD_MAX, 'characters of text')
  }

  for (const field of REQUIRED_FIELDS[document._type] ?? []) {
    if (!isMissing(document[field])) continue
    if (field === 'publicConsent') warning([field], 'no consent recorded: the profile is not published')
    else error([field], 'required field is missing')
  }

  const slug = (document.slug as { current?: unknown } | undefined)?.current
  if (typeof slug === 'string' && slug !== '' && !SLUG_PATTERN.test(slug)) {
    error(
      ['slug', 'current'],
      `slug ${JSON.stringify(slug)} cannot be a permalink: use lowercase letters, digits and single hyphens`,
    )
  }

  function sizeLimit(path: PathSegment[], size: number, soft: number, hard: number, unit: string) {
    if (size > hard)
      error(path, `${size} ${unit}: more than ${hard}, which no page, feed or search index should carry`)
    else if (size > soft)
      warning(path, `${size} ${unit}: more than the ${soft} recommended; consider shortening it`)
  }
  for (const field of ['title', 'name']) {
    const value = document[field]
    if (typeof value === 'string') sizeLimit([field], value.length, TITLE_MAX, TITLE_BUILD_MAX, 'characters')
  }
  if (typeof document.excerpt === 'string')
    sizeLimit(['excerpt'], document.excerpt.length, EXCERPT_MAX, EXCERPT_BUILD_MAX, 'characters')
  if (document._type === 'newsletterIssue' && Array.isArray(document.sections)) {
    let items = 0
    for (const section of document.sections) {
      const sectionItems = (section as { items?: unknown } | null)?.items
      if (Array.isArray(sectionItems)) items += sectionItems.length
    }
    sizeLimit(['sections'], items, NEWSLETTER_ITEMS_MAX, NEWSLETTER_ITEMS_BUILD_MAX, 'items in one issue')
  }

  privacyProblems(document, problems)
  return problems
}

/**
 * Privacy fields fail closed: the queries read anything but the exact public value as private (site/lib/queries.ts),
 * and every other value is reported here — an error when it has the wrong type, a warning when it is missing.
 */
function privacyProblems(document: ContractRecord['document'], problems: Problem[]) {
  const annotate = (path: string, consequence: string) => {
    for (const problem of problems) {
      if (problem.path === path && problem.level === 'error' && problem.message.startsWith('expected'))
        problem.message += `; ${consequence}`
    }
  }
  if (document._type === 'alumnusProfile') {
    annotate('publicConsent', 'counts as no consent: the profile is not published')
    for (const field of INTERNAL_FIELDS.alumnusProfile ?? [])
      annotate(field, 'it is internal and never published')
  }
  if (document._type === 'donationStory') {
    annotate('donor.anonymous', 'counts as anonymous: the donor is shown as 匿名校友')
    annotate('showAmount', 'counts as hidden: the amount is not shown')
    const donor = document.donor as Record<string, unknown> | undefined
    if (donor && typeof donor === 'object' && !Array.isArray(donor) && donor.anonymous === undefined) {
      problems.push({
        level: 'warning',
        path: 'donor.anonymous',
        message: 'not set: the donor is shown as 匿名校友 until it is set to false',
      })
    }
    if (document.amount !== undefined && document.amount !== null && document.showAmount === undefined) {
      problems.push({
        level: 'warning',
        path: 'showAmount',
        message: 'not set: the amount is not shown until it is set to true',
      })
    }
  }
}

function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object' && (value as { _type?: unknown })._type === 'slug') {
    const current = (value as { current?: unknown }).current
    return typeof current !== 'string' || current === ''
  }
  return false
}

// ---------------------------------------------------------------------------------------------------------------
// The whole dataset

/**
 * Checks every document a build publishes from: each one against its schema type (documentProblems), plus
 * duplicate ids, duplicate permalinks and references. Errors would publish a wrong site (or leak): the build
 * stops on any. Warnings: references to missing documents (those pages are built without them), profiles
 * without a recorded consent (not published), privacy fields left unset (read as private), sizes past advice.
 */
export function checkContentContract(
  records: readonly ContractRecord[],
  perspective: 'published' | 'drafts' = 'published',
): DatasetProblem[] {
  const problems: DatasetProblem[] = []
  const report = ({ line, document }: ContractRecord, problem: Problem) =>
    problems.push({ ...problem, line, documentId: document._id, type: document._type })

  const seen = new Map<string, ContractRecord>()
  for (const record of records) {
    const first = seen.get(record.document._id)
    if (first)
      report(record, {
        level: 'error',
        path: '_id',
        message: `duplicate _id: already used on line ${first.line}`,
      })
    else seen.set(record.document._id, record)
  }

  // What the build publishes from: drafts only in a preview build, where they stand in for their documents.
  const effective = new Map<string, ContractRecord>()
  for (const record of seen.values()) {
    const id = record.document._id
    if (!isDraftId(id)) {
      if (!effective.has(id)) effective.set(id, record)
    } else if (perspective === 'drafts' && id.startsWith(DRAFT_PREFIX)) {
      effective.set(publishedIdOf(id), record)
    }
  }

  const checked: ContractRecord[] = []
  for (const record of effective.values()) {
    const { document } = record
    if (document._type.startsWith('sanity.') || document._type.startsWith('system.')) continue
    const own = documentProblems(document)
    for (const problem of own) report(record, problem)
    if (own.some((problem) => problem.path === '_type' || problem.message.startsWith('nested more than')))
      continue
    checked.push(record)

    for (const { ref, path } of referencesIn(document)) {
      if (effective.has(ref) || seen.has(ref)) continue
      const draftOnly = seen.has(`${DRAFT_PREFIX}${ref}`)
      report(record, {
        level: 'warning',
        path: pathToString(path),
        message: draftOnly
          ? `references "${ref}", which exists only as a draft: built without it`
          : `references "${ref}", which is not in the dataset: built without it`,
      })
    }
  }
  for (const { entry, first, slug } of slugCollisions(checked)) {
    report(entry, {
      level: 'error',
      path: 'slug.current',
      message: `slug "${slug}" is already used by "${first.document._id}"${first.line ? ` (line ${first.line})` : ''}: two ${entry.document._type} documents would share one permalink`,
    })
  }
  return problems
}

// ---------------------------------------------------------------------------------------------------------------
// For tools (the fuzzer): what kind of value each top-level field of a document type holds

export type FieldKind =
  | 'string'
  | 'enum'
  | 'number'
  | 'boolean'
  | 'array'
  | 'portableText'
  | 'reference'
  | 'image'
  | 'slug'
  | 'object'
  | 'unknown'

export function fieldKinds(type: string): Array<{ name: string; kind: FieldKind }> {
  const schemaType = named.get(type)
  if (!schemaType) return []
  return fieldsOf(resolve(schemaType) as ObjectNode).map(([name, node]) => {
    const resolved = resolve(node)
    let kind: FieldKind = 'unknown'
    if (isPortableText(node)) kind = 'portableText'
    else if (node.type === 'inline' && node.name === 'imageWithAlt') kind = 'image'
    else if (node.type === 'inline' && node.name === 'slug') kind = 'slug'
    else if (resolved.type === 'union')
      kind = membersOf(resolved).every((member) => member.type === 'string') ? 'enum' : 'unknown'
    else if (resolved.type === 'object') kind = isReference(resolved) ? 'reference' : 'object'
    else if (resolved.type !== 'null' && resolved.type !== 'inline') kind = resolved.type
    return { name, kind }
  })
}
