import { exportImage, ref, slug, writeExportDataset } from './fixtureDataset.ts'

/**
 * A dataset whose every editor-controlled field carries markup or script: what a paste from a hostile web page,
 * a compromised editor account or a careless import could put there. The site must show it as text, drop unsafe
 * URLs, and run none of it.
 *
 * Each payload calls alert() (a dialog the browser test listens for), injects an element the DOM check looks
 * for, or makes a request to evil.example (the request check).
 */
export const PAYLOADS = {
  script: '<script>alert("script")</script>',
  img: '<img src=x onerror=alert("img")>',
  svg: '<svg onload=alert("svg")>',
  closeScript: '</script><script>alert("close-script")</script>',
  closeStyle: '</style><script>alert("close-style")</script>',
  doubleQuote: '" autofocus onfocus="alert(\'double-quote\')" onmouseover="alert(\'hover\')" x="',
  singleQuote: "' autofocus onfocus='alert(\"single-quote\")' x='",
  iframe: '<iframe src="javascript:alert(\'iframe\')"></iframe>',
  base: '<base href="http://evil.example/">',
  cssImport: '<style>@import "http://evil.example/x.css";</style>',
  comment: '--><script>alert("comment")</script><!--',
} as const

/** Every payload at once, behind a readable word so the text can be found on the page. */
export const HOSTILE = `恶意${Object.values(PAYLOADS).join('')}`
export const hostile = (label: string) => `${label}${HOSTILE}`

/** URLs no page may link to or load: script, data and vbscript URLs in the spellings filters miss. */
export const HOSTILE_URLS = [
  'javascript:alert("javascript-url")',
  ' JaVaScRiPt:alert("mixed-case-url")',
  'java\tscript:alert("tab-url")',
  '\u0001javascript:alert("control-url")',
  'data:text/html,<script>alert("data-url")</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgiYjY0Iik8L3NjcmlwdD4=',
  'vbscript:msgbox("vbscript-url")',
  '//evil.example/protocol-relative',
] as const

/** A valid https URL with markup in its path: may be linked, but only percent-encoded. */
export const MARKUP_IN_URL = 'https://example.org/a"><script>alert("in-url")</script>'

export const HOSTILE_SLUG = '"><script>alert("slug")</script>'

let keyCounter = 0
const key = () => `h${(keyCounter++).toString(36).padStart(5, '0')}`

/** A Portable Text body using every block style, list, decorator, a link per hostile URL, an unknown type and mark. */
function hostileBody(label: string, image: object) {
  const span = (text: string, marks: string[] = []) => ({ _type: 'span', _key: key(), text, marks })
  const links = [
    ...HOSTILE_URLS,
    MARKUP_IN_URL,
    PAYLOADS.doubleQuote,
    `/relative${PAYLOADS.doubleQuote}`,
  ].map((href) => ({
    _type: 'link',
    _key: key(),
    href,
  }))
  return [
    { _type: 'block', _key: key(), style: 'normal', markDefs: [], children: [span(hostile(`${label}正文`))] },
    {
      _type: 'block',
      _key: key(),
      style: 'normal',
      markDefs: links,
      children: links.map((link, index) => span(`链接${index}${HOSTILE}`, [link._key])),
    },
    {
      _type: 'block',
      _key: key(),
      style: 'h2',
      markDefs: [],
      children: [span(hostile('小标题'), ['strong', 'em', PAYLOADS.img])],
    },
    { _type: 'block', _key: key(), style: 'h1', markDefs: [], children: [span(hostile('粘贴的一级标题'))] },
    { _type: 'block', _key: key(), style: PAYLOADS.img, markDefs: [], children: [span(hostile('未知样式'))] },
    { _type: 'block', _key: key(), style: 'blockquote', markDefs: [], children: [span(hostile('引用'))] },
    {
      _type: 'block',
      _key: key(),
      style: 'normal',
      listItem: 'bullet',
      level: 1,
      markDefs: [],
      children: [span(hostile('列表'))],
    },
    {
      _type: 'block',
      _key: key(),
      style: 'normal',
      listItem: 'number',
      level: 1,
      markDefs: [],
      children: [span(hostile('编号'))],
    },
    { ...image, _key: key(), caption: hostile('图注') },
    // Not in the schema: a raw HTML block from an import. It must not be rendered.
    { _type: 'html', _key: key(), html: PAYLOADS.script },
    { _type: 'code', _key: key(), code: PAYLOADS.script },
  ]
}

