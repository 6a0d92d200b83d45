import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ROOT } from '../support/buildSite.ts'
import { runNewsletterCommand } from '../support/newsletterCommand.ts'
import { startSmtpServer, type SmtpServerOptions, type TestSmtpServer } from '../support/smtpServer.ts'
import { fileForPath, listFiles } from '../support/siteFiles.ts'

// `npm run newsletter:send` against a real SMTP server in this process, sending the sample build's editions.

const site = inject('sampleSiteDir')
const SITE_ORIGIN = 'https://alumni.example.edu.cn'
const USER = 'newsletter'
const PASSWORD = `pw-${Math.random().toString(36).slice(2)}-QZ8`
const ALUMNI = ['张三', '李四', '', '王五', '赵六', '钱七'].map((name, index) => ({
  name,
  address: `alumnus${index + 1}.qz8@example.org`,
}))

let work: string
let slug: string
let title: string
let edition: string
let servers: TestSmtpServer[] = []

beforeAll(async () => {
  // Everything about recipients lives outside the repository, as it must for the command to accept it.
  work = await mkdtemp(path.join(os.tmpdir(), 'newsletter-send-'))
  const issues = (await readdir(path.join(site, 'newsletter'), { withFileTypes: true })).filter((entry) =>
    entry.isDirectory(),
  )
  slug = issues[0]!.name
  edition = await readFile(path.join(site, 'newsletter', slug, 'edition.html'), 'utf8')
  title = /<meta name="edition:title" content="([^"]+)">/.exec(edition)![1]!
})

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()))
  await rm(work, { recursive: true, force: true })
})

async function server(options: Partial<SmtpServerOptions> = {}) {
  const started = await startSmtpServer({ security: 'starttls', user: USER, password: PASSWORD, ...options })
  servers.push(started)
  return started
}

async function recipientsFile(name: string, rows: string[]) {
  const file = path.join(work, name)
  await writeFile(file, `\uFEFF姓名,邮箱\r\n${rows.join('\r\n')}\r\n`)
  return file
}

const csvRows = (people = ALUMNI) => people.map(({ name, address }) => `${name},${address}`)

function settings(smtp: TestSmtpServer, state: string, extra: Record<string, string> = {}) {
  return {
    SMTP_HOST: 'localhost',
    SMTP_PORT: String(smtp.port),
    SMTP_USER: USER,
    SMTP_PASSWORD: PASSWORD,
    SMTP_CA_FILE: smtp.caFile,
    NEWSLETTER_FROM: '明湖大学校友总会 <xiaoyou@minghu.example>',
    NEWSLETTER_UNSUBSCRIBE: 'mailto:xiaoyou@minghu.example',
    NEWSLETTER_STATE_DIR: state,
    NEWSLETTER_BUILD_DIR: site,
    NEWSLETTER_RATE: '6000',
    ...extra,
  }
}

const stateDir = (name: string) => path.join(work, `state-${name}`)

/** Every address, how many messages it received. */
function deliveries(smtp: TestSmtpServer): Map<string, number> {
  const counts = new Map<string, number>()
  for (const message of smtp.messages)
    for (const to of message.envelopeTo) counts.set(to, (counts.get(to) ?? 0) + 1)
  return counts
}

