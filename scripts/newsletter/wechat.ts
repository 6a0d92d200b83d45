/**
 * `npm run newsletter:wechat -- <issue-slug>`: puts a published issue into the 公众号's draft box, where the editor
 * previews and publishes it in the 公众号 backend as usual. The article is the built edition: its images are
 * uploaded through the article-image API and their URLs rewritten, the cover becomes the thumbnail, and 阅读原文
 * opens the issue's page on the site. See docs/editors-guide.md (公众号) for the account it needs.
 *
 *   --dry-run    check everything and print what would be uploaded; call no API
 *   --again      create another draft even though this issue was already put into the draft box
 *   --build DIR  the production build (default NEWSLETTER_BUILD_DIR, OUT_DIR or dist/)
 *
 * Environment: WECHAT_APPID, WECHAT_APPSECRET, WECHAT_API_BASE (default https://api.weixin.qq.com),
 * WECHAT_AUTHOR (default the site's title), NEWSLETTER_STATE_DIR.
 *
 * What was uploaded is recorded in the state folder as it happens, so a run that failed halfway says what exists,
 * and the next run reuses it instead of uploading again.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parse } from 'node:path'
import { EDITION_SLOTS } from '../../site/lib/editionMarkers.ts'
import {
  buildFileForUrl,
  defaultBuildDir,
  editionContent,
  editionImages,
  loadEdition,
  type BuiltEdition,
} from './edition.ts'
import { DeliveryError, runCommand } from './errors.ts'
import { loadSettingsFile, siteKey, stateDir } from './state.ts'
import { WechatApiError, WechatClient, type DraftArticle } from './wechatApi.ts'

/** WeChat's limits for a draft article (draft/add). */
export const LIMITS = {
  title: 32,
  author: 16,
  digest: 128,
  contentChars: 20_000,
  contentBytes: 1_000_000,
  articleImageBytes: 1_000_000,
}