/** `options.hostileSlug` adds an article whose slug carries markup (the build must reject it). */
export async function writeHostileDataset(dir: string, options: { hostileSlug?: boolean } = {}) {
  const cover = await exportImage(800, 450, '#3a6ea5', hostile('封面'))
  const portrait = await exportImage(600, 800, '#8a5a44', hostile('肖像'))
  const logo = await exportImage(200, 200, '#9b1b30', hostile('标志'))
  const qr = await exportImage(240, 240, '#222222', hostile('二维码'))
  const publishedAt = '2026-05-01T02:00:00Z'
  const image = (source: typeof cover) => ({
    ...source.value,
    alt: hostile('替代文字'),
    caption: hostile('说明'),
  })
  const channels = [...HOSTILE_URLS, MARKUP_IN_URL].map((url, index) => ({
    _type: 'contactChannel',
    _key: key(),
    kind: index % 2 === 0 ? 'wechat' : 'website',
    label: hostile(`渠道${index}`),
    url,
    ...(index === 0 ? { qrCode: image(qr) } : {}),
  }))
  const hostileContact = {
    _type: 'publicContact',
    email: `office${PAYLOADS.img}@example.edu.cn`,
    phone: hostile('电话'),
    address: hostile('地址'),
    url: HOSTILE_URLS[0],
  }

  const documents: object[] = [
    {
      _id: 'siteSettings',
      _type: 'siteSettings',
      title: hostile('校友总会'),
      tagline: hostile('口号'),
      description: hostile('简介'),
      accentColor: `red;}</style><script>alert("accent")</script><style>`,
      logo: image(logo),
      contact: hostileContact,
      channels,
    },
    {
      _id: 'college-a',
      _type: 'college',
      name: hostile('学院'),
      shortName: hostile('简称'),
      slug: slug('college-a'),
      description: hostile('学院介绍'),
      cover: image(cover),
      contact: { ...hostileContact, url: HOSTILE_URLS[1] },
    },
    {
      _id: 'chapter-a',
      _type: 'chapter',
      name: hostile('校友会'),
      slug: slug('chapter-a'),
      kind: 'college',
      college: ref('college-a'),
      region: hostile('地区'),
      description: hostile('校友会介绍'),
      channels,
      cover: image(cover),
    },
    {
      _id: 'person-a',
      _type: 'person',
      name: hostile('记者'),
      slug: slug('person-a'),
      role: hostile('职务'),
    },
    {
      _id: 'article-a',
      _type: 'article',
      title: hostile('标题'),
      slug: slug('article-a'),
      publishedAt,
      excerpt: hostile('摘要'),
      cover: image(cover),
      body: hostileBody('文章', image(cover)),
      colleges: [ref('college-a', true)],
      tags: [hostile('标签')],
      author: ref('person-a'),
      category: PAYLOADS.img,
      featured: true,
    },
    {
      _id: 'profile-a',
      _type: 'alumnusProfile',
      name: hostile('校友'),
      slug: slug('profile-a'),
      publishedAt,
      classYear: 2001,
      degree: PAYLOADS.img,
      major: hostile('专业'),
      colleges: [ref('college-a', true)],
      headline: hostile('头衔'),
      portrait: image(portrait),
      excerpt: hostile('校友摘要'),
      body: hostileBody('校友', image(portrait)),
      achievements: [hostile('成就')],
      notable: true,
      publicConsent: true,
    },
    {
      _id: 'project-a',
      _type: 'donationProject',
      title: hostile('项目'),
      slug: slug('project-a'),
      publishedAt,
      college: ref('college-a'),
      designatedUse: hostile('用途'),
      goal: 1_000_000,
      raised: 250_000,
      donorCount: 3,
      status: 'open',
      excerpt: hostile('项目摘要'),
      cover: image(cover),
      body: hostileBody('项目', image(cover)),
      howToGive: hostileBody('捐赠方式', image(cover)),
    },
    {
      _id: 'story-a',
      _type: 'donationStory',
      title: hostile('捐赠故事'),
      slug: slug('story-a'),
      publishedAt,
      project: ref('project-a'),
      donor: {
        _type: 'donor',
        displayName: hostile('捐赠人'),
        anonymous: false,
        classYear: 2001,
        college: ref('college-a'),
      },
      kind: 'money',
      amount: 50_000,
      showAmount: true,
      excerpt: hostile('故事摘要'),
      body: hostileBody('故事', image(cover)),
      colleges: [ref('college-a', true)],
    },
    {
      _id: 'report-a',
      _type: 'chapterReport',
      title: hostile('报道'),
      slug: slug('report-a'),
      publishedAt,
      chapter: ref('chapter-a'),
      eventDate: '2026-04-20',
      location: hostile('地点'),
      attendees: 80,
      excerpt: hostile('报道摘要'),
      cover: image(cover),
      gallery: [
        { ...image(cover), _key: key() },
        { ...image(portrait), _key: key() },
      ],
      body: hostileBody('报道', image(cover)),
      colleges: [ref('college-a', true)],
    },
    // One upcoming and one past event, so both registration and recap layouts render.
    ...HOSTILE_URLS.slice(0, 2).map((url, index) => ({
      _id: `event-${index}`,
      _type: 'event',
      title: hostile(`活动${index}`),
      slug: slug(`event-${index}`),
      publishedAt,
      startsAt: index === 0 ? '2026-12-20T11:00:00Z' : '2026-03-01T11:00:00Z',
      endsAt: index === 0 ? '2026-12-20T13:00:00Z' : '2026-03-01T13:00:00Z',
      location: hostile('活动地点'),
      onlineUrl: url,
      registrationUrl: HOSTILE_URLS[(index + 4) % HOSTILE_URLS.length],
      organizers: [ref('chapter-a', true), ref('college-a', true)],
      excerpt: hostile('活动摘要'),
      cover: image(cover),
      body: hostileBody('活动', image(cover)),
      colleges: [ref('college-a', true)],
    })),
    {
      _id: 'event-markup-url',
      _type: 'event',
      title: hostile('线上活动'),
      slug: slug('event-markup-url'),
      publishedAt,
      startsAt: '2026-12-22T11:00:00Z',
      onlineUrl: MARKUP_IN_URL,
      registrationUrl: MARKUP_IN_URL,
      body: hostileBody('线上活动', image(cover)),
    },
    {
      _id: 'issue-a',
      _type: 'newsletterIssue',
      title: hostile('通讯'),
      slug: slug('issue-a'),
      volume: 2026,
      number: 1,
      publishedAt,
      cover: image(cover),
      editorNote: hostileBody('编者按', image(cover)),
      sections: [
        {
          _type: 'newsletterSection',
          _key: PAYLOADS.doubleQuote,
          title: hostile('栏目'),
          items: [
            ref('article-a', true),
            ref('profile-a', true),
            ref('story-a', true),
            ref('report-a', true),
            ref('event-0', true),
          ],
        },
      ],
    },
  ]
  if (options.hostileSlug) {
    documents.push({
      _id: 'article-hostile-slug',
      _type: 'article',
      title: hostile('坏网址'),
      slug: slug(HOSTILE_SLUG),
      publishedAt,
      category: 'news',
      body: hostileBody('坏网址', image(cover)),
    })
  }
  await writeExportDataset(
    dir,
    documents,
    new Map([cover, portrait, logo, qr].map((source) => [source.name, source.bytes])),
  )
}
