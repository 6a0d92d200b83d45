/**
 * The few WeChat Official Accounts API calls the 公众号 command needs (微信公众平台 · 服务号/订阅号接口):
 *
 *   POST /cgi-bin/stable_token                 access token from AppID/AppSecret. The stable token does not
 *                                              invalidate the token other tools of the same account hold, as
 *                                              /cgi-bin/token would.
 *   POST /cgi-bin/media/uploadimg              an image inside an article → a mmbiz.qpic.cn URL (jpg/png, < 1 MB)
 *   POST /cgi-bin/material/add_material?type=image   the cover as a permanent image → media_id (thumb_media_id)
 *   POST /cgi-bin/draft/add                    the article into the draft box → media_id
 *
 * WECHAT_API_BASE (default https://api.weixin.qq.com) points the client elsewhere; the tests use a local stand-in.
 * Errors carry WeChat's code and a Chinese explanation of what to do.
 */

export const DEFAULT_WECHAT_API_BASE = 'https://api.weixin.qq.com'

/** WeChat's return codes an editor meets here, with what to do about each. */
const EXPLANATIONS: Record<number, string> = {
  [-1]: '微信系统繁忙，请稍后重新运行。',
  40001:
    'AppSecret 错误或访问令牌（access_token）无效：请核对 WECHAT_APPSECRET 是否为最新（重置 AppSecret 后旧值失效）。',
  40013: 'AppID 无效：请核对 WECHAT_APPID（公众平台 → 设置与开发 → 基本配置 → 开发者ID）。',
  40014:
    '访问令牌（access_token）不合法，已重新获取仍失败：请核对 WECHAT_APPID 与 WECHAT_APPSECRET 属于同一个公众号。',
  40125: 'AppSecret 无效：请在公众平台 → 设置与开发 → 基本配置中重置 AppSecret，并更新 WECHAT_APPSECRET。',
  40164:
    '调用接口的 IP 不在公众号的 IP 白名单中：请公众号管理员在公众平台 → 设置与开发 → 基本配置 → IP白名单 中加入本机的公网 IP（见上方错误信息中的 IP），几分钟后重新运行。',
  40005: '图片格式不受支持：正文图片只能是 JPG 或 PNG。',
  40007: '素材 ID 无效：封面素材可能已在素材库中被删除，请重新运行（会重新上传封面）。',
  40009: '图片太大：正文图片须小于 1 MB，封面须小于 10 MB。',
  41001: '缺少访问令牌：请检查 WECHAT_APPID 和 WECHAT_APPSECRET 是否已设置。',
  42001: '访问令牌（access_token）已过期，重新获取后仍失败：请稍后重新运行。',
  45002:
    '正文太长（微信要求少于 2 万字、小于 1 MB）：请在 Studio 中精简本期内容，或在公众号后台手动拆分为两篇。',
  45003: '标题太长（不超过 32 个字）：请在公众号后台修改草稿标题，或在 Studio 中缩短本期标题后重新构建。',
  45004: '摘要太长（不超过 128 个字）：请在公众号后台修改摘要。',
  45009: '今天的接口调用次数已用完：请明天再试，或在公众平台 → 设置与开发 → 接口权限 中查看额度。',
  45110: '作者名太长（不超过 16 个字）：请在公众号后台修改作者。',
  45166:
    '正文内容不合法（微信内容检查未通过，或含有不支持的标签、外部图片）：请在公众号后台新建图文，把网页版 edition.html 的内容粘贴进去排查；若是敏感词，请修改原文后重新构建。',
  48001:
    '公众号没有这个接口的权限：草稿箱接口需要已认证的订阅号或服务号。请确认公众号已完成微信认证，并在 接口权限 中看到“草稿箱”。',
  48004: '接口已被封禁：请登录公众平台查看违规通知。',
  50001: '该公众号未被授权调用此接口：请确认使用的是学校公众号本身的 AppID/AppSecret，而不是第三方平台的。',
  50002: '公众号已被限制使用接口（违规受限）：请登录公众平台查看通知。',
  61024:
    '该公众号已授权给第三方平台代管，不能用 AppSecret 调用：请在公众平台解除授权，或由第三方平台代为上传。',
  53404: '账号已被限制发文（违规处罚期间）：请登录公众平台查看通知。',
}

const TOKEN_ERRORS = new Set([40001, 40014, 42001])

export class WechatApiError extends Error {
  readonly endpoint: string
  readonly code: number
  readonly errmsg: string

  constructor(endpoint: string, code: number, errmsg: string) {
    super(`${endpoint} 返回错误 ${code}（${errmsg}）`)
    this.endpoint = endpoint
    this.code = code
    this.errmsg = errmsg
  }

