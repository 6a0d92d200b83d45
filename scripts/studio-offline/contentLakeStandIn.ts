import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Mutation } from '@sanity/mutator'
import { evaluate, parse } from 'groq-js'
import sharp from 'sharp'
import { DRAFT_PREFIX, isDraftId } from '../../schemas/lib/contentRules.ts'
import { toContentLakeDocuments } from '../../site/lib/dataset/assets.ts'
import { readDataset } from '../../site/lib/dataset/read.ts'

/**
 * A STAND-IN for Sanity's Content Lake, for tests and the offline Studio demo — never a production backend.
 *
 * It answers the parts of Sanity's HTTP API that the site's build and the Studio use, over a dataset in
 * `sanity dataset export` format held in memory:
 * - queries (`data/query`, GET and POST, groq-js; published, drafts and raw perspectives) and `data/doc`;
 * - writes: `data/mutate` (create, createIfNotExists, createOrReplace, patch, delete, applied by Sanity's own
 *   `@sanity/mutator`) and `data/actions` (create, edit, publish, unpublish, discard, delete on `drafts.` ids,
 *   as the Studio performs them);
 * - `data/listen` (server-sent events: welcome, then a mutation event with whole-document mendoza effects for
 *   every change a listener's query matches);
 * - image uploads (`assets/images`, kept in a temporary folder) and the images themselves (`/images/…`);
 * - what the Studio asks about the user and project (one local administrator, no login), and empty answers
 *   for history, key-value, journey and telemetry calls.
 *
 * Asset documents get `https://cdn.sanity.io/…` URLs by default, as in the Content Lake, so builds from it
 * behave as builds from sanity.io (`assetUrls: 'file'` keeps `file://` URLs; `'self'` points them at this
 * server, which serves the files, as the offline Studio needs).
 */

export type Document = { _id: string; _type: string; _rev?: string; [key: string]: unknown }
type Perspective = 'published' | 'drafts' | 'raw'

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  /** The GROQ query, from the URL or the POST body. */
  query?: string
  params: Record<string, unknown>
  perspective: Perspective
  /** What the stand-in answered with. */
  status: number
}

export type Fault =
  | { kind: 'status'; status: number }
  /** Accept the connection and never answer. */
  | { kind: 'hang' }

/** One committed change, as listeners and tests see it. */
export interface CommittedMutation {
  transactionId: string
  documentId: string
  previous: Document | null
  next: Document | null
}

export interface SanityStandIn {
  /** `http://127.0.0.1:<port>`: the value for SANITY_API_HOST. */
  url: string
  port: number
  requests: RecordedRequest[]
  /** Every committed write, oldest first. */
  mutations: CommittedMutation[]
  /** Answer the next `times` query requests with this fault (then work again). */
  failNext(fault: Fault, times: number): void
  /** Answer every query request with this fault until `recover()`. */
  failAlways(fault: Fault): void
  recover(): void
  /** The env a build needs to read from this stand-in. */
  env(extra?: Record<string, string>): Record<string, string>
  /** A copy of one stored document (drafts under their `drafts.` id), or undefined. */
  document(id: string): Document | undefined
  /** Every stored document, drafts and asset documents included. */
  documents(): Document[]
  /** Where an asset file lives on this machine (dataset files and uploads), by asset document id. */
  assetFile(assetId: string): string | undefined
  close(): Promise<void>
}

export interface SanityStandInOptions {
  datasetPath: string
  projectId?: string
  dataset?: string
  /** When set, every request must carry `Authorization: Bearer <token>`, as a private dataset requires. */
  token?: string
  assetUrls?: 'cdn' | 'file' | 'self'
  /** Serve this folder (a built Studio) for every other path, with index.html for the Studio's own routes. */
  staticRoot?: string
  port?: number
  host?: string
  /** Called after every committed transaction (the offline Studio saves the dataset then). */
  onCommit?: (mutations: CommittedMutation[]) => void
}

/** The one user of the stand-in: every request is this administrator. */
export const OFFLINE_USER = {
  id: 'offline-editor',
  name: '离线演示编辑',
  email: 'editor@offline.invalid',
  profileImage: null,
  role: 'administrator',
  roles: [{ name: 'administrator', title: 'Administrator', description: 'Offline demo: full access' }],
  provider: 'sanity',
}

