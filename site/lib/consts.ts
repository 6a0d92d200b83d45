/** The placeholder origin a build without SITE_URL uses: fine for tests, wrong in anything sent to alumni. */
export const DEFAULT_SITE_URL = 'https://alumni.example.edu.cn'
export const SITE_URL = (process.env.SITE_URL ?? DEFAULT_SITE_URL).replace(/\/+$/, '')
export const PAGE_SIZE = 20
export const TIME_ZONE = 'Asia/Shanghai'
export const SANITY_API_VERSION = '2025-02-19'
export const ANONYMOUS_DONOR = '匿名校友'
/**
 * Hook for WeChat link cards (docs/deploy.md): the path of a script, on this site, that loads the JS-SDK and sets
 * the share card from the page's og: tags with a signature from the university's signing service. Empty: none.
 */
export const WECHAT_SHARE_SCRIPT = sameOriginPath(
  'WECHAT_SHARE_SCRIPT',
  process.env.WECHAT_SHARE_SCRIPT ?? '',
)

/** A script the site loads must be its own (CSP script-src 'self'): a path such as `/wechat-share.js`. */
function sameOriginPath(name: string, value: string): string {
  if (value && !/^\/(?![/\\])[^\s"'<>]*$/.test(value))
    throw new Error(`${name} must be a path on this site such as /wechat-share.js, not "${value}"`)
  return value
}

export const CATEGORY_LABELS: Record<string, string> = {
  news: '学校要闻',
  campus: '校园动态',
  visit: '校友走访',
  lecture: '校友讲堂',
  career: '职业发展',
  memorial: '怀念',
  other: '其他',
}

export const DEGREE_LABELS: Record<string, string> = {
  associate: '专科',
  bachelor: '本科',
  master: '硕士',
  doctor: '博士',
}

export const CHAPTER_KIND_LABELS: Record<string, string> = {
  regional: '地方校友会',
  industry: '行业校友会',
  college: '学院校友会',
}

export const DONATION_STATUS_LABELS: Record<string, string> = {
  open: '募集中',
  completed: '已完成',
  closed: '已结束',
}

export const DONATION_KIND_LABELS: Record<string, string> = {
  money: '资金捐赠',
  goods: '实物捐赠',
  service: '服务捐赠',
}

export const TYPE_LABELS: Record<string, string> = {
  article: '文章',
  alumnusProfile: '校友风采',
  donationProject: '捐赠项目',
  donationStory: '捐赠故事',
  chapterReport: '校友会活动',
  event: '活动',
  newsletterIssue: '校友通讯',
  college: '学院',
  chapter: '校友会',
}

export const CHANNEL_LABELS: Record<string, string> = {
  wechat: '微信公众号',
  weibo: '微博',
  website: '网站',
  qq: 'QQ 群',
  wecom: '企业微信',
  email: '邮箱',
  phone: '电话',
  other: '其他',
}

/** Preview builds (drafts): every feed's title starts with this, and feeds list no item (feeds.ts, calendar.ts). */
export const PREVIEW_FEED_MARK = '【预览】'
export const PREVIEW_FEED_NOTE =
  '这是预览版网站：预览版不提供订阅，草稿不会出现在任何订阅源里。请订阅正式网站。'