  /** What the editor should do, in Chinese, with the code and WeChat's own message. */
  explain(): string {
    const advice = EXPLANATIONS[this.code] ?? '请对照微信公众平台“全局返回码说明”查找此错误码。'
    const ip = this.code === 40164 ? /invalid ip ([0-9a-fA-F.:]+)/.exec(this.errmsg)?.[1] : undefined
    return `微信接口 ${this.endpoint} 返回错误码 ${this.code}：${advice}${ip ? `\n需要加入白名单的 IP：${ip}` : ''}\n（微信原文：${this.errmsg}）`
  }
}

export interface WechatCredentials {
  appId: string
  appSecret: string
  apiBase?: string
}

type Json = Record<string, unknown>

export class WechatClient {
  private token: string | undefined
  private readonly base: string
  private readonly credentials: WechatCredentials

  constructor(credentials: WechatCredentials) {
    this.credentials = credentials
    this.base = (credentials.apiBase || DEFAULT_WECHAT_API_BASE).replace(/\/+$/, '')
  }

  /** Uploads an image used inside the article; returns the URL WeChat serves it from. */
  async uploadArticleImage(bytes: Buffer, filename: string, contentType: string): Promise<string> {
    const result = await this.call('/cgi-bin/media/uploadimg', {}, () =>
      multipart(bytes, filename, contentType),
    )
    if (typeof result.url !== 'string')
      throw new WechatApiError('/cgi-bin/media/uploadimg', -2, 'no url in the answer')
    return result.url
  }

  /** Uploads the cover as a permanent image; returns its media_id for thumb_media_id. */
  async addCoverImage(
    bytes: Buffer,
    filename: string,
    contentType: string,
  ): Promise<{ mediaId: string; url?: string }> {
    const result = await this.call('/cgi-bin/material/add_material', { type: 'image' }, () =>
      multipart(bytes, filename, contentType),
    )
    if (typeof result.media_id !== 'string')
      throw new WechatApiError('/cgi-bin/material/add_material', -2, 'no media_id in the answer')
    return { mediaId: result.media_id, url: typeof result.url === 'string' ? result.url : undefined }
  }

  async addDraft(article: DraftArticle): Promise<string> {
    const result = await this.call('/cgi-bin/draft/add', {}, () => ({
      body: JSON.stringify({ articles: [article] }),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    }))
    if (typeof result.media_id !== 'string')
      throw new WechatApiError('/cgi-bin/draft/add', -2, 'no media_id in the answer')
    return result.media_id
  }

  /** Calls an endpoint with the access token; a token WeChat says expired or invalid is renewed once. */
  private async call(
    endpoint: string,
    query: Record<string, string>,
    body: () => { body: BodyInit; headers?: Record<string, string> },
  ): Promise<Json> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(attempt > 0)
      const url = new URL(`${this.base}${endpoint}`)
      url.search = new URLSearchParams({ access_token: token, ...query }).toString()
      const request = body()
      const result = await this.request(endpoint, url, {
        method: 'POST',
        body: request.body,
        headers: request.headers,
      })
      const code = Number(result.errcode ?? 0)
      if (code === 0) return result
      if (TOKEN_ERRORS.has(code) && attempt === 0) {
        this.token = undefined
        continue
      }
      throw new WechatApiError(endpoint, code, String(result.errmsg ?? ''))
    }
  }

  private async accessToken(forceRefresh: boolean): Promise<string> {
    if (this.token && !forceRefresh) return this.token
    const endpoint = '/cgi-bin/stable_token'
    const result = await this.request(endpoint, new URL(`${this.base}${endpoint}`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: this.credentials.appId,
        secret: this.credentials.appSecret,
        force_refresh: forceRefresh,
      }),
    })
    const code = Number(result.errcode ?? 0)
    if (code !== 0 || typeof result.access_token !== 'string')
      throw new WechatApiError(endpoint, code || -2, String(result.errmsg ?? 'no access_token'))
    this.token = result.access_token
    return this.token
  }

  private async request(endpoint: string, url: URL, init: RequestInit): Promise<Json> {
    let response: Response
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) })
    } catch (error) {
      // The URL carries the access token: name the endpoint, never the URL.
      throw new WechatApiError(
        endpoint,
        -3,
        `无法连接 ${this.base}：${(error as Error).cause ?? (error as Error).message}`,
      )
    }
    const text = await response.text()
    try {
      return JSON.parse(text) as Json
    } catch {
      throw new WechatApiError(
        endpoint,
        -3,
        `HTTP ${response.status}，不是微信接口的回答：${text.slice(0, 120)}`,
      )
    }
  }
}

export interface DraftArticle {
  article_type: 'news'
  title: string
  author: string
  digest: string
  content: string
  content_source_url: string
  thumb_media_id: string
  need_open_comment: 0 | 1
  only_fans_can_comment: 0 | 1
}

function multipart(bytes: Buffer, filename: string, contentType: string) {
  const form = new FormData()
  form.append('media', new Blob([new Uint8Array(bytes)], { type: contentType }), filename)
  return { body: form }
}