const API_PATH = /^\/v[^/]+(\/.*)$/
const IMAGE_PATH = /^\/images\/[^/]+\/[^/]+\/([0-9a-f]{40})-(\d+)x(\d+)\.([a-z0-9]+)$/i
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

export async function startSanityStandIn(options: SanityStandInOptions): Promise<SanityStandIn> {
  const projectId = options.projectId ?? 'test'
  const datasetName = options.dataset ?? 'production'
  const assetUrls = options.assetUrls ?? 'cdn'
  const uploadsDir = await mkdtemp(path.join(os.tmpdir(), 'content-lake-stand-in-'))
  let selfUrl = ''
  const assetUrlFor = (file: string, kind: 'image' | 'file') =>
    `${selfUrl}/${kind === 'image' ? 'images' : 'files'}/${projectId}/${datasetName}/${file}`
  const loaded = await loadDocuments(options.datasetPath, projectId, datasetName, assetUrls)
  const store = new Map(loaded.documents.map((document) => [document._id, document]))
  const assetFiles = loaded.assetFiles
  const requests: RecordedRequest[] = []
  const mutations: CommittedMutation[] = []
  const hub = new ListenHub()
  let queued: Array<Fault> = []
  let always: Fault | undefined

  /** Applies one transaction's document changes atomically, then tells listeners. */
  function commit(transactionId: string, changes: Array<{ id: string; next: Document | null }>) {
    const now = new Date().toISOString()
    const committed: CommittedMutation[] = []
    for (const { id, next } of changes) {
      const previous = store.get(id) ?? null
      if (next) {
        const stored: Document = {
          ...next,
          _id: id,
          _rev: transactionId,
          _createdAt:
            (previous?._createdAt as string | undefined) ?? (next._createdAt as string | undefined) ?? now,
          _updatedAt: now,
        }
        store.set(id, stored)
        committed.push({ transactionId, documentId: id, previous, next: stored })
      } else if (previous) {
        store.delete(id)
        committed.push({ transactionId, documentId: id, previous, next: null })
      }
    }
    mutations.push(...committed)
    committed.forEach((mutation, index) => {
      hub.publish(mutation, index, committed.length)
    })
    if (committed.length > 0) options.onCommit?.(committed)
    return committed
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: request.headers,
      params: {},
      perspective: 'published',
      status: 0,
    }
    const cors = corsHeaders(request)
    const reply = (status: number, payload: unknown) => {
      recorded.status = status
      send(response, status, payload, cors)
    }

    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors)
      return response.end()
    }

    const image = IMAGE_PATH.exec(url.pathname)
    if (image) {
      const [, sha1, width, height, extension] = image
      const file = assetFiles.get(`image-${sha1}-${width}x${height}-${extension}`)
      return file
        ? serveFile(response, file, { ...cors, 'Cache-Control': 'no-cache' })
        : reply(404, { error: 'no such image' })
    }

    const api = API_PATH.exec(url.pathname)
    if (!api) {
      if (options.staticRoot && (request.method === 'GET' || request.method === 'HEAD')) {
        return serveStatic(response, options.staticRoot, url.pathname)
      }
      requests.push(recorded)
      return reply(404, { error: { description: `no such endpoint: ${url.pathname}` } })
    }
    requests.push(recorded)
    const endpoint = api[1]
    const body =
      request.method === 'POST' || request.method === 'PUT' ? await readBody(request) : Buffer.alloc(0)

    const dataRoute = /^\/data\/(query|doc|listen|mutate|actions|history)\/([^/]+)(\/.*)?$/.exec(endpoint)
    if (dataRoute && dataRoute[2] !== datasetName) {
      return reply(404, { error: { description: `dataset "${dataRoute[2]}" not found` } })
    }
    if (dataRoute?.[1] === 'query') {
      const fault = always ?? queued.shift()
      if (fault?.kind === 'hang') {
        recorded.status = -1
        return // the client's timeout has to deal with this
      }
      if (fault?.kind === 'status') {
        return reply(fault.status, {
          error: { description: `stand-in fault ${fault.status}`, type: 'httpError' },
        })
      }
    }
    if (options.token && request.headers.authorization !== `Bearer ${options.token}`) {
      return reply(401, { error: { description: 'Unauthorized - Session not found', type: 'httpError' } })
    }

    try {
      if (dataRoute) {
        const [, kind, , rest = ''] = dataRoute
        if (kind === 'query') {
          const { query, params } = readQuery(request.method, url, body)
          const perspective = toPerspective(url.searchParams.get('perspective'))
          Object.assign(recorded, { query, params, perspective })
          if (!query) return reply(400, { error: { description: 'param "query" is required' } })
          const started = performance.now()
          const result = await runQuery(query, params, applyPerspective([...store.values()], perspective))
          return reply(200, { ms: Math.round(performance.now() - started), query, result })
        }
        if (kind === 'doc') {
          const ids = decodeURIComponent(rest.slice(1)).split(',').filter(Boolean)
          const documents = ids.map((id) => store.get(id)).filter((document) => document !== undefined)
          const omitted = ids.filter((id) => !store.has(id)).map((id) => ({ id, reason: 'existence' }))
          return reply(200, { documents, omitted })
        }
        if (kind === 'listen') {
          const { query, params } = readQuery('GET', url, body)
          return openListener(request, response, cors, url, query ?? '*', params, hub)
        }
        if (kind === 'mutate') {
          const parsed = JSON.parse(body.toString('utf8')) as {
            mutations?: MutationInput[]
            transactionId?: string
          }
          const transactionId = parsed.transactionId ?? randomUUID()
          const changes = applyMutations(parsed.mutations ?? [], (id) => store.get(id) ?? null)
          const committed = commit(transactionId, changes)
          return reply(200, {
            transactionId,
            results: committed.map((mutation) => ({
              id: mutation.documentId,
              operation: mutation.next ? (mutation.previous ? 'update' : 'create') : 'delete',
            })),
          })
        }
        if (kind === 'actions') {
          const parsed = JSON.parse(body.toString('utf8')) as { actions?: Action[]; transactionId?: string }
          const transactionId = parsed.transactionId ?? randomUUID()
          const changes = applyActions(parsed.actions ?? [], (id) => store.get(id) ?? null)
          commit(transactionId, changes)
          return reply(200, { transactionId })
        }
        // history: the stand-in keeps no revisions, so the Studio's history shows the current state only
        if (/^\/documents\/[^/]+$/.test(rest) && url.searchParams.has('revision')) {
          const id = decodeURIComponent(rest.split('/')[2])
          const document = store.get(id)
          return reply(200, { documents: document ? [document] : [] })
        }
        if (rest.startsWith('/transactions/')) {
          response.writeHead(200, { ...cors, 'Content-Type': 'application/x-ndjson' })
          return response.end()
        }
        return reply(200, { events: [], nextCursor: '' })
      }

      // Presence and other live features use a websocket; the Studio works without it.
      if (endpoint.startsWith('/socket/'))
        return reply(404, { error: { description: 'no websocket in the stand-in' } })

      const upload = /^\/assets\/(images|files)\/([^/]+)$/.exec(endpoint)
      if (upload && request.method === 'POST') {
        const asset = await storeUpload(body, upload[1] === 'images' ? 'image' : 'file', url, uploadsDir)
        assetFiles.set(asset.document._id, asset.filePath)
        const document = {
          ...asset.document,
          url: assetUrlFor(asset.fileName, asset.document._type === 'sanity.imageAsset' ? 'image' : 'file'),
        }
        const existing = store.get(document._id)
        if (!existing) commit(randomUUID(), [{ id: document._id, next: document }])
        return reply(200, { document: store.get(document._id) })
      }

      return reply(200, accountAnswer(endpoint, projectId, datasetName))
    } catch (error) {
      const status = error instanceof StandInError ? error.status : 400
      return reply(status, { error: { description: (error as Error).message, type: 'standInError' } })
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://${options.host === 'localhost' ? 'localhost' : '127.0.0.1'}:${port}`
  selfUrl = url
  if (assetUrls === 'self') {
    for (const document of store.values()) {
      if (document._type === 'sanity.imageAsset' || document._type === 'sanity.fileAsset') {
        document.url = `${url}${new URL(String(document.url)).pathname}`
      }
    }
  }

  return {
    url,
    port,
    requests,
    mutations,
    failNext(fault, times) {
      queued = Array.from({ length: times }, () => fault)
    },
    failAlways(fault) {
      always = fault
    },
    recover() {
      always = undefined
      queued = []
    },
    env(extra = {}) {
      return {
        SANITY_PROJECT_ID: projectId,
        SANITY_DATASET: datasetName,
        SANITY_API_HOST: url,
        ...(options.token ? { SANITY_API_READ_TOKEN: options.token } : {}),
        ...extra,
      }
    },
    document(id) {
      const document = store.get(id)
      return document ? structuredClone(document) : undefined
    },
    documents() {
      return [...store.values()].map((document) => structuredClone(document))
    },
    assetFile(assetId) {
      return assetFiles.get(assetId)
    },
    close() {
      hub.closeAll()
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

class StandInError extends Error {
  readonly status: number
  constructor(message: string, status = 409) {
    super(message)
    this.status = status
  }
}

async function loadDocuments(
  datasetPath: string,
  projectId: string,
  dataset: string,
  assetUrls: 'cdn' | 'file' | 'self',
) {
  const read = await readDataset(datasetPath)
  if (read.problems.some((problem) => problem.level === 'error')) {
    throw new Error(
      `the stand-in cannot load ${datasetPath}: ${read.problems.map((problem) => problem.message).join('; ')}`,
    )
  }
  const converted = toContentLakeDocuments(read.records, read.assetsRoot, {
    assetUrl:
      assetUrls === 'file'
        ? undefined
        : (asset) =>
            `${assetUrls === 'cdn' ? 'https://cdn.sanity.io' : 'http://stand-in.invalid'}/` +
            `${asset.kind === 'image' ? 'images' : 'files'}/${projectId}/${dataset}/${asset.sha1}` +
            `${asset.width ? `-${asset.width}x${asset.height}` : ''}.${asset.extension}`,
  })
  const assetFiles = new Map<string, string>()
  // The Content Lake knows nothing of this machine's files.
  const documents = (converted.documents as Document[]).map((document) => {
    if (document._type === 'sanity.imageAsset' || document._type === 'sanity.fileAsset') {
      assetFiles.set(document._id, String(document.path))
      if (assetUrls !== 'file') {
        const { path: _path, ...rest } = document
        return rest as Document
      }
    }
    return document
  })
  return { documents, assetFiles }
}

function readQuery(method: string | undefined, url: URL, body: Buffer) {
  let query: string | undefined
  const params: Record<string, unknown> = {}
  if (method === 'POST') {
    const parsed = JSON.parse(body.toString('utf8')) as { query?: string; params?: Record<string, unknown> }
    return { query: parsed.query, params: parsed.params ?? {} }
  }
  query = url.searchParams.get('query') ?? undefined
  for (const [key, value] of url.searchParams)
    if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value)
  return { query, params }
}

async function runQuery(source: string, sourceParams: Record<string, unknown>, sourceDataset: Document[]) {
  const { query, params, dataset } = withTextSearch(source, sourceParams, sourceDataset)
  const byId = new Map(dataset.map((document) => [document._id, document]))
  const value = await evaluate(parse(query, { params }), {
    dataset,
    params,
    identity: OFFLINE_USER.id,
    dereference: ({ _ref }) => byId.get(_ref) ?? null,
  })
  return value.get()
}

/**
 * groq-js has no `text::query()` (the Content Lake's full-text search, used by the Studio's lists, search and
 * reference inputs) and its `match` does not look inside objects. The stand-in approximates both: every search
 * term becomes a `*term*` pattern, and `@` in a match becomes a field holding all of a document's strings.
 */
function withTextSearch(query: string, params: Record<string, unknown>, dataset: Document[]) {
  if (!query.includes('text::query(')) return { query, params, dataset }
  const searchParams = { ...params }
  const rewritten = query
    .replace(/text::query\(\s*\$(\w+)\s*\)/g, (_, name: string) => {
      searchParams[`${name}__patterns`] = toPatterns(params[name])
      return `$${name}__patterns`
    })
    .replace(/text::query\(\s*"((?:[^"\\]|\\.)*)"\s*\)/g, (_, text: string) =>
      JSON.stringify(toPatterns(JSON.parse(`"${text}"`))),
    )
    .replace(/\[\s*@\s*,/g, '[__text,')
    .replace(/(^|[^\w.])@\s+match\b/g, '$1__text match')
  const withText = dataset.map((document) => ({ ...document, __text: allStrings(document).join(' ') }))
  return { query: rewritten, params: searchParams, dataset: withText }
}

function toPatterns(value: unknown): string[] {
  const terms = String(value ?? '')
    .split(/\s+/)
    .map((term) => term.replace(/^[-+]|["*]/g, ''))
    .filter(Boolean)
  return terms.length === 0 ? ['*'] : terms.map((term) => `*${term}*`)
}

function allStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const item of value) allStrings(item, into)
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!key.startsWith('_')) allStrings(item, into)
  }
  return into
}

