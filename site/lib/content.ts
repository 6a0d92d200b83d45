import { createClient, type SanityClient } from '@sanity/client'
import { evaluate, parse, type ExprNode } from 'groq-js'
import path from 'node:path'
import { SANITY_API_VERSION } from './consts.ts'
import { buildTime } from './buildClock.ts'
import { readDataset } from './dataset/read.ts'
import { assetUsages, toContentLakeDocuments, type LocalAssetDocument } from './dataset/assets.ts'
import { formatProblem, sortProblems, type DatasetProblem } from './dataset/problems.ts'
import type { ContractRecord } from './contract.ts'
import {
  DATETIME_FIELDS,
  DRAFT_PREFIX,
  isDateTime,
  isDraftId,
  MAX_NESTING_DEPTH,
  publishedIdOf,
  SLUG_PATTERN,
  stripControlCharacters,
} from '../../schemas/lib/contentRules.ts'
import { checkContentContract, DOCUMENT_TYPES } from './contract.ts'

/**
 * The one place that answers GROQ queries. Everything the site shows goes through `fetchQuery`.
 *
 * - local (default): the dataset at CONTENT_DATASET (export folder, data.ndjson or .tar.gz), run in-process by groq-js;
 * - sanity: when SANITY_PROJECT_ID is set, the Content Lake through @sanity/client, published perspective.
 *
 * CONTENT_PERSPECTIVE=drafts (preview builds only) overlays drafts on published documents in both sources.
 */

type QueryParams = Record<string, unknown>
type SanityDocument = { _id: string; _type: string; [key: string]: unknown }

export interface ContentSource {
  readonly kind: 'local' | 'sanity'
  readonly perspective: 'published' | 'drafts'
  /**
   * Runs a query. Before the first one answers, the Sanity source checks every document against the content
   * contract; `contract: false` skips that for queries that render nothing (build:if-changed's change check).
   */
  fetch<Result>(query: string, params: QueryParams, options?: { contract?: boolean }): Promise<Result>
}

export class ContentSourceError extends Error {}

let source: ContentSource | undefined

export function contentSource(): ContentSource {
  source ??= process.env.SANITY_PROJECT_ID ? createSanitySource() : createLocalSource()
  return source
}

/** Runs a query with `$now` (the build clock) always available to the publishing rules. */
export async function fetchQuery<Result>(query: string, params: QueryParams = {}): Promise<Result> {
  const result = cleanResult(
    await contentSource().fetch<Result>(query, { now: buildTime().toISOString(), ...params }),
  )
  assertPermalinkSlugs(result)
  return result
}

/**
 * Every document a query returns with a `slug` becomes a page at that slug. The Studio only saves slugs that fit
 * SLUG_PATTERN, but the Content Lake accepts anything through its API, and a slug carrying `/`, quotes or markup
 * would otherwise fail deep inside Astro ("Missing parameter: slug") or write a page at a path nobody links to.
 * (Local datasets are checked earlier, with line numbers: checkContentContract.)
 */
function assertPermalinkSlugs(result: unknown) {
  for (const item of Array.isArray(result) ? result : [result]) {
    if (typeof item !== 'object' || item === null || !('slug' in item)) continue
    const { _id, _type, slug } = item as { _id?: unknown; _type?: unknown; slug: unknown }
    if (typeof _id !== 'string' || (typeof slug === 'string' && SLUG_PATTERN.test(slug))) continue
    // Worded without "document": Astro answers messages mentioning it with a misleading browser-API hint.
    throw new ContentSourceError(
      `${typeof _type === 'string' ? _type : 'item'} "${_id}": slug.current ${slug ? JSON.stringify(slug) : 'is missing'}` +
        `${slug ? ' cannot be a permalink (use lowercase letters, digits and single hyphens)' : ''}; fix it in the Studio and build again.`,
    )
  }
}

export function configuredPerspective(): 'published' | 'drafts' {
  const perspective = process.env.CONTENT_PERSPECTIVE ?? 'published'
  if (perspective !== 'published' && perspective !== 'drafts') {
    throw new ContentSourceError(`CONTENT_PERSPECTIVE must be "published" or "drafts", not "${perspective}"`)
  }
  return perspective
}

