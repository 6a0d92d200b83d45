import {
  articleCategories,
  chapterKinds,
  contactChannelKinds,
  degrees,
  donationKinds,
  donationProjectStatuses,
  labelsOf,
} from '../../schemas/lib/options.ts'
import type { PermalinkType } from '../../schemas/lib/permalinks.ts'

/** The placeholder origin a build without SITE_URL uses: fine for tests, wrong in anything sent to alumni. */
export const DEFAULT_SITE_URL = 'https://alumni.example.edu.cn'
export const SITE_URL = (process.env.SITE_URL ?? DEFAULT_SITE_URL).replace(/\/+$/, '')
export const PAGE_SIZE = 20
export const TIME_ZONE = 'Asia/Shanghai'
export { SANITY_API_VERSION } from '../../schemas/lib/sanityApi.ts'
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

export const categoryLabel = labelsOf(articleCategories)
export const degreeLabel = labelsOf(degrees)
export const chapterKindLabel = labelsOf(chapterKinds)
export const donationStatusLabel = labelsOf(donationProjectStatuses)
export const donationKindLabel = labelsOf(donationKinds)
export const channelLabel = labelsOf(contactChannelKinds)

export const TYPE_LABELS = {
  article: '文章',
  alumnusProfile: '校友风采',
  donationProject: '捐赠项目',
  donationStory: '捐赠故事',
  chapterReport: '校友会活动',
  event: '活动',
  newsletterIssue: '校友通讯',
  college: '学院',
  chapter: '校友会',
} as const satisfies Record<PermalinkType, string>

/** Preview builds (drafts): every feed's title starts with this, and feeds list no item (feeds.ts, calendar.ts). */
export const PREVIEW_FEED_MARK = '【预览】'
export const PREVIEW_FEED_NOTE =
  '这是预览版网站：预览版不提供订阅，草稿不会出现在任何订阅源里。请订阅正式网站。'