describe('newsletter:send', () => {
  it('delivers the edition over STARTTLS to every recipient: HTML and plain text, headers, greeting, 退订, absolute image URLs', async () => {
    const smtp = await server()
    const file = await recipientsFile('alumni.csv', csvRows())
    const result = await runNewsletterCommand(
      'send',
      [slug, '--recipients', file],
      settings(smtp, stateDir('full'), { NEWSLETTER_RATE: '600' }),
    )
    expect(result.code, result.output).toBe(0)
    expect([...deliveries(smtp).entries()].sort()).toEqual(ALUMNI.map(({ address }) => [address, 1]).sort())

    for (const message of smtp.messages) {
      const person = ALUMNI.find(({ address }) => message.envelopeTo.includes(address))!
      expect(message.headers.get('subject')).toContain(title)
      expect(message.headers.get('list-unsubscribe')).toBe(
        `<mailto:xiaoyou@minghu.example?subject=${encodeURIComponent('退订')}>`,
      )
      expect(message.headers.get('content-type')).toMatch(/^multipart\/alternative/)
      expect(message.headers.get('from')).toContain('xiaoyou@minghu.example')
      // Both parts, from the same content: the greeting, the title, the issue's permalink, the 退订 line.
      for (const part of [message.html, message.text]) {
        expect(part).toContain(`${person.name || '亲爱的'}校友：您好！`)
        expect(part).toContain(title)
        expect(part).toContain(`${SITE_ORIGIN}/newsletter/${slug}/`)
        expect(part).toContain('退订')
      }
      expect(message.text).not.toMatch(/<(table|td|p|img)\b/)
      // The HTML is the production edition exactly, with only the greeting and the 退订 line filled in.
      const filled = message.html
        .replace(
          /<tr><td style="padding:16px 24px 0;"><p [^>]*>[^<]*校友：您好！<\/p><\/td><\/tr>/,
          '<!--edition:greeting-->',
        )
        .replace(
          /<p [^>]*>不想再收到邮件版《校友通讯》？退订：<a [^>]*>[^<]*<\/a><\/p>/,
          '<!--edition:unsubscribe-->',
        )
      expect(filled).toBe(edition)
      const images = [...message.html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1]!)
      expect(images.length).toBeGreaterThan(0)
      for (const src of images) {
        expect(src.startsWith(`${SITE_ORIGIN}/`), src).toBe(true)
        expect(
          existsSync(path.join(site, fileForPath(new URL(src).pathname))),
          `${src} is a file of the build`,
        ).toBe(true)
      }
    }
    // The rate limit (600 a minute = one every 100 ms) spaces the messages; the first one also waits for the
    // connection, so the spacing is measured from the second (unthrottled, all six arrive within a few ms).
    const times = smtp.messages.map((message) => message.at)
    expect(times.at(-1)! - times[1]!).toBeGreaterThanOrEqual((times.length - 2) * 100 - 30)

    // Credentials and the recipients' addresses stay out of the output; the log holds no address either.
    expect(result.output).not.toContain(PASSWORD)
    for (const { address } of ALUMNI) expect(result.output).not.toContain(address)
    const logs = await readdir(path.join(stateDir('full'), 'sent'), { recursive: true })
    const log = await readFile(
      path.join(stateDir('full'), 'sent', String(logs.find((name) => String(name).endsWith('.jsonl')))),
      'utf8',
    )
    expect(log.trim().split('\n')).toHaveLength(ALUMNI.length)
    for (const { address } of ALUMNI) {
      expect(log).not.toContain(address)
      expect(log).not.toContain(address.split('@')[0])
    }

    // No address reaches the build the messages came from.
    for (const file of await listFiles(site)) {
      const content = await readFile(path.join(site, file), 'latin1')
      for (const { address } of ALUMNI)
        expect(content.includes(address), `${file} holds ${address}`).toBe(false)
    }

    // Run again: everyone has it, nothing is sent.
    const again = await runNewsletterCommand(
      'send',
      [slug, '--recipients', file],
      settings(smtp, stateDir('full')),
    )
    expect(again.code, again.output).toBe(0)
    expect(smtp.messages).toHaveLength(ALUMNI.length)
    expect(again.stdout).toContain(`已发送过 ${ALUMNI.length} 位`)
  })

  it('after a crash halfway, a rerun delivers every address exactly once', async () => {
    let child: ChildProcess | undefined
    // The third message never gets its answer: the sending process dies while the server holds it.
    const smtp = await server({
      beforeAccept: (count) => {
        if (count !== 3) return true
        child!.kill('SIGKILL')
        return false
      },
    })
    const file = await recipientsFile('crash.csv', csvRows())
    const crashed = await runNewsletterCommand(
      'send',
      [slug, '--recipients', file],
      settings(smtp, stateDir('crash')),
      (started) => (child = started),
    )
    expect(crashed.code).not.toBe(0)
    expect(smtp.messages).toHaveLength(2)

    const rerun = await runNewsletterCommand(
      'send',
      [slug, '--recipients', file],
      settings(smtp, stateDir('crash')),
    )
    expect(rerun.code, rerun.output).toBe(0)
    expect(rerun.stdout).toContain('已发送过 2 位')
    expect([...deliveries(smtp).entries()].sort()).toEqual(ALUMNI.map(({ address }) => [address, 1]).sort())
  })

  it('reports bad addresses and SMTP refusals per address at the end, exits non-zero, and delivers the rest', async () => {
    const refused = ALUMNI[2]!.address
    const smtp = await server({ refuse: new Set([refused]) })
    const file = await recipientsFile('mixed.csv', [
      ...csvRows(),
      '孙八,not-an-address',
      `重复,${ALUMNI[0]!.address.toUpperCase()}`,
    ])
    const result = await runNewsletterCommand(
      'send',
      [slug, '--recipients', file],
      settings(smtp, stateDir('mixed')),
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/第 8 行：not-an-address：不是有效的邮箱地址/)
    expect(result.stderr).toContain(`第 4 行：${refused}：服务器拒收（550）`)
    expect([...deliveries(smtp).keys()].sort()).toEqual(
      ALUMNI.map(({ address }) => address)
        .filter((address) => address !== refused)
        .sort(),
    )

    // A rerun tries only the refused address again.
    const rerun = await runNewsletterCommand(
      'send',
      [slug, '--recipients', file],
      settings(smtp, stateDir('mixed')),
    )
    expect(rerun.code).toBe(1)
    expect(rerun.stdout).toContain(`已发送过 ${ALUMNI.length - 1} 位，本次待发 1 位`)
    expect(smtp.messages).toHaveLength(ALUMNI.length - 1)
  })

  it('--dry-run connects to nothing and sends nothing; --test sends one marked copy and records nothing', async () => {
    const smtp = await server()
    const file = await recipientsFile('dry.csv', csvRows())
    const dry = await runNewsletterCommand(
      'send',
      [slug, '--recipients', file, '--dry-run'],
      settings(smtp, stateDir('dry')),
    )
    expect(dry.code, dry.output).toBe(0)
    expect(dry.stdout).toContain('试运行')
    expect(dry.stdout).toContain(`本次待发 ${ALUMNI.length} 位`)
    expect(smtp.connections).toBe(0)

    const test = await runNewsletterCommand(
      'send',
      [slug, '--test', 'editor.qz8@example.org'],
      settings(smtp, stateDir('dry')),
    )
    expect(test.code, test.output).toBe(0)
    expect(smtp.messages).toHaveLength(1)
    expect(smtp.messages[0]!.headers.get('subject')).toMatch(/^\[测试\] /)
    const again = await runNewsletterCommand(
      'send',
      [slug, '--recipients', file, '--dry-run'],
      settings(smtp, stateDir('dry')),
    )
    expect(again.stdout).toContain(`已发送过 0 位`)
  })

  it('sends over implicit TLS too, and never shows the password, even when the server refuses the login', async () => {
    const smtp = await server({ security: 'tls' })
    // The login comes from the settings file the technical colleague writes once (outside the repository).
    const settingsFile = path.join(work, 'newsletter.env')
    await writeFile(settingsFile, `SMTP_SECURITY=tls\nSMTP_USER=${USER}\nSMTP_PASSWORD=${PASSWORD}\n`, {
      mode: 0o600,
    })
    const { SMTP_USER: _user, SMTP_PASSWORD: _password, ...withoutLogin } = settings(smtp, stateDir('tls'))
    const ok = await runNewsletterCommand('send', [slug, '--test', 'editor.qz8@example.org'], {
      ...withoutLogin,
      NEWSLETTER_ENV_FILE: settingsFile,
    })
    expect(ok.code, ok.output).toBe(0)
    expect(ok.stdout).toContain(`设置：${settingsFile}`)
    expect(ok.output).not.toContain(PASSWORD)
    expect(smtp.messages).toHaveLength(1)

    const wrong = `wrong-${PASSWORD}`
    const refused = await runNewsletterCommand('send', [slug, '--test', 'editor.qz8@example.org'], {
      ...settings(smtp, stateDir('tls'), { SMTP_SECURITY: 'tls' }),
      SMTP_PASSWORD: wrong,
    })
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('拒绝了登录')
    expect(refused.output).not.toContain(wrong)
    expect(refused.output).not.toContain(PASSWORD)
  })

  it('refuses a recipients file or a state folder inside the repository, before connecting to anything', async () => {
    const smtp = await server()
    const inside = path.join(ROOT, 'test-results', `recipients-${process.pid}.csv`)
    await writeFile(inside, `邮箱\n${ALUMNI[0]!.address}\n`)
    try {
      const result = await runNewsletterCommand(
        'send',
        [slug, '--recipients', inside],
        settings(smtp, stateDir('inside')),
      )
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('is inside')
      // A symlink from outside does not get around it.
      const link = path.join(work, 'link.csv')
      await import('node:fs/promises').then(({ symlink }) => symlink(inside, link))
      const linked = await runNewsletterCommand(
        'send',
        [slug, '--recipients', link],
        settings(smtp, stateDir('inside')),
      )
      expect(linked.code).toBe(1)
      expect(linked.stderr).toContain('is inside')
    } finally {
      await rm(inside, { force: true })
    }
    const file = await recipientsFile('state.csv', csvRows())
    const state = await runNewsletterCommand(
      'send',
      [slug, '--recipients', file],
      settings(smtp, path.join(ROOT, 'test-results', 'newsletter-state')),
    )
    expect(state.code).toBe(1)
    expect(state.stderr).toContain('NEWSLETTER_STATE_DIR')
    await rm(path.join(ROOT, 'test-results', 'newsletter-state'), { recursive: true, force: true })
    expect(smtp.connections).toBe(0)
  })
})