function toPerspective(value: string | null): Perspective {
  const names = (value ?? '').split(',')
  if (names.includes('drafts') || names.includes('previewDrafts')) return 'drafts'
  if (names.includes('raw')) return 'raw'
  return 'published'
}

const draftIdOf = (id: string) => (id.startsWith(DRAFT_PREFIX) ? id : `${DRAFT_PREFIX}${id}`)

/**
 * Sanity's perspectives: published drops drafts and versions; drafts lets a draft stand in for its document. As in
 * the Content Lake, `_originalId` says which stored document a result came from (the Studio's lists rely on it).
 */
function applyPerspective(documents: Document[], perspective: Perspective): Document[] {
  const withOrigin = (document: Document, originalId = document._id): Document => ({
    ...document,
    _originalId: originalId,
  })
  if (perspective === 'raw') return documents.map((document) => withOrigin(document))
  const published = documents.filter((document) => !isDraftId(document._id))
  if (perspective === 'published') return published.map((document) => withOrigin(document))
  const drafts = new Map(
    documents
      .filter((document) => document._id.startsWith('drafts.'))
      .map((draft) => {
        const id = draft._id.slice('drafts.'.length)
        return [id, withOrigin({ ...draft, _id: id }, draft._id)] as const
      }),
  )
  const ids = new Set(published.map((document) => document._id))
  return [
    ...published.map((document) => drafts.get(document._id) ?? withOrigin(document)),
    ...[...drafts.values()].filter((draft) => !ids.has(draft._id)),
  ]
}

