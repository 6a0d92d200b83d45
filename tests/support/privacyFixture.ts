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
  // Private places beyond the obvious ones: every field of a profile without consent, a profile whose consent
  // was never recorded, the anonymous donor's class year, scheduled and draft documents of other types.
  noConsentExcerpt: 'NOCONSENT-EXCERPT-QX7',
  noConsentMajor: 'NOCONSENT-MAJOR-QX7',
  noConsentAchievement: 'NOCONSENT-ACHIEVEMENT-QX7',
  unsetConsentName: '未表态校友乙QX7',
  unsetConsentSlug: 'unset-consent-qx7',
  anonymousDonorClassYear: '1987届',
  hiddenAmountNamedDonor: '8642013',
  hiddenAmountNamedDonorGrouped: '8,642,013',
  hiddenAmountNamedDonorWan: '864.2',
  futureEventTitle: '未来活动QX7',
  futureEventSlug: 'future-event-qx7',
  versionTitle: '发布版本QX7',
  draftSettingsTagline: '草稿口号QX7',
  draftCollegeName: '草稿学院QX7',
  draftProfileName: '草稿校友丙QX7',
  // Scheduled for 11:00 UTC with a −08:00 offset, which as a string sorts before the 04:00 UTC build clock.
  offsetScheduledTitle: '提前泄露的禁发稿QX7',
  offsetScheduledBody: 'OFFSET-SCHEDULED-BODY-QX7',
  offsetScheduledSlug: 'offset-scheduled-qx7',
} as const

/**
 * Public documents dated with UTC offsets, as an API import (a WordPress migration) writes them, around the build
 * clock (TEST_BUILD_TIME, 04:00 UTC). As strings, each would land on the wrong side of it, or in the wrong order:
 * tests/site/offset-dates.test.ts.
 */
