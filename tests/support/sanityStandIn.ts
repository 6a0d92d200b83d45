import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { evaluate, parse } from 'groq-js'
import { readDataset } from '../../site/lib/dataset/read.ts'
import { toContentLakeDocuments } from '../../site/lib/dataset/assets.ts'

/**
 * A local stand-in for Sanity's query API, so the Sanity content source can be built and broken without the
 * network: `GET /v<apiVersion>/data/query/<dataset>?query=…&$param=<json>` and the POST form with a JSON body
 * `{query, params}` are answered with `{ms, query, result}`, evaluated by groq-js over a dataset in export format.
 *
 * Asset documents get `https://cdn.sanity.io/images/<projectId>/<dataset>/…` URLs, as in the Content Lake, so the
 * site builds image URLs with @sanity/image-url and fetches nothing (set `assetUrls: 'file'` to keep file:// URLs
 * and let the site resize the local files instead).
 */

type Document = { _id: string; _type: string; [key: string]: unknown }
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

export interface SanityStandIn {
  /** `http://127.0.0.1:<port>`: the value for SANITY_API_HOST. */
  url: string
  requests: RecordedRequest[]
  /** Answer the next `times` query requests with this fault (then work again). */
  failNext(fault: Fault, times: number): void
  /** Answer every query request with this fault until `recover()`. */
  failAlways(fault: Fault): void
  recover(): void
  /** The env a build needs to read from this stand-in. */
  env(extra?: Record<string, string>): Record<string, string>
  close(): Promise<void>
}

export interface SanityStandInOptions {
  datasetPath: string
  projectId?: string
  dataset?: string
  /** When set, every request must carry `Authorization: Bearer <token>`, as a private dataset requires. */
  token?: string
  assetUrls?: 'cdn' | 'file'
}

export async function startSanityStandIn(options: SanityStandInOptions): Promise<SanityStandIn> {
  const projectId = options.projectId ?? 'test'
  const datasetName = options.dataset ?? 'production'
  const documents = await loadDocuments(options.datasetPath, projectId, datasetName, options.assetUrls ?? 'cdn')
  const requests: RecordedRequest[] = []
  let queued: Array<Fault> = []
  let always: Fault | undefined

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const body = request.method === 'POST' ? await readBody(request) : ''
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: request.headers,
      params: {},
      perspective: 'published',
      status: 0,
    }
    requests.push(recorded)
    const reply = (status: number, payload: unknown) => {
      recorded.status = status
      send(response, status, payload)
    }

    const route = /^\/v([^/]+)\/data\/query\/([^/]+)\/?$/.exec(url.pathname)
    if (!route) return reply(404, { error: { description: `no such endpoint: ${url.pathname}` } })
    if (route[2] !== datasetName) return reply(404, { error: { description: `dataset "${route[2]}" not found` } })

    const fault = always ?? queued.shift()
    if (fault?.kind === 'hang') {
      recorded.status = -1
      return // the client's timeout has to deal with this
    }
    if (fault?.kind === 'status') {
      return reply(fault.status, { error: { description: `stand-in fault ${fault.status}`, type: 'httpError' } })
    }
    if (options.token && request.headers.authorization !== `Bearer ${options.token}`) {
      return reply(401, { error: { description: 'Unauthorized - Session not found', type: 'httpError' } })
    }

    let query: string | undefined
    let params: Record<string, unknown> = {}
    try {
      if (request.method === 'POST') {
        const parsed = JSON.parse(body) as { query?: string; params?: Record<string, unknown> }
        query = parsed.query
        params = parsed.params ?? {}
      } else {
        query = url.searchParams.get('query') ?? undefined
        for (const [key, value] of url.searchParams) if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value)
      }
    } catch (error) {
      return reply(400, { error: { description: `bad request: ${(error as Error).message}` } })
    }
    const perspective = toPerspective(url.searchParams.get('perspective'))
    Object.assign(recorded, { query, params, perspective })
    if (!query) return reply(400, { error: { description: 'param "query" is required' } })

    const started = performance.now()
    try {
      const dataset = applyPerspective(documents, perspective)
      const byId = new Map(dataset.map((document) => [document._id, document]))
      const value = await evaluate(parse(query, { params }), {
        dataset,
        params,
        dereference: ({ _ref }) => byId.get(_ref) ?? null,
      })
      const result = await value.get()
      reply(200, { ms: Math.round(performance.now() - started), query, result })
    } catch (error) {
      reply(400, { error: { description: (error as Error).message, type: 'queryParseError' } })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`

  return {
    url,
    requests,
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
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

async function loadDocuments(datasetPath: string, projectId: string, dataset: string, assetUrls: 'cdn' | 'file') {
  const read = await readDataset(datasetPath)
  if (read.problems.some((problem) => problem.level === 'error')) {
    throw new Error(`the stand-in cannot load ${datasetPath}: ${read.problems.map((problem) => problem.message).join('; ')}`)
  }
  const converted = toContentLakeDocuments(read.records, read.assetsRoot, {
    assetUrl:
      assetUrls === 'cdn'
        ? (asset) =>
            `https://cdn.sanity.io/${asset.kind === 'image' ? 'images' : 'files'}/${projectId}/${dataset}/${asset.sha1}` +
            `${asset.width ? `-${asset.width}x${asset.height}` : ''}.${asset.extension}`
        : undefined,
  })
  // The Content Lake knows nothing of this machine's files.
  return (converted.documents as Document[]).map((document) => {
    if (assetUrls === 'cdn' && (document._type === 'sanity.imageAsset' || document._type === 'sanity.fileAsset')) {
      const { path: _path, ...rest } = document
      return rest as Document
    }
    return document
  })
}

function toPerspective(value: string | null): Perspective {
  if (value === 'drafts' || value === 'previewDrafts') return 'drafts'
  if (value === 'raw') return 'raw'
  return 'published'
}

const isDraftId = (id: string) => id.startsWith('drafts.') || id.startsWith('versions.')

/** Sanity's perspectives: published drops drafts and versions; drafts lets a draft stand in for its document. */
function applyPerspective(documents: Document[], perspective: Perspective): Document[] {
  if (perspective === 'raw') return documents
  const published = documents.filter((document) => !isDraftId(document._id))
  if (perspective === 'published') return published
  const drafts = new Map(
    documents
      .filter((document) => document._id.startsWith('drafts.'))
      .map((draft) => {
        const id = draft._id.slice('drafts.'.length)
        return [id, { ...draft, _id: id }] as const
      }),
  )
  const ids = new Set(published.map((document) => document._id))
  return [
    ...published.map((document) => drafts.get(document._id) ?? document),
    ...[...drafts.values()].filter((draft) => !ids.has(draft._id)),
  ]
}

function readBody(request: import('node:http').IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', (chunk) => (text += chunk))
    request.on('end', () => resolve(text))
    request.on('error', reject)
  })
}

function send(response: ServerResponse, status: number, payload: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(payload))
}
