/** Renders dataset/README.md from the generated documents, so the lists in it can never drift from the data. */
import { isDraftId, publishedIdOf } from '../../../schemas/lib/contentRules.ts'
import type { Doc } from './documents.ts'
import type { GoldenEntry } from './golden.ts'
import type { RenderedImage } from './render-images.ts'
import { BUILD_CLOCK, FUTURE_PUBLISHED_AT, isPublic } from './validate.ts'

const TYPE_TITLES: Array<[string, string]> = [
  ['siteSettings', '站点设置'],
  ['college', '学院'],
  ['chapter', '校友会'],
  ['person', '作者'],
  ['article', '文章'],
  ['alumnusProfile', '校友风采'],
  ['donationProject', '捐赠项目'],
  ['donationStory', '捐赠故事'],
  ['chapterReport', '校友会活动报道'],
  ['event', '活动'],
  ['newsletterIssue', '《明湖校友》通讯'],
]

const KIND_TITLES: Record<string, string> = {
  name: '人名',
  place: '地名',
  'two-character': '双字词',
  compound: '复合词',
  mixed: '中英混排',
  absent: '不得出现',
}

const code = (s: string) => `\`${s}\``
const ids = (list: string[]) => (list.length ? list.map(code).join(', ') : '—')
const title = (d: Doc) => String(d.title ?? d.name ?? d._id)

