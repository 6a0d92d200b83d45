import { readFile, realpath } from 'node:fs/promises'
import { DeliveryError } from './errors.ts'
import { REPO_ROOT } from './edition.ts'
import { isInside } from './state.ts'

/**
 * The recipients CSV the alumni office exports from its database: one address a row, optionally a name for the
 * greeting. It is read where it lies and kept in memory only; a file inside the repository is refused, so an
 * export can never end up committed, imported into the dataset or published with the site.
 */

export interface Recipient {
  address: string
  name?: string
  /** Line in the CSV, for reports the editor can find again. */
  line: number
}

export interface RejectedRow {
  line: number
  value: string
  reason: string
}

export interface RecipientList {
  recipients: Recipient[]
  rejected: RejectedRow[]
  duplicates: number
}

const ADDRESS_HEADERS = [
  'email',
  'e-mail',
  'mail',
  'address',
  '邮箱',
  '电子邮箱',
  '电子邮件',
  '邮件地址',
  '邮箱地址',
  'email address',
]
const NAME_HEADERS = ['name', '姓名', '名字', '称呼', 'full name']
// Deliberately plain: one @, a dot in the domain, no spaces, quotes or angle brackets (which would let a cell
// add headers or a second recipient).
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/

export async function readRecipients(file: string, forbidden: string[] = []): Promise<RecipientList> {
  const real = await realpath(file).catch(() => {
    throw new DeliveryError(`收件人文件 ${file} 不存在。`)
  })
  for (const folder of [REPO_ROOT, ...forbidden]) {
    if (await isInside(real, folder)) {
      throw new DeliveryError(
        `收件人文件 ${file} 在 ${folder} 里面（is inside）。请把校友名单放在项目文件夹以外（例如桌面），` +
          `这样名单永远不会被提交到代码库或发布到网站上。`,
      )
    }
  }
  return parseRecipients(decodeCsv(await readFile(real)))
}

/** Excel in China saves CSV as GB18030 unless told otherwise; everything else sends UTF-8 (with or without BOM). */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

export function parseRecipients(text: string): RecipientList {
  const rows = parseCsv(text)
  let addressColumn = 0
  let nameColumn: number | undefined = 1
  let start = 0
  const header = rows[0]?.cells.map((cell) => cell.trim().toLowerCase())
  if (header && !header.some((cell) => cell.includes('@'))) {
    const found = header.findIndex((cell) => ADDRESS_HEADERS.includes(cell))
    if (found < 0) {
      throw new DeliveryError(
        `收件人文件的第一行（${rows[0]!.cells.join(', ')}）里没有邮箱列：请把邮箱列的表头写成“邮箱”或 email（姓名列写成“姓名”或 name）。`,
      )
    }
    addressColumn = found
    const name = header.findIndex((cell) => NAME_HEADERS.includes(cell))
    nameColumn = name >= 0 ? name : undefined
    start = 1
  }
  const seen = new Set<string>()
  const list: RecipientList = { recipients: [], rejected: [], duplicates: 0 }
  for (const row of rows.slice(start)) {
    const address = (row.cells[addressColumn] ?? '').trim()
    if (!address && row.cells.every((cell) => !cell.trim())) continue
    if (!ADDRESS.test(address) || address.length > 254) {
      list.rejected.push({
        line: row.line,
        value: address,
        reason: address ? '不是有效的邮箱地址' : '缺少邮箱地址',
      })
      continue
    }
    const key = normalizeAddress(address)
    if (seen.has(key)) {
      list.duplicates++
      continue
    }
    seen.add(key)
    const name =
      nameColumn === undefined
        ? undefined
        : row.cells[nameColumn]
            ?.replace(/[\r\n\t]+/g, ' ')
            .trim()
            .slice(0, 40)
    list.recipients.push({ address, name: name || undefined, line: row.line })
  }
  return list
}

/** One spelling per mailbox, for de-duplication and the send log. */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase()
}

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks. Semicolon-separated exports too. */
export function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
  const source = text.replace(/^\uFEFF/, '')
  const firstLine = source.split(/\r?\n/, 1)[0] ?? ''
  const separator =
    !firstLine.includes(',') && firstLine.includes(';')
      ? ';'
      : firstLine.includes('\t') && !firstLine.includes(',')
        ? '\t'
        : ','
  const rows: Array<{ line: number; cells: string[] }> = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"'
        index++
      } else if (char === '"') quoted = false
      else {
        if (char === '\n') line++
        cell += char
      }
    } else if (char === '"' && cell === '') quoted = true
    else if (char === separator) {
      cells.push(cell)
      cell = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++
      cells.push(cell)
      rows.push({ line: rowLine, cells })
      cells = []
      cell = ''
      line++
      rowLine = line
    } else cell += char
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell)
    rows.push({ line: rowLine, cells })
  }
  return rows
}

/** z***@example.com: enough for an editor to recognise, not a copy of the address. */
export function maskAddress(address: string): string {
  const [local = '', domain = ''] = address.split('@')
  return `${local.slice(0, 1)}***@${domain}`
}