interface UploadRecord {
  /** sha256 of the image bytes → the URL WeChat serves it from. */
  images: Record<string, string>
  cover?: { sha256: string; mediaId: string }
  draft?: { mediaId: string; at: string }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      again: { type: 'boolean', default: false },
      build: { type: 'string' },
    },
  })
  const slug = positionals[0]
  if (!slug || positionals.length > 1)
    throw new DeliveryError('用法：npm run newsletter:wechat -- <网址标识> [--dry-run] [--again]')
  const settingsFile = await loadSettingsFile()
  if (settingsFile) console.log(`设置：${settingsFile}`)
  const env = process.env
  const appId = env.WECHAT_APPID?.trim()
  const appSecret = env.WECHAT_APPSECRET?.trim()
  if (!values['dry-run'] && (!appId || !appSecret)) {
    throw new DeliveryError(
      '请设置 WECHAT_APPID 和 WECHAT_APPSECRET（公众平台 → 设置与开发 → 基本配置 → 开发者ID）。',
    )
  }

  const edition = await loadEdition(slug, { buildDir: values.build ?? defaultBuildDir(env) })
  const state = await stateDir(env, edition.buildDir)
  const recordFile = path.join(state, 'wechat', siteKey(edition.permalink), `${slug}.json`)
  const record: UploadRecord = JSON.parse(await readFile(recordFile, 'utf8').catch(() => '{"images":{}}'))
  const save = async () => {
    await mkdir(path.dirname(recordFile), { recursive: true, mode: 0o700 })
    await writeFile(`${recordFile}.tmp`, JSON.stringify(record, null, 2), { mode: 0o600 })
    await rename(`${recordFile}.tmp`, recordFile)
  }

  console.log(`本期：${edition.title}`)
  console.log(`来自：${edition.buildDir}（生产构建，${edition.builtAt.toISOString()}）`)
  console.log(`阅读原文：${edition.permalink}`)
  if (record.draft && !values.again) {
    console.log(
      `\n本期已于 ${record.draft.at} 放入公众号草稿箱（media_id ${record.draft.mediaId}），这次没有再建草稿。` +
        `\n请到公众平台 → 内容与互动 → 草稿箱 查看。若草稿已被删除、确需再建一份，请加 --again 重新运行。`,
    )
    return 0
  }

  const images = editionImages(edition.html)
  const coverUrl = edition.coverUrl ?? images[0]
  if (!coverUrl)
    throw new DeliveryError(
      '本期没有任何图片，公众号图文必须有封面：请在 Studio 为本期添加封面，重新构建后再运行。',
    )
  if (!edition.coverUrl) console.warn('提示：本期没有封面图，暂用正文第一张图片作封面，可在公众号后台更换。')
  const title = shorten(edition.title, LIMITS.title, '标题')
  const author = shorten(env.WECHAT_AUTHOR?.trim() || edition.siteTitle, LIMITS.author, '作者')
  const digest = shorten(edition.description, LIMITS.digest - 8, '摘要')

  if (values['dry-run']) {
    const content = articleContent(edition, new Map(images.map((url) => [url, url])))
    checkContentSize(content)
    console.log(`\n试运行：没有调用微信接口。`)
    console.log(
      `会上传正文图片 ${images.length} 张（已上传过的 ${images.filter((url) => url in record.images).length} 张除外）和封面 1 张：${coverUrl}`,
    )
    console.log(
      `标题：${title}\n作者：${author}\n摘要：${digest}\n正文：${textLength(content)} 字（HTML ${Buffer.byteLength(content)} 字节）`,
    )
    return 0
  }

  const client = new WechatClient({ appId: appId!, appSecret: appSecret!, apiBase: env.WECHAT_API_BASE })
  const created: string[] = []
  try {
    const rewritten = new Map<string, string>()
    for (const url of images) {
      const image = await articleImage(edition, url)
      const known = record.images[image.sha256]
      if (known) {
        rewritten.set(url, known)
        continue
      }
      const uploaded = await client.uploadArticleImage(image.bytes, image.filename, image.contentType)
      record.images[image.sha256] = uploaded
      rewritten.set(url, uploaded)
      created.push(`正文图片 ${path.basename(new URL(url).pathname)}`)
      await save()
    }
    console.log(`正文图片：${images.length} 张已在微信服务器上（本次上传 ${created.length} 张）。`)

    const cover = await coverImage(edition, coverUrl)
    if (record.cover?.sha256 !== cover.sha256) {
      const { mediaId } = await client.addCoverImage(cover.bytes, cover.filename, cover.contentType)
      record.cover = { sha256: cover.sha256, mediaId }
      created.push(`封面（永久素材 media_id ${mediaId}）`)
      await save()
    }
    console.log(`封面：永久素材 media_id ${record.cover!.mediaId}`)

    const content = articleContent(edition, rewritten)
    checkContentSize(content)
    const article: DraftArticle = {
      article_type: 'news',
      title,
      author,
      digest,
      content,
      content_source_url: edition.permalink,
      thumb_media_id: record.cover!.mediaId,
      need_open_comment: 0,
      only_fans_can_comment: 0,
    }
    const mediaId = await client.addDraft(article)
    record.draft = { mediaId, at: new Date().toISOString() }
    await save()
    console.log(
      `\n已放入公众号草稿箱（media_id ${mediaId}）。\n下一步：登录公众平台 → 内容与互动 → 草稿箱，打开“${title}”，` +
        `预览（可发送到手机）、确认封面裁剪和摘要，然后按平时的流程发表或群发。`,
    )
    return 0
  } catch (error) {
    if (error instanceof WechatApiError) {
      console.error(`\n${error.explain()}`)
      if (error.code === 40007 && record.cover) {
        // The recorded cover is gone from the 素材库 (deleted there): the next run uploads it again.
        delete record.cover
        await save()
      }
      console.error(
        created.length > 0
          ? `\n草稿没有建成。本次已上传到微信的有：${created.join('、')}。它们已记录在 ${recordFile}，重新运行会直接复用，不会重复上传；` +
              `封面素材也可在公众平台 → 素材库 中删除。`
          : record.cover || Object.keys(record.images).length > 0
            ? `\n草稿没有建成。此前上传的图片和封面已记录在 ${recordFile}，重新运行会复用。`
            : '\n草稿没有建成，也没有上传任何内容。',
      )
      return 1
    }
    throw error
  }
}

