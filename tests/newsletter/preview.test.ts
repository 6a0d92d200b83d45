import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadEdition } from '../../scripts/newsletter/edition.ts'
import { ROOT, buildSiteOrThrow } from '../support/buildSite.ts'
import { runNewsletterCommand } from '../support/newsletterCommand.ts'
import { PLANTED, writePrivacyDataset } from '../support/privacyFixture.ts'
import { startSmtpServer, type TestSmtpServer } from '../support/smtpServer.ts'
import { startWechatStandIn, type WechatStandIn } from '../support/wechatStandIn.ts'

// Neither delivery command sends from anything but a production build: a real preview build (drafts shown) of
// the privacy fixture, a copy without the production marker and a build made with a future clock are refused.

const site = inject('sampleSiteDir')
const WORK = path.join(ROOT, 'test-results/newsletter-preview')
const PREVIEW = path.join(WORK, 'preview')
const SLUG = 'issue-test'

let outside: string
let smtp: TestSmtpServer
let api: WechatStandIn

beforeAll(async () => {
  await rm(WORK, { recursive: true, force: true })
  await writePrivacyDataset(path.join(WORK, 'dataset'))
  await buildSiteOrThrow({
    outDir: PREVIEW,
    env: { CONTENT_DATASET: path.join(WORK, 'dataset'), CONTENT_PERSPECTIVE: 'drafts' },
  })
  outside = await mkdtemp(path.join(os.tmpdir(), 'newsletter-preview-'))
  smtp = await startSmtpServer({ security: 'starttls', user: 'u', password: 'p' })
  api = await startWechatStandIn()
})

afterAll(async () => {
  await Promise.all([smtp.close(), api.close()])
  await rm(outside, { recursive: true, force: true })
})

function refusesEverywhere(buildDir: string, message: RegExp) {
  return async () => {
    const recipients = path.join(outside, 'alumni.csv')
    await writeFile(recipients, '邮箱\nalumnus.pv.qz8@example.org\n')
    const common = { NEWSLETTER_STATE_DIR: path.join(outside, 'state'), NEWSLETTER_BUILD_DIR: buildDir }
    const send = await runNewsletterCommand('send', [SLUG, '--recipients', recipients], {
      ...common,
      SMTP_HOST: 'localhost',
      SMTP_PORT: String(smtp.port),
      SMTP_USER: 'u',
      SMTP_PASSWORD: 'p',
      SMTP_CA_FILE: smtp.caFile,
      NEWSLETTER_FROM: 'xiaoyou@minghu.example',
      NEWSLETTER_UNSUBSCRIBE: 'mailto:xiaoyou@minghu.example',
    })
    expect(send.code).toBe(1)
    expect(send.stderr).toMatch(message)
    const wechat = await runNewsletterCommand('wechat', [SLUG], {
      ...common,
      WECHAT_APPID: api.appId,
      WECHAT_APPSECRET: api.appSecret,
      WECHAT_API_BASE: api.url,
    })
    expect(wechat.code).toBe(1)
    expect(wechat.stderr).toMatch(message)
    expect(smtp.connections).toBe(0)
    expect(api.requests).toHaveLength(0)
  }
}

describe('delivery only from a production build', () => {
  it('the preview edition shows drafts and says so', async () => {
    const edition = await readFile(path.join(PREVIEW, 'newsletter', SLUG, 'edition.html'), 'utf8')
    expect(edition).toContain('<meta name="edition:build" content="preview">')
    expect(edition).toContain('预览版')
    expect(edition).toContain(PLANTED.draftTitle)
  })

  it('refuses to send or upload a preview build', refusesEverywhere(PREVIEW, /preview build/))

  it('refuses an edition without the production marker', async () => {
    const copy = path.join(outside, 'unmarked')
    const slug = 'ming-hu-xiao-you-2025-nian-di-1-qi-zong-di-88-qi'
    await cp(path.join(site, 'newsletter', slug), path.join(copy, 'newsletter', slug), { recursive: true })
    const file = path.join(copy, 'newsletter', slug, 'edition.html')
    await writeFile(file, (await readFile(file, 'utf8')).replace(/<meta name="edition:build"[^>]*>\n/, ''))
    await expect(loadEdition(slug, { buildDir: copy })).rejects.toThrow(/not marked as a production build/)
  })

  it('refuses a build made with its clock in the future, and an issue the build does not have', async () => {
    const slug = 'ming-hu-xiao-you-2025-nian-di-1-qi-zong-di-88-qi'
    await expect(
      loadEdition(slug, { buildDir: site, now: new Date('2026-01-01T00:00:00Z') }),
    ).rejects.toThrow(/clock set to/)
    await expect(loadEdition(slug, { buildDir: site })).resolves.toMatchObject({ slug })
    await expect(loadEdition(PLANTED.draftSlug, { buildDir: site })).rejects.toThrow(/没有已发布/)
    await expect(loadEdition('../secrets', { buildDir: site })).rejects.toThrow(/不是一期通讯的网址标识/)
  })
})
