import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport'
import { DeliveryError } from './errors.ts'

/**
 * SMTP settings from the environment, mapped onto nodemailer's transport options. The password goes into the
 * transport and nowhere else: `describeSmtp` (what the command prints) names the server and the user only, and
 * nodemailer's own logger stays off because its debug output would include the AUTH exchange.
 *
 *   SMTP_HOST      the university's mail server (required)
 *   SMTP_SECURITY  starttls (default: plain connection upgraded with STARTTLS, which must succeed)
 *                  | tls (implicit TLS from the first byte, usually port 465)
 *                  | none (no encryption: only for a relay on this machine, and never with a password)
 *   SMTP_PORT      default 587 (starttls), 465 (tls), 25 (none)
 *   SMTP_USER, SMTP_PASSWORD   login, when the server asks for one
 *   SMTP_CA_FILE   PEM file of a CA to trust besides the system's (a campus server with its own CA)
 */

export type SmtpSecurity = 'starttls' | 'tls' | 'none'

const DEFAULT_PORTS: Record<SmtpSecurity, number> = { starttls: 587, tls: 465, none: 25 }
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1'])

export function smtpTransportOptions(env: NodeJS.ProcessEnv = process.env): SMTPTransportOptions {
  const host = env.SMTP_HOST?.trim()
  if (!host)
    throw new DeliveryError(
      '请设置 SMTP_HOST（学校邮件服务器地址；需要登录时还要设置 SMTP_USER / SMTP_PASSWORD）。',
    )
  const security = (env.SMTP_SECURITY?.trim().toLowerCase() || 'starttls') as SmtpSecurity
  if (!(security in DEFAULT_PORTS))
    throw new DeliveryError(`SMTP_SECURITY 只能是 starttls、tls 或 none，现在是“${env.SMTP_SECURITY}”。`)
  const port = env.SMTP_PORT ? Number(env.SMTP_PORT) : DEFAULT_PORTS[security]
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new DeliveryError(`SMTP_PORT“${env.SMTP_PORT}”不是端口号。`)
  const user = env.SMTP_USER?.trim()
  const pass = env.SMTP_PASSWORD
  if (Boolean(user) !== Boolean(pass))
    throw new DeliveryError('SMTP_USER 和 SMTP_PASSWORD 要么都设置，要么都不设置。')
  if (security === 'none' && (user || !LOOPBACK.has(host))) {
    throw new DeliveryError(
      'SMTP_SECURITY=none 不加密（unencrypted），只允许用于本机（localhost）且不需要登录的邮件中转。' +
        '请改用 starttls（端口 587）或 tls（端口 465）。',
    )
  }
  let ca: string | undefined
  if (env.SMTP_CA_FILE) {
    try {
      ca = readFileSync(env.SMTP_CA_FILE.replace(/^~(?=\/|$)/, homedir()), 'utf8')
    } catch {
      throw new DeliveryError(`无法读取 SMTP_CA_FILE ${env.SMTP_CA_FILE}。`)
    }
  }
  return {
    host,
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'none',
    auth: user ? { user, pass } : undefined,
    tls:
      security === 'none'
        ? undefined
        : { minVersion: 'TLSv1.2', servername: host, ...(ca ? { ca: [ca] } : {}) },
    logger: false,
    debug: false,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  }
}

/** The settings as the command prints them: never the password. */
export function describeSmtp(options: SMTPTransportOptions): string {
  const security = options.secure ? 'TLS' : options.requireTLS ? 'STARTTLS' : '不加密（仅本机）'
  return `${options.host}:${options.port}，${security}${options.auth?.user ? `，用户 ${options.auth.user}` : ''}`
}

/** A sending error in words an editor can act on, without anything the server echoed back about the login. */
export function describeSmtpError(error: unknown): string {
  const failure = error as { code?: string; responseCode?: number; response?: string; message?: string }
  if (failure.code === 'EAUTH')
    return `邮件服务器拒绝了登录（${failure.responseCode ?? ''}）：请检查 SMTP_USER / SMTP_PASSWORD。`
  if (failure.code === 'ETLS' || /certificate|self.signed|TLS/i.test(failure.message ?? '')) {
    return `无法与邮件服务器建立加密连接：${firstLine(failure.message)}。如学校邮件服务器使用自签证书，请把其 CA 证书路径设为 SMTP_CA_FILE。`
  }
  if (
    failure.code === 'ECONNECTION' ||
    failure.code === 'ETIMEDOUT' ||
    failure.code === 'EDNS' ||
    failure.code === 'ESOCKET'
  ) {
    return `连接邮件服务器失败（${failure.code}）：${firstLine(failure.message)}`
  }
  if (failure.responseCode)
    return `服务器拒收（${failure.responseCode}）：${firstLine(failure.response ?? failure.message)}`
  return firstLine(failure.message ?? String(error))
}

/** Whether the error is about this one message (try the next address) or about the connection (stop the run). */
export function isPerRecipientError(error: unknown): boolean {
  const failure = error as { code?: string; responseCode?: number }
  if (failure.code === 'EENVELOPE' || failure.code === 'EMESSAGE') return failure.responseCode !== 421
  return false
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]!.slice(0, 300)
}
