/**
 * Studio settings from `SANITY_STUDIO_*` environment variables. The same config is loaded by the browser
 * bundle (Vite exposes them on `import.meta.env`) and by CLI commands in Node (`process.env`).
 */
function studioEnv(name: string): string | undefined {
  const vite = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env
  const value = vite?.[name] ?? (typeof process === 'undefined' ? undefined : process.env[name])
  return value?.trim() || undefined
}

/** A syntactically valid id, so `sanity build`, `schema extract` and `typegen` run offline without a project. */
export const PLACEHOLDER_PROJECT_ID = 'placeholder'

/**
 * The offline demo (`npm run studio:offline`): the Studio talks to the local stand-in of the Content Lake that
 * serves it, never to sanity.io. Set at build time by scripts/studio-offline/.
 */
export const offline = studioEnv('SANITY_STUDIO_OFFLINE') === 'true'
export const OFFLINE_PROJECT_ID = 'offline'

export const projectId =
  studioEnv('SANITY_STUDIO_PROJECT_ID') ?? (offline ? OFFLINE_PROJECT_ID : PLACEHOLDER_PROJECT_ID)
export const dataset = studioEnv('SANITY_STUDIO_DATASET') ?? 'production'

/**
 * Offline, the API is the origin that served the Studio (the client prefixes the project id, so requests go to
 * `http://offline.localhost:<port>/…`, which browsers resolve to this machine). Online, Sanity's default host.
 */
export const apiHost = offline && typeof window !== 'undefined' ? window.location.origin : undefined

/** Where published documents are read. */
export const siteUrl = studioEnv('SANITY_STUDIO_SITE_URL') ?? 'https://alumni.example.edu.cn'
/** A preview deployment that renders drafts; drafts link there when it is set. */
export const previewUrl = studioEnv('SANITY_STUDIO_PREVIEW_URL')