// ---------------------------------------------------------------------------------------------------------------
// Local dataset

export function createLocalSource(datasetPath = process.env.CONTENT_DATASET ?? 'dataset'): ContentSource {
  const perspective = configuredPerspective()
  let loaded:
    | Promise<{
        documents: SanityDocument[]
        byId: Map<string, SanityDocument>
        byType: Map<string, SanityDocument[]>
      }>
    | undefined

  async function load() {
    const absolute = path.resolve(datasetPath)
    const dataset = await readDataset(absolute)
    const converted = toContentLakeDocuments(dataset.records, dataset.assetsRoot)
    // A missing image file leaves its reference dangling: the page is built without the image. Any other asset
    // problem (a path or symlink leaving the dataset, an unusable file name) is an error.
    const assetProblems = converted.problems.map((problem) =>
      problem.message.endsWith('is missing from the dataset')
        ? { ...problem, level: 'warning' as const, message: `${problem.message}: built without it` }
        : problem,
    )
    const problems = sortProblems([
      ...dataset.problems,
      ...assetProblems,
      ...(await imageProblems(converted.assets)),
      ...checkContentContract(dataset.records as ContractRecord[], perspective),
    ])
    const relative = path.relative(process.cwd(), dataset.ndjsonPath)
    const where = relative && !relative.startsWith('..') ? relative : dataset.ndjsonPath
    reportContract(problems, `${where} `, `The dataset at ${absolute}`)
    const documents = applyPerspective(converted.documents as SanityDocument[], perspective)
    const byType = new Map<string, SanityDocument[]>()
    for (const document of documents) {
      const ofType = byType.get(document._type)
      if (ofType) ofType.push(document)
      else byType.set(document._type, [document])
    }
    return { documents, byId: new Map(documents.map((document) => [document._id, document])), byType }
  }

  return {
    kind: 'local',
    perspective,
    async fetch<Result>(query: string, params: QueryParams) {
      loaded ??= load()
      const { documents, byId, byType } = await loaded
      const tree = parse(query, { params })
      const scope = scanScope(tree)
      // A Map lookup keeps each `->` constant-time; groq-js scans the whole dataset otherwise.
      const value = await evaluate(tree, {
        dataset: !scope
          ? documents
          : 'id' in scope
            ? [byId.get(scope.id)].filter((document) => !!document)
            : (byType.get(scope.type) ?? []),
        params,
        dereference: ({ _ref }) => byId.get(_ref) ?? null,
      })
      return (await value.get()) as Result
    },
  }
}

/**
 * Every image file a page may show is decoded (its header only: fast) before anything renders, so a file that
 * is not an image, an SVG sharp refuses, or a file whose real size differs from the size in its name fails the
 * build naming each document and field that uses it, instead of failing later naming the file only.
 */
async function imageProblems(assets: readonly LocalAssetDocument[]): Promise<DatasetProblem[]> {
  const problems: DatasetProblem[] = []
  const { default: sharp } = await import('sharp')
  await Promise.all(
    assets.map(async (asset) => {
      if (asset._type !== 'sanity.imageAsset') return
      let message: string | undefined
      try {
        const { width, height } = await sharp(asset.path).metadata()
        const named = asset.metadata?.dimensions
        if (asset.extension !== 'svg' && named && (width !== named.width || height !== named.height)) {
          message = `is ${width}×${height} pixels, but its name says ${named.width}×${named.height}`
        }
      } catch (error) {
        message = `cannot be decoded as an image (${(error as Error).message.split('\n')[0]})`
      }
      if (!message) return
      for (const usage of assetUsages(asset.path)) {
        problems.push({
          level: 'error',
          ...usage,
          message: `image file "${asset.originalFilename}" ${message}`,
        })
      }
    }),
  )
  return problems
}

/**
 * The only documents a query can read, when its one `*` is filtered on `_type == "…"` or `_id == "…"`: groq-js
 * evaluates a filter on every document of the dataset, which on a 20k-document dataset is most of what each query
 * costs. A query with more than one `*` (a sub-query sees the whole dataset) is left as it is.
 */