export const OFFSET_DATED = {
  /** Newest first by instant. */
  articles: [
    { slug: 'offset-west', title: '西八区晚间文章', publishedAt: '2026-11-20T19:30:00-08:00' }, // 03:30 UTC
    { slug: 'offset-utc', title: '协调世界时文章', publishedAt: '2026-11-21T03:00:00Z' },
    { slug: 'offset-east', title: '东八区上午文章', publishedAt: '2026-11-21T10:00:00+08:00' }, // 02:00 UTC
  ],
  /** 01:00–03:00 UTC: over by the build clock. */
  endedEvent: {
    slug: 'offset-ended',
    title: '东八区已结束的活动',
    startsAt: '2026-11-21T09:00:00+08:00',
    endsAt: '2026-11-21T11:00:00+08:00',
  },
  /** 06:00 UTC: still to come. */
  upcomingEvent: {
    slug: 'offset-upcoming',
    title: '西八区即将举行的活动',
    startsAt: '2026-11-20T22:00:00-08:00',
  },
  /** Both on 2026-01-01 in Beijing, newest first; one is still 2025 in UTC, the other on its own clock. */
  newYearGifts: [
    { slug: 'new-year-west', donor: '钱校友', publishedAt: '2025-12-31T20:00:00-08:00' }, // 2026-01-01 04:00 UTC
    { slug: 'new-year-east', donor: '赵校友', publishedAt: '2026-01-01T07:00:00+08:00' }, // 2025-12-31 23:00 UTC
  ],
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
    {
      _id: 'siteSettings',
      _type: 'siteSettings',
      title: '明湖大学校友总会',
      tagline: '校友之家',
      description: '测试站点',
    },
    { _id: 'college-a', _type: 'college', name: '建筑学院', slug: slug('architecture'), order: 1 },
    {
      _id: 'chapter-a',
      _type: 'chapter',
      name: '深圳校友会',
      slug: slug('shenzhen'),
      kind: 'regional',
      region: '广东·深圳',
    },
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
      excerpt: PLANTED.noConsentExcerpt,
      major: PLANTED.noConsentMajor,
      achievements: [PLANTED.noConsentAchievement],
      notable: true,
      publicConsent: false,
      contact,
    },
    {
      _id: 'profile-consent-unset',
      _type: 'alumnusProfile',
      name: PLANTED.unsetConsentName,
      slug: slug(PLANTED.unsetConsentSlug),
      publishedAt,
      classYear: 2009,
      colleges: [ref('college-a', true)],
      notable: true,
      contact,
    },
    {
      _id: 'drafts.profile-draft-only',
      _type: 'alumnusProfile',
      name: PLANTED.draftProfileName,
      slug: slug('draft-profile-qx7'),
      publishedAt,
      classYear: 2008,
      publicConsent: true,
      contact,
    },
    {
      _id: 'drafts.siteSettings',
      _type: 'siteSettings',
      title: '明湖大学校友总会',
      tagline: PLANTED.draftSettingsTagline,
    },
    {
      _id: 'drafts.college-a',
      _type: 'college',
      name: PLANTED.draftCollegeName,
      slug: slug('architecture'),
      order: 1,
    },
    {
      _id: 'versions.r-spring.article-public',
      _type: 'article',
      title: PLANTED.versionTitle,
      slug: slug('public-article'),
      publishedAt,
      category: 'news',
      body: [block(PLANTED.draftBody)],
    },
    {
      _id: 'event-future',
      _type: 'event',
      title: PLANTED.futureEventTitle,
      slug: slug(PLANTED.futureEventSlug),
      // Scheduled for publication after the build, although the event itself starts soon after it.
      publishedAt: '2099-01-01T00:00:00Z',
      startsAt: '2026-12-01T11:00:00Z',
      location: '深圳',
      organizers: [ref('chapter-a', true)],
      body: [block(PLANTED.futureBody)],
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
      donor: {
        _type: 'donor',
        displayName: PLANTED.anonymousDonorName,
        anonymous: true,
        classYear: Number.parseInt(PLANTED.anonymousDonorClassYear),
        college: ref('college-a'),
      },
      kind: 'money',
      amount: Number(PLANTED.hiddenAmountDigits),
      showAmount: false,
      colleges: [ref('college-a', true)],
      body: [block('感谢每一位捐赠人。')],
    },
    {
      _id: 'story-named-hidden-amount',
      _type: 'donationStory',
      title: '具名捐赠不公开金额',
      slug: slug('named-gift'),
      publishedAt,
      project: ref('project-a'),
      donor: {
        _type: 'donor',
        displayName: '王校友',
        anonymous: false,
        classYear: 2001,
        college: ref('college-a'),
      },
      kind: 'money',
      amount: Number(PLANTED.hiddenAmountNamedDonor),
      showAmount: false,
      body: [block('具名捐赠人选择不公开金额。')],
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
          items: [
            ref('profile-consented', true),
            ref('profile-no-consent', true),
            ref('profile-consent-unset', true),
            ref('article-future', true),
            ref('event-future', true),
            // Sanity stores a reference to a not-yet-published document as weak until it is published.
            { ...ref('article-draft-only', true), _weak: true, _strengthenOnPublish: { type: 'article' } },
            ref('article-offset-scheduled', true),
            ref('article-offset-east', true),
          ],
        },
      ],
    },
    ...OFFSET_DATED.articles.map((article) => ({
      _id: `article-${article.slug}`,
      _type: 'article',
      title: article.title,
      slug: slug(article.slug),
      publishedAt: article.publishedAt,
      category: 'news',
      body: [block(`${article.title}的正文。`)],
    })),
    {
      _id: 'article-offset-scheduled',
      _type: 'article',
      title: PLANTED.offsetScheduledTitle,
      slug: slug(PLANTED.offsetScheduledSlug),
      publishedAt: '2026-11-21T03:00:00-08:00',
      category: 'news',
      body: [block(PLANTED.offsetScheduledBody)],
    },
    ...[OFFSET_DATED.endedEvent, OFFSET_DATED.upcomingEvent].map(({ slug: eventSlug, title, ...dates }) => ({
      _id: `event-${eventSlug}`,
      _type: 'event',
      title,
      slug: slug(eventSlug),
      publishedAt,
      ...dates,
      location: '深圳',
      organizers: [ref('chapter-a', true)],
      body: [block(`${title}的介绍。`)],
    })),
    ...OFFSET_DATED.newYearGifts.map((gift) => ({
      _id: `story-${gift.slug}`,
      _type: 'donationStory',
      title: `${gift.donor}的新年捐赠`,
      slug: slug(gift.slug),
      publishedAt: gift.publishedAt,
      donor: { _type: 'donor', displayName: gift.donor, anonymous: false },
      kind: 'goods',
      body: [block('新年第一天的捐赠。')],
    })),
  ]
  await writeExportDataset(
    dir,
    documents,
    new Map([cover, portrait, consentedPortrait].map((image) => [image.name, image.bytes])),
  )
}

const NOCONSENT_ALT_PLACEHOLDER = '校友肖像'
