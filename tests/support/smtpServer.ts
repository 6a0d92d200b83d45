import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server in the test process (the `smtp-server` package): STARTTLS or implicit TLS with a self-signed
 * certificate made by the openssl CLI, a login, and per-address refusals. Every accepted message is kept raw and
 * parsed into its headers and parts.
 */

export interface ReceivedMessage {
  envelopeTo: string[]
  raw: string
  headers: Map<string, string>
  text: string
  html: string
  /** Milliseconds since the server started. */
  at: number
}

export interface TestSmtpServer {
  port: number
  caFile: string
  messages: ReceivedMessage[]
  /** Connections made (a dry run must make none). */
  connections: number
  close(): Promise<void>
}

export interface SmtpServerOptions {
  security: 'starttls' | 'tls'
  user: string
  password: string
  /** RCPT TO these addresses is refused with 550. */
  refuse?: Set<string>
  /** Called for each message before it is accepted; return false to answer 451 (not accepted). */
  beforeAccept?: (count: number) => boolean
}

let certificate: { key: string; cert: string; file: string } | undefined

/** A self-signed certificate for localhost, made once per test file. */
export function selfSignedCertificate() {
  if (certificate) return certificate
  const dir = mkdtempSync(path.join(os.tmpdir(), 'smtp-cert-'))
  const key = path.join(dir, 'key.pem')
  const cert = path.join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  )
  certificate = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8'), file: cert }
  return certificate
}

export async function startSmtpServer(options: SmtpServerOptions): Promise<TestSmtpServer> {
  const { key, cert, file } = selfSignedCertificate()
  const started = Date.now()
  const messages: ReceivedMessage[] = []
  let connections = 0
  let offered = 0
  const server = new SMTPServer({
    secure: options.security === 'tls',
    key,
    cert,
    authMethods: ['PLAIN', 'LOGIN'],
    // A real submission server refuses a login before TLS; so does this one.
    allowInsecureAuth: false,
    logger: false,
    onConnect(_session, callback) {
      connections++
      callback()
    },
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password)
        callback(null, { user: auth.username })
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.has(address.address.toLowerCase())) {
        callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), {
            responseCode: 550,
          }),
        )
      } else callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        offered++
        if (options.beforeAccept && !options.beforeAccept(offered)) {
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }))
          return
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        messages.push({
          ...parseMessage(raw),
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          at: Date.now() - started,
        })
        callback()
      })
    },
  })
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.server.address() as AddressInfo).port,
    caFile: file,
    messages,
    get connections() {
      return connections
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Just enough MIME for what nodemailer writes: headers with encoded words, multipart/alternative, base64/QP. */
export function parseMessage(raw: string): { headers: Map<string, string>; text: string; html: string } {
  const [head, body] = splitHeadBody(raw)
  const headers = parseHeaders(head)
  const parts: Record<string, string> = { text: '', html: '' }
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1]
  const sections = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`]
  for (const section of sections) {
    const [partHead, partBody] = splitHeadBody(section.replace(/^\r?\n/, ''))
    const partHeaders = parseHeaders(partHead)
    const type = partHeaders.get('content-type') ?? ''
    const decoded = decodeBody(partBody, partHeaders.get('content-transfer-encoding') ?? '7bit')
    if (type.startsWith('text/plain')) parts.text = decoded
    if (type.startsWith('text/html')) parts.html = decoded
  }
  return { headers, text: parts.text!, html: parts.html! }
}

function splitHeadBody(raw: string): [string, string] {
  const index = raw.search(/\r?\n\r?\n/)
  if (index < 0) return [raw, '']
  return [raw.slice(0, index), raw.slice(index).replace(/^\r?\n\r?\n/, '')]
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()))
  }
  return headers
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g,
      (_match, _charset: string, encoding: string, text: string) =>
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : Buffer.from(decodeQuotedPrintable(text.replace(/_/g, ' ')), 'latin1').toString('utf8'),
    )
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (/quoted-printable/i.test(encoding))
    return Buffer.from(decodeQuotedPrintable(body.replace(/=\r?\n/g, '')), 'latin1').toString('utf8')
  return body
}

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}
