import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'node-html-parser'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { runNewsletterCommand } from '../support/newsletterCommand.ts'
import { startWechatStandIn, type WechatStandIn } from '../support/wechatStandIn.ts'

// `npm run newsletter:wechat` against a local stand-in of the WeChat Official Accounts API endpoints it calls,
// putting the sample build's issues into the (stand-in) draft box.

const site = inject('sampleSiteDir')
const SITE_ORIGIN = 'https://alumni.example.edu.cn'

let work: string
let slugs: string[]
let api: WechatStandIn
let state: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'newsletter-wechat-'))
  slugs = (await readdir(path.join(site, 'newsletter'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
  api = await startWechatStandIn()
})

afterAll(async () => {
  await api.close()
  await rm(work, { recursive: true, force: true })
})

let stateCounter = 0
beforeEach(() => {
  api.requests.length = 0
  state = path.join(work, `state-${stateCounter++}`)
})

const settings = () => ({
  WECHAT_APPID: api.appId,
  WECHAT_APPSECRET: api.appSecret,
  WECHAT_API_BASE: api.url,
  NEWSLETTER_STATE_DIR: state,
  NEWSLETTER_BUILD_DIR: site,
})
const wechat = (slug: string, ...args: string[]) =>
  runNewsletterCommand('wechat', [slug, ...args], settings())
const calls = (endpoint: string) => api.requests.filter((request) => request.endpoint === endpoint)

async function editionOf(slug: string) {
  const html = await readFile(path.join(site, 'newsletter', slug, 'edition.html'), 'utf8')
  const document = parse(html)
  return {
    title: document.querySelector('meta[name="edition:title"]')!.getAttribute('content')!,
    cover: document.querySelector('meta[name="edition:cover"]')?.getAttribute('content'),
    images: [...new Set(document.querySelectorAll('img').map((image) => image.getAttribute('src')!))],
  }
}

describe('newsletter:wechat', () => {
  it('puts the issue into the draft box: images uploaded and rewritten, the cover as thumbnail, 阅读原文 the permalink', async () => {
    const slug = slugs[0]!
    const edition = await editionOf(slug)
    const result = await wechat(slug)
    expect(result.code, result.output).toBe(0)
    expect(result.stdout).toContain('已放入公众号草稿箱')

    // The stable token (it leaves other tools' tokens of the same account valid), from AppID and AppSecret.
    expect(calls('/cgi-bin/stable_token')).toHaveLength(1)
    expect(calls('/cgi-bin/stable_token')[0]!.json).toMatchObject({
      grant_type: 'client_credential',
      appid: api.appId,
      secret: api.appSecret,
    })
    // Every image of the edition once, as a JPEG or PNG; the cover once more as a permanent image.
    const uploads = calls('/cgi-bin/media/uploadimg')
    expect(uploads).toHaveLength(edition.images.length)
    for (const upload of uploads) expect(upload.media!.type).toMatch(/^image\/(jpeg|png)$/)
    const covers = calls('/cgi-bin/material/add_material')
    expect(covers).toHaveLength(1)
    expect(covers[0]!.query.type).toBe('image')
    expect(edition.cover).toBeDefined()
    const coverFile = await readFile(path.join(site, new URL(edition.cover!).pathname))
    expect(covers[0]!.media!.bytes.equals(coverFile)).toBe(true)

    const drafts = calls('/cgi-bin/draft/add')
    expect(drafts).toHaveLength(1)
    const article = (drafts[0]!.json!.articles as Array<Record<string, string>>)[0]!
    expect(article.title).toBe(edition.title)
    expect([...article.title!].length).toBeLessThanOrEqual(32)
    expect([...article.author!].length).toBeLessThanOrEqual(16)
    expect([...article.digest!].length).toBeLessThanOrEqual(128)
    expect(article.content_source_url).toBe(`${SITE_ORIGIN}/newsletter/${slug}/`)
    expect(article.thumb_media_id).toMatch(/^standin-media-/)
    // The body: only images on WeChat's servers, no links out, no page wrapper, no slots.
    const body = parse(article.content!)
    const sources = body.querySelectorAll('img').map((image) => image.getAttribute('src')!)
    expect(sources).toHaveLength(
      parse(await readFile(path.join(site, 'newsletter', slug, 'edition.html'), 'utf8')).querySelectorAll(
        'img',
      ).length,
    )
    for (const src of sources) expect(src).toMatch(/^http:\/\/mmbiz\.qpic\.cn\/standin_jpg\//)
    expect(body.querySelectorAll('a')).toHaveLength(0)
    expect(article.content).not.toMatch(/<(html|head|body|meta)\b|edition:/)
    expect(article.content).toContain(edition.title)

    // Neither the AppSecret nor the access token is shown.
    const token = api.requests.find((request) => request.query.access_token)!.query.access_token!
    expect(result.output).not.toContain(api.appSecret)
    expect(result.output).not.toContain(token)

    // Run again: the draft exists, nothing new is created unless asked; --again reuses every upload.
    const again = await wechat(slug)
    expect(again.code, again.output).toBe(0)
    expect(again.stdout).toContain('已于')
    expect(calls('/cgi-bin/draft/add')).toHaveLength(1)
    const requestsBefore = api.requests.length
    const forced = await wechat(slug, '--again')
    expect(forced.code, forced.output).toBe(0)
    expect(api.requests.slice(requestsBefore).map((request) => request.endpoint)).toEqual([
      '/cgi-bin/stable_token',
      '/cgi-bin/draft/add',
    ])
  })

  it('explains an IP that is not whitelisted (40164) in Chinese, with the IP, and says nothing was created', async () => {
    api.failNext(
      '/cgi-bin/stable_token',
      40164,
      'invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: 6654-standin',
    )
    const result = await wechat(slugs[1]!)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('错误码 40164')
    expect(result.stderr).toContain('IP白名单')
    expect(result.stderr).toContain('203.0.113.7')
    expect(result.stderr).toContain('没有上传任何内容')
    expect(calls('/cgi-bin/draft/add')).toHaveLength(0)
  })

  it('renews an expired access token (42001) once and carries on', async () => {
    api.failNext('/cgi-bin/draft/add', 42001, 'access_token expired rid: standin')
    const result = await wechat(slugs[1]!)
    expect(result.code, result.output).toBe(0)
    const tokens = calls('/cgi-bin/stable_token')
    expect(tokens).toHaveLength(2)
    expect(tokens[1]!.json!.force_refresh).toBe(true)
    expect(calls('/cgi-bin/draft/add')).toHaveLength(2)
  })

  it('when the draft is refused (45166) it says what was uploaded, and the rerun reuses it instead of uploading again', async () => {
    const slug = slugs[2]!
    api.failNext('/cgi-bin/draft/add', 45166, 'invalid content hint: [standin] rid: standin')
    const failed = await wechat(slug)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('错误码 45166')
    expect(failed.stderr).toContain('正文内容不合法')
    expect(failed.stderr).toMatch(
      /草稿没有建成。本次已上传到微信的有：.*封面（永久素材 media_id standin-media-\d+）/,
    )
    expect(failed.stderr).toContain('重新运行会直接复用')
    const uploaded = calls('/cgi-bin/media/uploadimg').length + calls('/cgi-bin/material/add_material').length

    const rerun = await wechat(slug)
    expect(rerun.code, rerun.output).toBe(0)
    expect(calls('/cgi-bin/media/uploadimg').length + calls('/cgi-bin/material/add_material').length).toBe(
      uploaded,
    )
    expect(calls('/cgi-bin/draft/add')).toHaveLength(2)
  })

  it('explains a content-too-long refusal (45002) and a token that cannot be had (40125)', async () => {
    api.failNext('/cgi-bin/draft/add', 45002, 'content size out of limit rid: standin')
    const long = await wechat(slugs[3]!)
    expect(long.code).toBe(1)
    expect(long.stderr).toContain('错误码 45002')
    expect(long.stderr).toContain('正文太长')

    const wrongSecret = await runNewsletterCommand('wechat', [slugs[3]!], {
      ...settings(),
      WECHAT_APPSECRET: 'not-the-secret-QZ8',
    })
    expect(wrongSecret.code).toBe(1)
    expect(wrongSecret.stderr).toContain('错误码 40125')
    expect(wrongSecret.stderr).toContain('重置 AppSecret')
    expect(wrongSecret.output).not.toContain('not-the-secret-QZ8')
  })
})
