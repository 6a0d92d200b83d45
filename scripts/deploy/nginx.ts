/**
 * Runs the real nginx (Debian's /usr/sbin/nginx) on a built site with the shipped configuration in deploy/nginx/,
 * included unchanged: only the root, the port and the paths of pid, logs and temp files are set here, all under a
 * temporary folder, so it runs beside a system nginx, as root or not, and leaves nothing behind.
 * Used by `npm run serve` and by the tests.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import path from 'node:path'
import { PREVIEW_HEADERS } from '../../site/lib/headers.ts'
import { SNIPPET_DIR } from './nginxConfig.ts'

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
const ROOT = path.resolve(import.meta.dirname, '../..')
export const SHIPPED_CONFIG_DIR = path.join(ROOT, 'deploy/nginx')

/** Debian's libnginx-mod-http-brotli-filter; used when installed, never required. */
const BROTLI_MODULES = [
  '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so',
  '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so',
]
export const brotliAvailable = () => existsSync(BROTLI_MODULES[0]!)

export interface NginxServer {
  url: string
  port: number
  /** Whether responses are served with the preview headers (the site's own _headers says it is a preview). */
  preview: boolean
  brotli: boolean
  process: ChildProcess
  close(): Promise<void>
}

export interface NginxOptions {
  /** The built site (dist/). */
  root: string
  /** Default: a free port. */
  port?: number
  host?: string
  /** Default: taken from the site's `_headers` (a preview build marks itself). */
  preview?: boolean
}

export async function startNginx(options: NginxOptions): Promise<NginxServer> {
  // A free port found here can be taken by another process before nginx binds it: then try another.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options)
    } catch (error) {
      if (
        options.port !== undefined ||
        attempt >= 3 ||
        !/Address already in use/.test((error as Error).message)
      )
        throw error
    }
  }
}

async function startOnce(options: NginxOptions): Promise<NginxServer> {
  if (!existsSync(NGINX_PATH))
    throw new Error(`${NGINX_PATH} not found: install nginx (apt-get install nginx)`)
  const root = path.resolve(options.root)
  if (!existsSync(path.join(root, 'index.html')))
    throw new Error(`${root} has no index.html: build the site first (npm run build)`)
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? (await freePort(host))
  const preview = options.preview ?? (await isPreviewBuild(root))
  const brotli = brotliAvailable()

  const prefix = await mkdtemp(path.join(tmpdir(), 'alumni-nginx-'))
  // The shipped files, as they would sit in /etc/nginx/alumni-news/; a preview server uses the preview headers.
  await cp(path.join(SHIPPED_CONFIG_DIR, SNIPPET_DIR), path.join(prefix, SNIPPET_DIR), { recursive: true })
  if (preview)
    await cp(
      path.join(prefix, SNIPPET_DIR, 'headers-preview.conf'),
      path.join(prefix, SNIPPET_DIR, 'headers.conf'),
    )
  const conf = path.join(prefix, 'nginx.conf')
  await writeFile(
    conf,
    [
      // As root, nginx would switch its workers to "nobody", who may not read a checkout under /root or /home.
      ...(process.getuid?.() === 0 ? [`user ${userInfo().username};`] : []),
      ...(brotli ? BROTLI_MODULES.filter(existsSync).map((module) => `load_module ${module};`) : []),
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log warn;`,
      'events { worker_connections 256; }',
      'http {',
      '    include /etc/nginx/mime.types;',
      '    default_type application/octet-stream;',
      '    sendfile on;',
      `    access_log ${prefix}/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `    ${kind}_temp_path ${prefix}/${kind}_temp;`,
      ),
      '    server {',
      `        listen ${host}:${port};`,
      `        root ${root};`,
      `        include ${SNIPPET_DIR}/site.conf;`,
      ...(brotli ? [`        include ${SNIPPET_DIR}/brotli.conf;`] : []),
      '    }',
      '}',
      '',
    ].join('\n'),
  )

  // -p: relative paths (the includes) resolve in the temp folder; -e: not even the startup log goes to /var/log.
  const child = spawn(
    NGINX_PATH,
    ['-p', prefix, '-e', `${prefix}/error.log`, '-c', conf, '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  let exited: number | null | undefined
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exited = code
      resolve()
    }),
  )
  const cleanup = () => rm(prefix, { recursive: true, force: true })
  const url = `http://${host}:${port}`

  for (let waited = 0; ; waited += 50) {
    if (exited !== undefined || waited > 10_000) {
      const log = await readFile(`${prefix}/error.log`, 'utf8').catch(() => '')
      child.kill('SIGKILL')
      await cleanup()
      throw new Error(
        `nginx did not start on ${host}:${port}${exited !== undefined ? ` (exit ${exited})` : ''}:\n${log}`,
      )
    }
    // The pid file is written once the port is bound: until then, whoever answers may be someone else.
    if (existsSync(`${prefix}/nginx.pid`) && (await answers(url))) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  return {
    url,
    port,
    preview,
    brotli,
    process: child,
    async close() {
      if (exited === undefined) {
        child.kill('SIGQUIT') // graceful: finish open responses, then stop
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exit
        clearTimeout(timer)
      }
      await cleanup()
    },
  }
}

async function isPreviewBuild(root: string): Promise<boolean> {
  const headers = await readFile(path.join(root, '_headers'), 'utf8').catch(() => '')
  return Object.keys(PREVIEW_HEADERS).some((name) => new RegExp(`^\\s+${name}:`, 'm').test(headers))
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(1000) })
    await response.body?.cancel()
    return true
  } catch {
    return false
  }
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, host, () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}