/** The article body: the edition's content table, images on WeChat's servers, links as plain text. */
export function articleContent(edition: BuiltEdition, rewritten: Map<string, string>): string {
  const content = editionContent(edition.html)
  for (const image of content.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? ''
    const uploaded = rewritten.get(src)
    if (!uploaded) throw new DeliveryError(`图片 ${src} 没有上传到微信。`)
    image.setAttribute('src', uploaded)
  }
  // Article bodies cannot link outside WeChat (such links are dropped or refused); 阅读原文 opens the site.
  for (const link of content.querySelectorAll('a'))
    link.replaceWith(`<span style="${link.getAttribute('style') ?? ''}">${link.innerHTML}</span>`)
  return content.toString().replace(EDITION_SLOTS.greeting, '').replace(EDITION_SLOTS.unsubscribe, '')
}

/** Characters of text, as WeChat counts its 2万字 limit (markup not counted). */
function textLength(content: string): number {
  return [...content.replace(/<[^>]*>/g, '')].length
}

function checkContentSize(content: string) {
  const length = textLength(content)
  if (length >= LIMITS.contentChars || Buffer.byteLength(content) >= LIMITS.contentBytes) {
    throw new DeliveryError(
      `正文超过微信的限制（须少于 ${LIMITS.contentChars} 字、小于 1 MB；本期 ${length} 字、${Buffer.byteLength(content)} 字节）：` +
        '请在 Studio 中精简本期内容，或在公众号后台手动拆分为两篇。没有调用微信接口。',
    )
  }
}

function shorten(value: string, limit: number, what: string): string {
  const characters = [...value]
  if (characters.length <= limit) return value
  const short = characters.slice(0, limit - 1).join('') + '…'
  console.warn(`提示：${what}超过微信的 ${limit} 字限制，已截为“${short}”，可在公众号后台修改。`)
  return short
}

interface ImageFile {
  bytes: Buffer
  sha256: string
  filename: string
  contentType: string
}

async function imageBytes(edition: BuiltEdition, url: string): Promise<Buffer> {
  const file = await buildFileForUrl(edition, url)
  if (file) return readFile(file)
  // An image served from elsewhere (the Sanity CDN when the site builds from the Content Lake).
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) }).catch((error: Error) => {
    throw new DeliveryError(`图片 ${url} 无法下载：${error.message}`)
  })
  if (!response.ok) throw new DeliveryError(`图片 ${url} 无法下载（HTTP ${response.status}）。`)
  return Buffer.from(await response.arrayBuffer())
}

/** An article image as WeChat takes it: JPEG or PNG under 1 MB; anything else is re-encoded as JPEG. */
async function articleImage(edition: BuiltEdition, url: string): Promise<ImageFile> {
  let bytes = await imageBytes(edition, url)
  let type = imageType(bytes)
  if (!type || bytes.length >= LIMITS.articleImageBytes) {
    const { default: sharp } = await import('sharp')
    bytes = await sharp(bytes)
      .resize({ width: 1200, withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer()
    type = 'jpg'
  }
  return file(bytes, url, type)
}

async function coverImage(edition: BuiltEdition, url: string): Promise<ImageFile> {
  let bytes = await imageBytes(edition, url)
  let type = imageType(bytes)
  if (!type) {
    const { default: sharp } = await import('sharp')
    bytes = await sharp(bytes).jpeg({ quality: 85 }).toBuffer()
    type = 'jpg'
  }
  return file(bytes, url, type)
}

function file(bytes: Buffer, url: string, type: 'jpg' | 'png'): ImageFile {
  const base = parse(new URL(url).pathname).name.replace(/[^a-zA-Z0-9_-]/g, '') || 'image'
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    filename: `${base}.${type}`,
    contentType: type === 'png' ? 'image/png' : 'image/jpeg',
  }
}

function imageType(bytes: Buffer): 'jpg' | 'png' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg'
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  return undefined
}

if (import.meta.main) await runCommand(main)