// --- writes -------------------------------------------------------------------------------------------------

type MutationInput = Record<string, { _id?: string; id?: string; query?: string; [key: string]: unknown }>

/** Applies mutations in order with Sanity's own mutator; returns each touched document's final state. */
function applyMutations(inputs: MutationInput[], read: (id: string) => Document | null) {
  const working = new Map<string, Document | null>()
  const current = (id: string) => (working.has(id) ? working.get(id)! : read(id))
  for (const input of inputs) {
    const [operation, payload] = Object.entries(input)[0] ?? []
    if (!operation || !payload) throw new StandInError('empty mutation', 400)
    const id = String(payload._id ?? payload.id ?? '')
    if (!id)
      throw new StandInError(`${operation}: the stand-in needs a document id (no query mutations)`, 400)
    const before = current(id)
    if (operation === 'create' && before) throw new StandInError(`Document by ID "${id}" already exists`)
    if (operation === 'patch' && !before) throw new StandInError(`Document "${id}" not found`, 404)
    const after = new Mutation({ mutations: [input] }).apply(structuredClone(before)) as Document | null
    working.set(id, after)
  }
  return [...working].map(([id, next]) => ({ id, next }))
}

interface Action {
  actionType: string
  publishedId?: string
  draftId?: string
  versionId?: string
  attributes?: Document
  patch?: Record<string, unknown>
  includeDrafts?: string[]
  ifPublishedRevisionId?: string
}

