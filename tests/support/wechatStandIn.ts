import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A STAND-IN for the WeChat Official Accounts API (api.weixin.qq.com), not WeChat itself: the four endpoints the
 * 公众号 command calls, answering in WeChat's shapes (errcode/errmsg, access_token, url, media_id). It records every
 * request and takes injected errors, so tests prove what the command sends and how it reports each failure.
 * What WeChat does beyond these shapes (content checks, real media) is not imitated.
 */

export interface RecordedRequest {
  endpoint: string
  query: Record<string, string>
  /** JSON bodies parsed; multipart uploads as their `media` part. */
  json?: Record<string, unknown>
  media?: { filename: string; type: string; bytes: Buffer }
}

export interface WechatStandIn {
  url: string
  appId: string
  appSecret: string
  requests: RecordedRequest[]
  /** The next call to `endpoint` answers with this error instead (once per queued error). */
  failNext(endpoint: string, errcode: number, errmsg: string): void
  /** Makes the current access token expire: calls with it answer 42001. */
  expireToken(): void
  close(): Promise<void>
}

export async function startWechatStandIn(): Promise<WechatStandIn> {
  const appId = 'wx-standin-appid'
  const appSecret = `standin-secret-${Math.random().toString(36).slice(2)}`
  const requests: RecordedRequest[] = []
  const failures = new Map<string, Array<{ errcode: number; errmsg: string }>>()
  let token = ''
  let tokens = 0
  let media = 0

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://standin')
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const recorded: RecordedRequest = { endpoint: url.pathname, query: Object.fromEntries(url.searchParams) }
    const contentType = request.headers['content-type'] ?? ''
    if (contentType.startsWith('application/json')) recorded.json = JSON.parse(body.toString('utf8'))
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(body, { headers: { 'content-type': contentType } }).formData()
      const file = form.get('media')
      if (file instanceof File)
        recorded.media = {
          filename: file.name,
          type: file.type,
          bytes: Buffer.from(await file.arrayBuffer()),
        }
    }
    requests.push(recorded)
    const reply = (value: object) => {
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
      response.end(JSON.stringify(value))
    }
    const queued = failures.get(url.pathname)?.shift()
    if (queued) return reply(queued)

    if (url.pathname === '/cgi-bin/stable_token') {
      const json = recorded.json ?? {}
      if (json.appid !== appId || json.secret !== appSecret)
        return reply({ errcode: 40125, errmsg: 'invalid appsecret (stand-in)' })
      if (!token || json.force_refresh === true)
        token = `standin-token-${++tokens}-${Math.random().toString(36).slice(2)}`
      return reply({ access_token: token, expires_in: 7200 })
    }
    if (recorded.query.access_token !== token)
      return reply({ errcode: token ? 42001 : 40001, errmsg: 'access_token expired or invalid (stand-in)' })
    if (url.pathname === '/cgi-bin/media/uploadimg') {
      if (!recorded.media) return reply({ errcode: 41005, errmsg: 'media data missing (stand-in)' })
      return reply({ url: `http://mmbiz.qpic.cn/standin_jpg/${++media}/0?wx_fmt=jpeg` })
    }
    if (url.pathname === '/cgi-bin/material/add_material') {
      if (!recorded.media) return reply({ errcode: 41005, errmsg: 'media data missing (stand-in)' })
      const id = `standin-media-${++media}`
      return reply({ media_id: id, url: `http://mmbiz.qpic.cn/standin_jpg/${media}/0?wx_fmt=jpeg` })
    }
    if (url.pathname === '/cgi-bin/draft/add') return reply({ media_id: `standin-draft-${++media}` })
    reply({ errcode: 40066, errmsg: 'invalid url (stand-in)' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    requests,
    failNext(endpoint, errcode, errmsg) {
      const queue = failures.get(endpoint) ?? []
      queue.push({ errcode, errmsg })
      failures.set(endpoint, queue)
    },
    expireToken() {
      token = `expired-${token}`
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