export function renderReadme(docs: Doc[], images: Map<string, RenderedImage>, golden: GoldenEntry[]): string {
  const published = (t: string) => docs.filter((d) => d._type === t && !isDraftId(d._id))
  const drafts = docs.filter((d) => isDraftId(d._id))
  const future = docs.filter((d) => d.publishedAt === FUTURE_PUBLISHED_AT)
  const noConsent = docs.filter(
    (d) => d._type === 'alumnusProfile' && d.publicConsent === false && !isDraftId(d._id),
  )
  const stories = published('donationStory')
  const anonymous = stories.filter((story) => (story.donor as { anonymous: boolean }).anonymous)
  const hiddenAmount = stories.filter((story) => story.showAmount === false)
  const events = published('event')
  const upcoming = events.filter((e) => Date.parse(e.startsAt as string) >= Date.parse(BUILD_CLOCK))
  const bytes = [...images.values()].reduce((n, r) => n + r.bytes, 0)
  const publicCount = docs.filter((d) => isPublic(d)).length

  const lines: string[] = []
  const p = (...l: string[]) => lines.push(...l)

  p(
    '# 示例数据集：明湖大学校友总会',
    '',
    '> 本文件由 `npm run dataset:sample`（`scripts/sample-dataset/build.ts`）生成，请勿手工编辑；要改内容，请改',
    '> `scripts/sample-dataset/content/` 下的数据模块后重新生成。',
    '',
    '明湖大学（明湖市）是**虚构**的大学，文中所有人物、企业、地址、电话、邮箱、网址均为虚构：',
    '网址使用保留域名 `*.example`，校友联系方式使用 `@example.com` 与 `0000` 号段，银行账号为示例账号。',
    '城市（深圳、北京、上海……）是真实地名，仅作为校友所在地。',
    '',
    '## 格式',
    '',
    '与 `sanity dataset export` 的输出一致（字段见 `docs/content-model.md`）：',
    '',
    '- `data.ndjson`：每行一个文档，顺序为 siteSettings、学院、校友会、作者，然后是各类内容；',
    `- \`images/\`：${images.size} 张图片，共 ${(bytes / 1024).toFixed(0)} KiB，文件名为 \`<文件字节的 SHA-1>-<宽>x<高>.<扩展名>\`，`,
    '  文档中以 `{"_type":"imageWithAlt","_sanityAsset":"image@file://./images/…","alt":"…"}` 引用；',
    '  图片由 sharp 从 SVG 绘制（抽象的校园、湖山、建筑、书本等，不含文字），每张都有中文替代文字；',
    '- `search-golden.json`：下文“搜索黄金列表”的机器可读版本。',
    '',
    '生成是确定性的：同样的源文件、同样的 sharp/libvips 版本，得到逐字节相同的输出（`_key`、`_rev`、时间戳都由文档 id 推导）。',
    '',
    '导入到一个 Sanity 数据集：`npx sanity dataset import dataset <目标数据集>`（导入器读取目录中的 `data.ndjson` 并上传 `images/`），',
    '或先打包：`tar -czf sample.tar.gz -C dataset data.ndjson images`，再导入该 tar.gz。',
    '',
    '## 内容',
    '',
    `以构建时钟 \`${BUILD_CLOCK}\` 计，${docs.length} 个文档中有 ${publicCount} 个公开。`,
    '',
    '| 类型 | 中文 | 已发布 id 数 | 草稿数 |',
    '| --- | --- | ---: | ---: |',
  )
  for (const [type, zh] of TYPE_TITLES) {
    const all = docs.filter((d) => d._type === type)
    p(
      `| \`${type}\` | ${zh} | ${all.filter((d) => !isDraftId(d._id)).length} | ${all.filter((d) => isDraftId(d._id)).length} |`,
    )
  }
  const categories = ['news', 'campus', 'visit', 'lecture', 'career', 'memorial', 'other']
  const articles = published('article').filter((a) => a.publishedAt !== FUTURE_PUBLISHED_AT)
  p(
    '',
    `- 文章：${articles.length} 篇已发布（${categories.map((c) => `${c} ${articles.filter((a) => a.category === c).length}`).join('，')}），` +
      `其中 featured：${ids(articles.filter((a) => a.featured).map((a) => a._id))}；`,
    `- 活动：${events.length} 个，其中 ${upcoming.length} 个在构建时钟之后（${ids(upcoming.map((e) => e._id))}），` +
      `线上活动：${ids(events.filter((e) => e.onlineUrl).map((e) => e._id))}；`,
    `- 校友风采：${published('alumnusProfile').length} 篇，届别 1982—2020，notable：${ids(
      published('alumnusProfile')
        .filter((x) => x.notable)
        .map((x) => x._id),
    )}；`,
    '- 所有 `publishedAt` 都在 2024-09-01 至 2026-11-20 之间，唯一例外见下文的定时发布文档。',
    '',
    '## 特殊文档',
    '',
    '这些文档专门用来测试发布规则，站点、订阅源、站点地图和搜索索引都**不得**公开它们（或它们的敏感字段）。',
    '',
    '### 草稿（`drafts.` 前缀）',
    '',
    '| id | 说明 |',
    '| --- | --- |',
  )
  for (const d of drafts) {
    const baseId = publishedIdOf(d._id)
    const base = docs.find((x) => x._id === baseId)
    const note = base
      ? `已发布文档 \`${baseId}\` 的草稿，标题改为“${title(d)}”（站点仍显示已发布版本的标题“${title(base)}”）`
      : `只有草稿、从未发布的${d._type === 'article' ? '文章' : '校友风采'}：“${title(d)}”`
    p(`| \`${d._id}\` | ${note} |`)
  }
  p('', '### 定时发布（`publishedAt` 在未来）', '', '| id | 标题 | publishedAt |', '| --- | --- | --- |')
  for (const d of future) p(`| \`${d._id}\` | ${title(d)} | \`${d.publishedAt}\` |`)
  p('', '### 未获授权的校友风采（`publicConsent: false`）', '', '| id | 姓名 | 届别 |', '| --- | --- | --- |')
  for (const d of noConsent) p(`| \`${d._id}\` | ${title(d)} | ${d.classYear} 届 |`)
  p(
    '',
    '所有校友风采（包括上面这些）都带有内部字段 `contact`（虚构的邮箱、电话、微信号、地址），任何页面、订阅源和搜索索引都不得出现。',
    '',
    '### 匿名捐赠（`donor.anonymous: true`）',
    '',
    '`donor.displayName` 中存的是看起来真实的姓名，只供基金会内部使用，页面上一律显示“匿名校友”。这些姓名在整个数据集中只出现在这一个字段里。',
    '',
    '| id | 标题 | 不得显示的 displayName |',
    '| --- | --- | --- |',
  )
  for (const s of anonymous)
    p(`| \`${s._id}\` | ${title(s)} | ${(s.donor as { displayName: string }).displayName} |`)
  p('', '### 隐藏金额（`showAmount: false`）', '', '| id | 标题 | 存储的 amount |', '| --- | --- | --- |')
  for (const s of hiddenAmount) p(`| \`${s._id}\` | ${title(s)} | ${s.amount ?? '（未填写）'} |`)

  p(
    '',
    '## 搜索黄金列表',
    '',
    '供中文搜索测试使用（机器可读版本：`search-golden.json`）。每个词：',
    '',
    '- **必须找到**：这些公开文档的页面正文（标题、摘要、正文等公开字段）含有该词，搜索结果必须包含它们；',
    '- **也含该词**：其他公开文档的页面也含有该词，出现在结果里是正常的，但不作要求；',
    '  此外，页面会显示相关文档的标题（通讯的目录、学院和校友会页面的文章列表等），这些页面也可能命中，',
    '  所以“必须找到”是下限，不是全部结果；',
    '- **不得找到**：含有该词的非公开文档（草稿、定时发布、未授权），搜索结果中绝不能出现它们；',
    '- 类型为“不得出现”的词，在任何公开页面上都不应出现（如匿名捐赠人姓名、未授权校友姓名），搜索应返回零结果。',
    '',
    '构建时会逐条核对：必须找到的文档确实公开且正文含该词，“不得出现”的词确实不在任何公开页面上。',
    '',
    '| 词 | 类型 | 必须找到 | 也含该词 | 不得找到 | 说明 |',
    '| --- | --- | --- | --- | --- | --- |',
  )
  for (const g of golden) {
    p(
      `| ${g.term} | ${KIND_TITLES[g.kind]} | ${ids(g.mustFind)} | ${ids(g.alsoContains)} | ${ids(g.mustNotFind)} | ${g.note ?? ''} |`,
    )
  }
  p('')
  return lines.join('\n')
}