/** The Actions API as the Studio uses it for documents with a draft. */
function applyActions(actions: Action[], read: (id: string) => Document | null) {
  const working = new Map<string, Document | null>()
  const current = (id: string) => (working.has(id) ? working.get(id)! : read(id))
  const put = (id: string, document: Document | null) => working.set(id, document && { ...document, _id: id })
  for (const action of actions) {
    const publishedId = action.publishedId ?? ''
    switch (action.actionType) {
      case 'sanity.action.document.create': {
        const id = action.attributes?._id ?? draftIdOf(publishedId)
        if (current(id)) throw new StandInError(`Document by ID "${id}" already exists`)
        put(id, action.attributes as Document)
        break
      }
      case 'sanity.action.document.edit': {
        const draftId = action.draftId ?? draftIdOf(publishedId)
        const base = current(draftId) ?? current(publishedId)
        if (!base)
          throw new StandInError(
            `Cannot edit "${publishedId}": it has neither a draft nor a published version`,
          )
        const patched = new Mutation({ mutations: [{ patch: { ...action.patch, id: draftId } }] }).apply({
          ...structuredClone(base),
          _id: draftId,
        }) as Document
        put(draftId, patched)
        break
      }
      case 'sanity.action.document.publish': {
        const draftId = action.draftId ?? draftIdOf(publishedId)
        const draft = current(draftId)
        if (!draft) throw new StandInError(`Cannot publish "${publishedId}": there is no draft`)
        const published = current(publishedId)
        if (action.ifPublishedRevisionId && published?._rev !== action.ifPublishedRevisionId) {
          throw new StandInError(`Cannot publish "${publishedId}": it changed since the Studio last saw it`)
        }
        put(publishedId, draft)
        put(draftId, null)
        break
      }
      case 'sanity.action.document.unpublish': {
        const draftId = action.draftId ?? draftIdOf(publishedId)
        const published = current(publishedId)
        if (!published) throw new StandInError(`Cannot unpublish "${publishedId}": it is not published`)
        if (!current(draftId)) put(draftId, published)
        put(publishedId, null)
        break
      }
      case 'sanity.action.document.delete':
        put(publishedId, null)
        for (const draftId of action.includeDrafts ?? []) put(draftId, null)
        break
      case 'sanity.action.document.discard':
      case 'sanity.action.document.version.discard':
        put(action.versionId ?? action.draftId ?? draftIdOf(publishedId), null)
        break
      case 'sanity.action.document.replaceDraft':
        put(action.draftId ?? draftIdOf(publishedId), action.attributes as Document)
        break
      default:
        throw new StandInError(`the stand-in does not implement ${action.actionType}`, 400)
    }
  }
  return [...working].map(([id, next]) => ({ id, next }))
}

