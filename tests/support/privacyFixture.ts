import { block, exportImage, ref, slug, writeExportDataset } from './fixtureDataset.ts'

/**
 * A dataset with a unique planted value in every place that must never be published. The build output is
 * scanned for each of them.
 */
export const PLANTED = {
  contactEmail: 'planted.contact.qx7@example.com',
  contactPhone: '139-0000-7731',
  contactWechat: 'planted_wechat_qx7',
  contactAddress: '植入住址七号楼QX7',
  noConsentName: '未同意校友甲QX7',
  noConsentHeadline: 'NOCONSENT-HEADLINE-QX7',
  noConsentBody: 'NOCONSENT-BODY-QX7',
  noConsentSlug: 'no-consent-qx7',
  noConsentPortraitAlt: 'NOCONSENT-ALT-QX7',
  draftTitle: '草稿标题QX7',
  draftBody: 'DRAFT-BODY-QX7',
  draftSlug: 'draft-only-qx7',
  draftEditTitle: '草稿改题QX7',
  futureTitle: '未来文章QX7',
  futureBody: 'FUTURE-BODY-QX7',
  futureSlug: 'future-qx7',
  anonymousDonorName: '匿名真名QX7',
  hiddenAmountDigits: '7319531',
  hiddenAmountGrouped: '7,319,531',
  hiddenAmountWan: '731.9',
} as const

export async function writePrivacyDataset(dir: string) {
  const cover = await exportImage(1200, 675, '#3a6ea5', '明湖校园的湖面与远山')
  const portrait = await exportImage(600, 800, '#8a5a44', NOCONSENT_ALT_PLACEHOLDER)
  const consentedPortrait = await exportImage(600, 800, '#44658a', '校友在实验室中的工作照')
  const publishedAt = '2026-05-01T02:00:00Z'
  const contact = {
    _type: 'alumnusContact',
    email: PLANTED.contactEmail,
    phone: PLANTED.contactPhone,
    wechat: PLANTED.contactWechat,
    address: PLANTED.contactAddress,
  }
  const documents = [
    { _id: 'siteSettings', _type: 'siteSettings', title: '明湖大学校友总会', tagline: '校友之家', description: '测试站点' },
    { _id: 'college-a', _type: 'college', name: '建筑学院', slug: slug('architecture'), order: 1 },
    { _id: 'chapter-a', _type: 'chapter', name: '深圳校友会', slug: slug('shenzhen'), kind: 'regional', region: '广东·深圳' },
    { _id: 'person-a', _type: 'person', name: '李编辑', slug: slug('li'), role: '校友总会办公室' },
    {
      _id: 'article-public',
      _type: 'article',
      title: '公开文章',
      slug: slug('public-article'),
      publishedAt,
      excerpt: '一篇公开的文章。',
      category: 'news',
      cover: cover.value,
      body: [block('公开的正文。')],
      colleges: [ref('college-a', true)],
      author: ref('person-a'),
    },
    {
      _id: 'drafts.article-public',
      _type: 'article',
      title: PLANTED.draftEditTitle,
      slug: slug('public-article'),
      publishedAt,
      category: 'news',
      body: [block(PLANTED.draftBody)],
    },
    {
      _id: 'drafts.article-draft-only',
      _type: 'article',
      title: PLANTED.draftTitle,
      slug: slug(PLANTED.draftSlug),
      publishedAt,
      category: 'news',
      body: [block(PLANTED.draftBody)],
    },
    {
      _id: 'article-future',
      _type: 'article',
      title: PLANTED.futureTitle,
      slug: slug(PLANTED.futureSlug),
      publishedAt: '2099-01-01T00:00:00Z',
      category: 'news',
      body: [block(PLANTED.futureBody)],
    },
    {
      _id: 'profile-consented',
      _type: 'alumnusProfile',
      name: '公开校友',
      slug: slug('public-alumnus'),
      publishedAt,
      classYear: 2008,
      headline: '深圳某科技公司创始人',
      portrait: consentedPortrait.value,
      colleges: [ref('college-a', true)],
      body: [block('公开的校友故事。')],
      notable: true,
      publicConsent: true,
      contact,
    },
    {
      _id: 'profile-no-consent',
      _type: 'alumnusProfile',
      name: PLANTED.noConsentName,
      slug: slug(PLANTED.noConsentSlug),
      publishedAt,
      classYear: 2009,
      headline: PLANTED.noConsentHeadline,
      portrait: { ...portrait.value, alt: PLANTED.noConsentPortraitAlt },
      colleges: [ref('college-a', true)],
      body: [block(PLANTED.noConsentBody)],
      notable: true,
      publicConsent: false,
      contact,
    },
    {
      _id: 'project-a',
      _type: 'donationProject',
      title: '建筑学院奖学金',
      slug: slug('scholarship'),
      publishedAt,
      college: ref('college-a'),
      goal: 1000000,
      raised: 400000,
      donorCount: 12,
      status: 'open',
    },
    {
      _id: 'story-anonymous',
      _type: 'donationStory',
      title: '一位校友的心意',
      slug: slug('anonymous-gift'),
      publishedAt,
      project: ref('project-a'),
      donor: { _type: 'donor', displayName: PLANTED.anonymousDonorName, anonymous: true, classYear: 1999, college: ref('college-a') },
      kind: 'money',
      amount: Number(PLANTED.hiddenAmountDigits),
      showAmount: false,
      colleges: [ref('college-a', true)],
      body: [block('感谢每一位捐赠人。')],
    },
    {
      _id: 'issue-a',
      _type: 'newsletterIssue',
      title: '校友通讯测试期',
      slug: slug('issue-test'),
      volume: 2026,
      number: 1,
      publishedAt,
      sections: [
        {
          _type: 'newsletterSection',
          _key: 'sec1',
          title: '校友风采',
          items: [ref('profile-consented', true), ref('profile-no-consent', true), ref('article-future', true)],
        },
      ],
    },
  ]
  await writeExportDataset(
    dir,
    documents,
    new Map([cover, portrait, consentedPortrait].map((image) => [image.name, image.bytes])),
  )
}

const NOCONSENT_ALT_PLACEHOLDER = '校友肖像'
