/**
 * `npm run serve -- [--port N] [--host H] [--dir dist]`: serves a built site through the real nginx with the shipped
 * configuration (deploy/nginx/), as it runs in production, until Ctrl-C. A preview build (dist-preview/) is served
 * with the preview headers. Needs Debian's nginx (`apt-get install nginx`); the system nginx need not run.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startNginx } from './nginx.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string', default: process.env.OUT_DIR ?? 'dist' },
  },
})
const port = Number(values.port)
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}"`)
  process.exit(2)
}

try {
  const server = await startNginx({ root: path.resolve(values.dir), port, host: values.host })
  console.log(
    `Serving ${values.dir}/ through nginx at ${server.url}/ ` +
      `(${server.preview ? 'preview headers' : 'production headers'}, gzip${server.brotli ? ' + brotli' : ''}). Ctrl-C stops it.`,
  )
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await server.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  server.process.on('exit', async (code) => {
    if (stopping) return
    stopping = true
    console.error(`nginx stopped (exit ${code})`)
    await server.close() // removes the temporary folder
    process.exit(1)
  })
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