// --- listen -------------------------------------------------------------------------------------------------

/**
 * Browsers open at most six HTTP/1.1 connections to one host, and the Studio keeps six listeners or more (sanity.io
 * serves them over HTTP/2): held open, they would leave no connection for queries. So listen connections are held
 * briefly and closed; the client reconnects at once (`retry`) with `Last-Event-ID`, and the stand-in replays what
 * it missed from its event log and says `welcomeback`, as Sanity's resumable listener does. The exception is the
 * listener of an open document: while it reconnects the Studio makes the form read-only, so it stays open.
 */
const LISTEN_HOLD_MS = 1500
const LISTEN_RETRY_MS = 200
const EVENT_LOG_SIZE = 10_000

interface LoggedEvent {
  id: number
  mutation: CommittedMutation
  index: number
  total: number
}

interface Listener {
  notify(event: LoggedEvent): void
  close(): void
}

class ListenHub {
  readonly listeners = new Set<Listener>()
  readonly log: LoggedEvent[] = []
  private sequence = 0

  publish(mutation: CommittedMutation, index: number, total: number) {
    const event = { id: ++this.sequence, mutation, index, total }
    this.log.push(event)
    if (this.log.length > EVENT_LOG_SIZE) this.log.splice(0, this.log.length - EVENT_LOG_SIZE)
    for (const listener of this.listeners) listener.notify(event)
  }

  /** Events after `lastId`, or undefined when they are no longer all in the log. */
  since(lastId: number): LoggedEvent[] | undefined {
    if (lastId > this.sequence) return undefined
    const first = this.log[0]?.id ?? this.sequence + 1
    if (lastId + 1 < first) return undefined
    return this.log.filter((event) => event.id > lastId)
  }

  get latest() {
    return this.sequence
  }

  closeAll() {
    for (const listener of this.listeners) listener.close()
  }
}

