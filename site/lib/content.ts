import { createClient, type SanityClient } from '@sanity/client'
import { evaluate, parse } from 'groq-js'
import path from 'node:path'
import { SANITY_API_VERSION } from './consts.ts'
import { buildTime } from './buildClock.ts'
import { readDataset } from './dataset/read.ts'
import { toContentLakeDocuments } from './dataset/assets.ts'
import { formatProblem } from './dataset/problems.ts'

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
  fetch<Result>(query: string, params: QueryParams): Promise<Result>
}

export class ContentSourceError extends Error {}

let source: ContentSource | undefined

export function contentSource(): ContentSource {
  source ??= process.env.SANITY_PROJECT_ID ? createSanitySource() : createLocalSource()
  return source
}

/** Runs a query with `$now` (the build clock) always available to the publishing rules. */
export function fetchQuery<Result>(query: string, params: QueryParams = {}): Promise<Result> {
  return contentSource().fetch<Result>(query, { now: buildTime().toISOString(), ...params })
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
  let loaded: Promise<{ documents: SanityDocument[]; byId: Map<string, SanityDocument> }> | undefined

  async function load() {
    const absolute = path.resolve(datasetPath)
    const dataset = await readDataset(absolute)
    const fatal = dataset.problems.filter((problem) => problem.level === 'error')
    if (fatal.length > 0) {
      throw new ContentSourceError(
        `The dataset at ${absolute} cannot be read:\n${fatal.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
      )
    }
    const converted = toContentLakeDocuments(dataset.records, dataset.assetsRoot)
    for (const problem of converted.problems) console.warn(`[content] ${formatProblem(problem)}`)
    const documents = applyPerspective(converted.documents as SanityDocument[], perspective)
    return { documents, byId: new Map(documents.map((document) => [document._id, document])) }
  }

  return {
    kind: 'local',
    perspective,
    async fetch<Result>(query: string, params: QueryParams) {
      loaded ??= load()
      const { documents, byId } = await loaded
      const tree = parse(query, { params })
      // A Map lookup keeps each `->` constant-time; groq-js scans the whole dataset otherwise.
      const value = await evaluate(tree, {
        dataset: documents,
        params,
        dereference: ({ _ref }) => byId.get(_ref) ?? null,
      })
      return (await value.get()) as Result
    },
  }
}

/**
 * The published perspective drops drafts; the drafts perspective lets a draft stand in for its published
 * document under the published id, as Sanity's `drafts` perspective does.
 */
function applyPerspective(documents: SanityDocument[], perspective: 'published' | 'drafts'): SanityDocument[] {
  const isDraft = (id: string) => id.startsWith('drafts.') || id.startsWith('versions.')
  if (perspective === 'published') return documents.filter((document) => !isDraft(document._id))
  const drafts = new Map(
    documents
      .filter((document) => document._id.startsWith('drafts.'))
      .map((draft) => [draft._id.slice('drafts.'.length), { ...draft, _id: draft._id.slice('drafts.'.length) }]),
  )
  const published = documents.filter((document) => !isDraft(document._id))
  const overlaid = published.map((document) => drafts.get(document._id) ?? document)
  const publishedIds = new Set(published.map((document) => document._id))
  const draftOnly = [...drafts.values()].filter((draft) => !publishedIds.has(draft._id))
  return [...overlaid, ...draftOnly]
}

// ---------------------------------------------------------------------------------------------------------------
// Sanity Content Lake

const RETRIES = 4
const TIMEOUT_MS = Number(process.env.SANITY_TIMEOUT_MS ?? 30_000)

export function createSanitySource(env: NodeJS.ProcessEnv = process.env): ContentSource {
  const perspective = configuredPerspective()
  const token = env.SANITY_API_READ_TOKEN || undefined
  if (perspective === 'drafts' && !token) {
    throw new ContentSourceError('Preview builds read drafts: set SANITY_API_READ_TOKEN to a token with read access.')
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

  return {
    kind: 'sanity',
    perspective,
    async fetch<Result>(query: string, params: QueryParams) {
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
    },
  }
}

function retryDelay(attempt: number): number {
  const base = Number(process.env.SANITY_RETRY_BASE_MS ?? 500)
  return base * 2 ** attempt
}

function summarizeQuery(query: string): string {
  const compact = query.replace(/\s+/g, ' ').trim()
  return compact.length > 120 ? `${compact.slice(0, 120)}…` : compact
}