export function scanScope(tree: ExprNode): { type: string } | { id: string } | undefined {
  let everything = 0
  let scope: { type: string } | { id: string } | undefined
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    const { type, base, expr } = node as { type?: string; base?: { type?: string }; expr?: ExprNode }
    if (type === 'Everything') everything++
    if (type === 'Filter' && base?.type === 'Everything' && expr) scope = equalityScope(expr)
    for (const value of Object.values(node)) visit(value)
  }
  visit(tree)
  return everything === 1 ? scope : undefined
}

/** `_type == "article" && …` → { type: 'article' }: only conjuncts at the top of the filter narrow it. */
function equalityScope(expr: ExprNode): { type: string } | { id: string } | undefined {
  if (expr.type === 'Group') return equalityScope(expr.base)
  if (expr.type === 'And') {
    const scopes = [equalityScope(expr.left), equalityScope(expr.right)]
    // An id names one document: the narrowest scan there is.
    return scopes.find((scope) => scope !== undefined && 'id' in scope) ?? scopes[0] ?? scopes[1]
  }
  if (expr.type !== 'OpCall' || expr.op !== '==') return undefined
  for (const [attribute, value] of [
    [expr.left, expr.right],
    [expr.right, expr.left],
  ]) {
    if (
      attribute?.type !== 'AccessAttribute' ||
      attribute.base ||
      value?.type !== 'Value' ||
      typeof value.value !== 'string'
    )
      continue
    if (attribute.name === '_type') return { type: value.value }
    if (attribute.name === '_id') return { id: value.value }
  }
  return undefined
}

/**
 * The published perspective drops drafts; the drafts perspective lets a draft stand in for its published
 * document under the published id, as Sanity's `drafts` perspective does.
 */
function applyPerspective(
  documents: SanityDocument[],
  perspective: 'published' | 'drafts',
): SanityDocument[] {
  if (perspective === 'published') return documents.filter((document) => !isDraftId(document._id))
  const drafts = new Map(
    documents
      .filter((document) => document._id.startsWith(DRAFT_PREFIX))
      .map((draft) => [publishedIdOf(draft._id), { ...draft, _id: publishedIdOf(draft._id) }]),
  )
  const published = documents.filter((document) => !isDraftId(document._id))
  const overlaid = published.map((document) => drafts.get(document._id) ?? document)
  const publishedIds = new Set(published.map((document) => document._id))
  const draftOnly = [...drafts.values()].filter((draft) => !publishedIds.has(draft._id))
  return [...overlaid, ...draftOnly]
}

// ---------------------------------------------------------------------------------------------------------------
// What a build checks: the content contract (site/lib/contract.ts), the same for both sources

/** Prints every problem, then throws if any is an error: the build stops before it renders anything. */
function reportContract(problems: readonly DatasetProblem[], where: string, what: string) {
  const fatal = problems.filter((problem) => problem.level === 'error')
  for (const problem of problems)
    console.warn(`[content] ${problem.level}: ${where}${formatProblem(problem)}`)
  if (fatal.length > 0) {
    // The problems are listed above rather than in the message: Astro answers any error message that mentions
    // "document" with a hint about browser APIs, which would send an editor looking in the wrong place.
    throw new ContentSourceError(
      `${what} has ${fatal.length} error${fatal.length === 1 ? '' : 's'} that would publish a wrong ` +
        `site (listed above as "[content] error:"); fix ${fatal.length === 1 ? 'it' : 'them'} and build again.`,
    )
  }
}

/**
 * Makes a query result safe and uniform for every page, feed, calendar, structured data and the search index
 * (copying only what changes):
 * - removes control characters and lone surrogates from every string;
 * - writes every date-time field (DATETIME_FIELDS) in one form, UTC as `toISOString()` gives it
 *   (`2026-11-21T02:00:00.000Z`), whatever offset it was stored with: one fixed-width form compares as strings
 *   in the order of the instants, and `$now` has the same form. A value the contract rejects is left as it is.
 */