function openListener(
  request: IncomingMessage,
  response: ServerResponse,
  cors: Record<string, string>,
  url: URL,
  query: string,
  params: Record<string, unknown>,
  hub: ListenHub,
) {
  response.writeHead(200, {
    ...cors,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
  })
  const write = (event: string, id: number, data: unknown) => {
    if (!response.writableEnded)
      response.write(`event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`)
  }
  const tree = parse(query, { params })
  const matches = async (document: Document | null) =>
    document !== null &&
    ((await (await evaluate(tree, { dataset: [document], params })).get()) as unknown[]).length > 0
  const send = async ({ id, mutation, index, total }: LoggedEvent) => {
    if (!(await matches(mutation.previous)) && !(await matches(mutation.next))) return
    write('mutation', id, mutationEvent(mutation, index, total))
  }

  // Events are sent in order: replayed ones first, then live ones, each after the one before.
  let queue = Promise.resolve()
  const enqueue = (event: LoggedEvent) => (queue = queue.then(() => send(event)))
  const listener: Listener = {
    notify: enqueue,
    close() {
      clearTimeout(hold)
      void queue.then(() => response.end())
    },
  }
  hub.listeners.add(listener)

  response.write(`retry: ${LISTEN_RETRY_MS}\n\n`)
  const lastEventId = Number(
    request.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? Number.NaN,
  )
  const missed = Number.isInteger(lastEventId) ? hub.since(lastEventId) : undefined
  if (missed && url.searchParams.get('enableResume') === 'true') {
    for (const event of missed) enqueue(event)
    void queue.then(() => write('welcomeback', hub.latest, { listenerName: `stand-in-${randomUUID()}` }))
  } else {
    for (const event of missed ?? []) enqueue(event)
    void queue.then(() => write('welcome', hub.latest, { listenerName: `stand-in-${randomUUID()}` }))
  }
  const keepOpen = url.searchParams.get('tag')?.endsWith('document.pair.listen') ?? false
  const hold = setTimeout(() => (keepOpen ? response.write(':\n\n') : listener.close()), LISTEN_HOLD_MS)
  request.on('close', () => {
    clearTimeout(hold)
    hub.listeners.delete(listener)
  })
}

function mutationEvent(mutation: CommittedMutation, index: number, total: number) {
  const strip = (document: Document | null) => {
    if (!document) return null
    const { _rev: _ignored, ...rest } = document
    return rest
  }
  return {
    eventId: `${mutation.transactionId}#${mutation.documentId}`,
    documentId: mutation.documentId,
    transactionId: mutation.transactionId,
    transition: !mutation.previous ? 'appear' : !mutation.next ? 'disappear' : 'update',
    identity: OFFLINE_USER.id,
    previousRev: mutation.previous?._rev,
    resultRev: mutation.next?._rev ?? mutation.transactionId,
    timestamp: new Date().toISOString(),
    visibility: 'query',
    transactionTotalEvents: total,
    transactionCurrentEvent: index + 1,
    // The Studio applies `mutations` to its copy of the document: a whole-document replacement says it all.
    mutations: mutation.next
      ? [{ createOrReplace: strip(mutation.next) }]
      : [{ delete: { id: mutation.documentId } }],
    // Mendoza's simplest patch: opcode 0 ("value") replaces the whole document.
    effects: { apply: [0, strip(mutation.next)], revert: [0, strip(mutation.previous)] },
  }
}

// --- assets -------------------------------------------------------------------------------------------------

