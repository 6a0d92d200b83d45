import { createHmac, randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DeliveryError } from './errors.ts'
import { normalizeAddress } from './recipients.ts'

/**
 * The e-mail send log: one line per delivered message, appended and flushed to disk as soon as the SMTP server
 * accepted it, so a crash or a rerun sends only to the rest. It lives in the state folder (outside the repository
 * and the build), one file per site and issue, and holds no address: each is recorded as an HMAC-SHA256 under a
 * random key kept beside the logs (`recipient-key`), which is enough to recognise an address again and not enough
 * to read one back (a plain hash of an address can be reversed by guessing).
 */

export interface SendLog {
  file: string
  has(address: string): boolean
  record(address: string, messageId: string | undefined): Promise<void>
  readonly size: number
}

export async function openSendLog(stateDir: string, site: string, slug: string): Promise<SendLog> {
  const dir = path.join(stateDir, 'sent', site)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const file = path.join(dir, `${slug}.jsonl`)
  const existing = await readFile(file, 'utf8').catch(() => '')
  const anyLog = (await readdir(path.join(stateDir, 'sent'), { recursive: true })).some((name) =>
    String(name).endsWith('.jsonl'),
  )
  const key = await recipientKey(stateDir, anyLog)
  const tag = (address: string) =>
    createHmac('sha256', key).update(normalizeAddress(address)).digest('base64url')
  const delivered = new Set<string>()
  const lines = existing.split('\n')
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue
    try {
      delivered.add((JSON.parse(line) as { recipient: string }).recipient)
    } catch {
      // Only the last line can be cut short (a crash while writing it): that delivery was not recorded.
      if (index < lines.length - 2) {
        throw new DeliveryError(
          `发送记录 ${file} 第 ${index + 1} 行已损坏：请联系技术同事；只有确认这一期一封都没发出时，才能把它移走。`,
        )
      }
    }
  }
  return {
    file,
    get size() {
      return delivered.size
    },
    has: (address) => delivered.has(tag(address)),
    async record(address, messageId) {
      const recipient = tag(address)
      delivered.add(recipient)
      const handle = await open(file, 'a', 0o600)
      try {
        await handle.appendFile(`${JSON.stringify({ recipient, at: new Date().toISOString(), messageId })}\n`)
        await handle.sync()
      } finally {
        await handle.close()
      }
    },
  }
}

async function recipientKey(stateDir: string, logsExist: boolean): Promise<Buffer> {
  const file = path.join(stateDir, 'recipient-key')
  const stored = await readFile(file, 'utf8').catch(() => undefined)
  if (stored) return Buffer.from(stored.trim(), 'base64url')
  if (logsExist) {
    throw new DeliveryError(
      `密钥文件 ${file} 不见了，但发送记录还在：没有密钥就认不出谁已经收到，再发会让所有人收到第二封。` +
        `请从状态文件夹的备份中恢复它。`,
    )
  }
  const key = randomBytes(32)
  await writeFile(file, key.toString('base64url'), { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error
    },
  )
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url')
}