export function cleanResult<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return stripControlCharacters(value) as T
  if (typeof value !== 'object' || value === null || depth > MAX_NESTING_DEPTH * 2) return value
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    for (let index = 0; index < value.length; index++) {
      const cleaned = cleanResult(value[index], depth + 1)
      if (cleaned !== value[index]) (copy ??= [...value])[index] = cleaned
    }
    return (copy ?? value) as T
  }
  let copy: Record<string, unknown> | undefined
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key]
    const cleaned =
      typeof item === 'string' && DATETIME_FIELDS.includes(key) && isDateTime(item)
        ? new Date(item).toISOString()
        : cleanResult(item, depth + 1)
    if (cleaned !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = cleaned
  }
  return (copy ?? value) as T
}

// ---------------------------------------------------------------------------------------------------------------
// Sanity Content Lake

const RETRIES = 4
const TIMEOUT_MS = Number(process.env.SANITY_TIMEOUT_MS ?? 30_000)

export function createSanitySource(env: NodeJS.ProcessEnv = process.env): ContentSource {
  const perspective = configuredPerspective()
  const token = env.SANITY_API_READ_TOKEN || undefined
  if (perspective === 'drafts' && !token) {
    throw new ContentSourceError(
      'Preview builds read drafts: set SANITY_API_READ_TOKEN to a token with read access.',
    )
  }
  const client: SanityClient = createClient({
    projectId: env.SANITY_PROJECT_ID,
    dataset: env.SANITY_DATASET || 'production',
    apiVersion: SANITY_API_VERSION,
    useCdn: false,
    perspective,
    token,
    timeout: TIMEOUT_MS,
    maxRetries: 0, // retried below, so that the final error can name the query
    ...(env.SANITY_API_HOST ? { apiHost: env.SANITY_API_HOST, useProjectHostname: false } : {}),
  })

  const query = async <Result>(query: string, params: QueryParams): Promise<Result> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await client.fetch<Result>(query, params, { filterResponse: true })
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode
        if (status === 401 || status === 403) {
          throw new ContentSourceError(
            `Sanity refused the query (HTTP ${status}). Check SANITY_API_READ_TOKEN: it must be a valid token with ` +
              `read access to project "${env.SANITY_PROJECT_ID}", dataset "${env.SANITY_DATASET || 'production'}".`,
            { cause: error },
          )
        }
        const retryable = status === undefined || status === 429 || status >= 500
        if (!retryable || attempt >= RETRIES) {
          throw new ContentSourceError(
            `Sanity query failed after ${attempt + 1} attempt(s)${status ? ` (HTTP ${status})` : ''}: ` +
              `${(error as Error).message}\nquery: ${summarizeQuery(query)}`,
            { cause: error },
          )
        }
        await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt)))
      }
    }
  }

  // The Content Lake does not enforce the schema either: every document the site can read goes through the same
  // contract as a local dataset's, once, before the first query answers.
  let checked: Promise<void> | undefined
  const checkContract = async () => {
    const documents = await query<ContractRecord['document'][]>(contractQuery, { types: DOCUMENT_TYPES })
    const records = documents.map((document) => ({ line: 0, document }))
    const dataset = `project "${env.SANITY_PROJECT_ID}", dataset "${env.SANITY_DATASET || 'production'}"`
    reportContract(
      sortProblems(checkContentContract(records, perspective)),
      `Sanity ${dataset}: `,
      `The Sanity ${dataset}`,
    )
  }

  return {
    kind: 'sanity',
    perspective,
    async fetch<Result>(text: string, params: QueryParams, options?: { contract?: boolean }) {
      if (options?.contract !== false) {
        checked ??= checkContract()
        await checked
      }
      return query<Result>(text, params)
    },
  }
}

/** Every content document, whole: what the contract checks (the build's token reads it; nothing is written). */
const contractQuery = `*[_type in $types]`

function retryDelay(attempt: number): number {
  const base = Number(process.env.SANITY_RETRY_BASE_MS ?? 500)
  return base * 2 ** attempt
}

function summarizeQuery(query: string): string {
  const compact = query.replace(/\s+/g, ' ').trim()
  return compact.length > 120 ? `${compact.slice(0, 120)}…` : compact
}