async function storeUpload(body: Buffer, kind: 'image' | 'file', url: URL, uploadsDir: string) {
  const sha1 = createHash('sha1').update(body).digest('hex')
  const originalFilename = url.searchParams.get('filename') ?? `${sha1}`
  if (kind === 'image') {
    let metadata: { width?: number; height?: number; format?: string }
    try {
      metadata = await sharp(body).metadata()
    } catch {
      throw new StandInError(`"${originalFilename}" is not an image the stand-in can read`, 400)
    }
    const { width = 0, height = 0 } = metadata
    const extension = metadata.format === 'jpeg' ? 'jpg' : (metadata.format ?? 'bin')
    const fileName = `${sha1}-${width}x${height}.${extension}`
    const filePath = path.join(uploadsDir, fileName)
    await writeFile(filePath, body)
    return {
      fileName,
      filePath,
      document: {
        _id: `image-${sha1}-${width}x${height}-${extension}`,
        _type: 'sanity.imageAsset',
        assetId: sha1,
        sha1hash: sha1,
        extension,
        mimeType: MIME_TYPES[`.${extension}`] ?? 'application/octet-stream',
        originalFilename,
        size: body.length,
        path: `images/offline/${fileName}`,
        uploadId: randomUUID(),
        metadata: {
          _type: 'sanity.imageMetadata',
          dimensions: { _type: 'sanity.imageDimensions', width, height, aspectRatio: width / (height || 1) },
          hasAlpha: false,
          isOpaque: true,
        },
      } as Document,
    }
  }
  const extension = path.extname(originalFilename).slice(1).toLowerCase() || 'bin'
  const fileName = `${sha1}.${extension}`
  const filePath = path.join(uploadsDir, fileName)
  await mkdir(uploadsDir, { recursive: true })
  await writeFile(filePath, body)
  return {
    fileName,
    filePath,
    document: {
      _id: `file-${sha1}-${extension}`,
      _type: 'sanity.fileAsset',
      assetId: sha1,
      sha1hash: sha1,
      extension,
      mimeType: 'application/octet-stream',
      originalFilename,
      size: body.length,
      path: `files/offline/${fileName}`,
    } as Document,
  }
}

// --- the user and the project -------------------------------------------------------------------------------

/** What the Studio asks about its user, project and plan: one local administrator, no extra features. */
function accountAnswer(endpoint: string, projectId: string, dataset: string): unknown {
  if (endpoint === '/users/me') return OFFLINE_USER
  if (endpoint === '/auth/id') return { id: OFFLINE_USER.id }
  if (endpoint === '/auth/providers') return { providers: [], thirdPartyLogin: true, sso: { saml: false } }
  if (endpoint === `/projects/${projectId}`) {
    return {
      id: projectId,
      displayName: '离线演示（本机）',
      studioHost: null,
      isBlocked: false,
      isDisabled: false,
      isDisabledByUser: false,
      metadata: {},
      organizationId: null,
      members: [
        {
          id: OFFLINE_USER.id,
          role: 'administrator',
          roles: OFFLINE_USER.roles,
          isRobot: false,
          isCurrentUser: true,
        },
      ],
      features: [],
    }
  }
  if (endpoint === `/projects/${projectId}/datasets`) return [{ name: dataset, aclMode: 'private' }]
  if (endpoint === `/projects/${projectId}/datasets/${dataset}/acl`) {
    return [
      {
        filter: '_id in path("**")',
        permissions: ['read', 'create', 'update', 'history', 'editHistory', 'manage'],
      },
    ]
  }
  if (endpoint === `/projects/${projectId}/grants`) return {}
  if (endpoint === `/projects/${projectId}/roles`) return OFFLINE_USER.roles
  if (endpoint === `/projects/${projectId}/user-applications`) return []
  if (endpoint.startsWith('/users/me/keyvalue')) return []
  if (endpoint.startsWith('/users/')) return [OFFLINE_USER]
  if (endpoint === '/features' || endpoint.endsWith('/features')) return []
  if (endpoint.startsWith('/journey/')) return {}
  return {}
}

// --- HTTP helpers -------------------------------------------------------------------------------------------

/** The Studio is served from `localhost:<port>` and calls `offline.localhost:<port>`: answer as sanity.io does. */
function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin
  if (!origin) return {}
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': String(
      request.headers['access-control-request-headers'] ?? 'content-type',
    ),
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  }
}

async function serveStatic(response: ServerResponse, root: string, pathname: string) {
  const resolved = path.resolve(root, `.${decodeURIComponent(pathname)}`)
  const inside = resolved.startsWith(path.resolve(root) + path.sep)
  const file = inside && (await isFile(resolved)) ? resolved : path.join(root, 'index.html')
  return serveFile(response, file, { 'Cache-Control': 'no-cache' })
}

async function isFile(file: string) {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

async function serveFile(response: ServerResponse, file: string, headers: Record<string, string>) {
  const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  response.writeHead(200, { ...headers, 'Content-Type': type })
  createReadStream(file).pipe(response)
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function send(
  response: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(payload))
}
