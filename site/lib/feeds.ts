import { getRssString, type RSSFeedItem } from '@astrojs/rss'
import { escapeHTML } from '@portabletext/to-html'
import {
  categoryLabel,
  degreeLabel,
  donationKindLabel,
  donationStatusLabel,
  PREVIEW_FEED_MARK,
  PREVIEW_FEED_NOTE,
  SITE_URL,
  TYPE_LABELS,
} from './consts.ts'
import { configuredPerspective } from './content.ts'
import { formatDate, formatDateTime, formatYuan } from './format.ts'
import type { ImageValue } from './images.ts'
import { portableTextToText, renderPortableText, safeHref, type PortableTextValue } from './portableText.ts'
import {
  byNewest,
  editionSections,
  getSiteSettings,
  hrefFor,
  issueLabel,
  type ContentDocument,
  type NewsletterIssue,
} from './siteData.ts'
import { classYearPath, pagePath } from '../../schemas/lib/permalinks.ts'

/**
 * RSS feeds: every `rss.xml` route hands its documents to `rssResponse`; this module turns each document into a
 * feed item with its full content, absolute links and images, so feed readers show the story without the site.
 */

export type FeedDocument = ContentDocument | NewsletterIssue

export const FEED_LIMIT = 50
export const FEED_STYLESHEET = '/rss.xsl'

const absoluteUrl = (path: string) => new URL(path, SITE_URL).href

export async function rssResponse(input: {
  /** Channel title; the site title is added. Leave out for the site-wide feed. */
  title?: string
  description?: string | null
  /** The section page the feed follows (`/alumni/`); the feed itself is at `<path>rss.xml`. */
  path: string
  items: FeedDocument[]
}): Promise<Response> {
  const settings = await getSiteSettings()
  // A preview build holds drafts: its feeds list nothing and say so, so that no reader or aggregator that
  // subscribes to a preview copy ever sees a draft under a production URL.
  const preview = configuredPerspective() === 'drafts'
  const newest = preview ? [] : [...input.items].sort(byNewest).slice(0, FEED_LIMIT)
  const lastBuildDate = newest[0]?.publishedAt
  const customData = [
    '<language>zh-cn</language>',
    lastBuildDate ? `<lastBuildDate>${new Date(lastBuildDate).toUTCString()}</lastBuildDate>` : '',
    `<atom:link href="${escapeHTML(absoluteUrl(`${input.path}rss.xml`))}" rel="self" type="application/rss+xml"/>`,
  ].join('')
  const siteTitle = settings.title ?? ''
  const title = input.title ? `${input.title} - ${siteTitle}` : siteTitle
  const description = input.description || settings.description || settings.tagline || siteTitle
  const xml = await getRssString({
    title: xmlText(preview ? `${PREVIEW_FEED_MARK}${title}` : title),
    description: xmlText(preview ? PREVIEW_FEED_NOTE : description),
    site: absoluteUrl(input.path),
    stylesheet: FEED_STYLESHEET,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData,
    items: newest.map(feedItemFor),
  })
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}

export function feedItemFor(document: FeedDocument): RSSFeedItem {
  return {
    title: xmlText(titleOf(document)),
    link: absoluteUrl(hrefFor(document)),
    pubDate: document.publishedAt ? new Date(document.publishedAt) : undefined,
    description: xmlText(summaryOf(document)),
    content: xmlText(withAbsoluteUrls(contentOf(document))),
    categories: categoriesOf(document).map(xmlText),
    // RSS <author> must be an e-mail address; Dublin Core's creator takes a name.
    customData:
      document._type === 'article' && document.author?.name
        ? `<dc:creator>${escapeHTML(xmlText(document.author.name))}</dc:creator>`
        : undefined,
  }
}

/**
 * The class-year grouping of site/pages/class/[year].astro: profiles by classYear, donation stories by the donor's
 * class (which the query leaves empty for anonymous donors).
 */
// ---------------------------------------------------------------------------------------------------------------

function titleOf(document: FeedDocument): string {
  switch (document._type) {
    case 'newsletterIssue':
      return `${document.title}（${issueLabel(document)}）`
    case 'alumnusProfile':
      return document.headline ? `${document.title}：${document.headline}` : `校友风采：${document.title}`
    default:
      return document.title ?? ''
  }
}

function summaryOf(document: FeedDocument): string {
  if (document._type === 'newsletterIssue') {
    const sections = editionSections(document)
    return `《校友通讯》${issueLabel(document)}：${sections.map((section) => section.title).join('、')}`
  }
  if (document._type === 'event') {
    return [formatDateTime(document.startsAt), document.location, document.excerpt]
      .filter(Boolean)
      .join(' · ')
  }
  const text = (document.excerpt || document.headline || portableTextToText(document.body))
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 160 ? `${text.slice(0, 160)}…` : text
}

function categoriesOf(document: FeedDocument): string[] {
  const categories: string[] = [TYPE_LABELS[document._type]]
  if (document._type === 'article' && document.category) categories.push(categoryLabel(document.category))
  if (document._type === 'chapterReport' && document.chapter?.name) categories.push(document.chapter.name)
  if (document._type !== 'newsletterIssue') {
    for (const college of document.colleges ?? []) if (college?.name) categories.push(college.name)
  }
  return [...new Set(categories)]
}

function contentOf(document: FeedDocument): string {
  switch (document._type) {
    case 'newsletterIssue':
      return newsletterContent(document)
    case 'article':
      return [
        cover(document.cover),
        lede(document.excerpt),
        facts([
          [
            '作者',
            document.author ? [document.author.name, document.author.role].filter(Boolean).join('，') : null,
          ],
        ]),
        body(document.body),
        document.tags?.length ? `<p>${document.tags.map((tag) => `#${escapeHTML(tag)}`).join(' ')}</p>` : '',
      ].join('')
    case 'alumnusProfile': {
      const degree = document.degree ? degreeLabel(document.degree) : null
      return [
        cover(document.portrait ?? document.cover),
        lede(document.headline),
        facts([
          [
            '届别',
            document.classYear ? link(classYearPath(document.classYear), `${document.classYear}届`) : null,
            true,
          ],
          ['专业', [document.major, degree].filter(Boolean).join(' · ')],
          ['学院', collegeNames(document)],
          ['简介', document.excerpt],
        ]),
        body(document.body),
        document.achievements?.length
          ? `<h2>主要成就</h2><ul>${document.achievements.map((achievement) => `<li>${escapeHTML(achievement)}</li>`).join('')}</ul>`
          : '',
      ].join('')
    }
    case 'donationProject': {
      const percent = document.goal
        ? Math.min(100, Math.round(((document.raised ?? 0) / document.goal) * 100))
        : null
      return [
        cover(document.cover),
        lede(document.excerpt),
        facts([
          ['状态', document.status ? donationStatusLabel(document.status) : null],
          ['设立', document.college?.name ?? '学校'],
          ['用途', document.designatedUse],
          ['目标', formatYuan(document.goal)],
          ['已筹', formatYuan(document.raised) + (percent !== null ? `（完成 ${percent}%）` : '')],
          ['捐赠人次', document.donorCount ? String(document.donorCount) : null],
        ]),
        body(document.body),
        document.howToGive?.length ? `<h2>如何捐赠</h2>${body(document.howToGive)}` : '',
      ].join('')
    }
    case 'donationStory': {
      const donor = document.donor
      const donorLine = donor?.displayName
        ? `${donor.displayName}${donor.classYear ? `（${donor.classYear}届${donor.college?.name ? ` · ${donor.college.name}` : ''}）` : ''}`
        : null
      return [
        cover(document.cover),
        lede(document.excerpt),
        facts([
          ['捐赠人', donorLine],
          ['捐赠形式', document.kind ? donationKindLabel(document.kind) : null],
          ['金额', document.amount !== null ? formatYuan(document.amount) : null],
          [
            '捐赠项目',
            document.project?.slug
              ? link(pagePath('donationProject', document.project.slug), document.project.title ?? '')
              : null,
            true,
          ],
        ]),
        body(document.body),
      ].join('')
    }
    case 'chapterReport':
      return [
        cover(document.cover),
        lede(document.excerpt),
        facts([
          [
            '校友会',
            document.chapter?.slug
              ? link(pagePath('chapter', document.chapter.slug), document.chapter.name ?? '')
              : null,
            true,
          ],
          ['活动日期', formatDate(document.eventDate)],
          ['地点', document.location],
          ['参加人数', document.attendees ? `${document.attendees} 人` : null],
        ]),
        body(document.body),
        (document.gallery ?? []).map((image) => cover(image)).join(''),
      ].join('')
    case 'event': {
      const online = safeHref(document.onlineUrl)
      const registration = safeHref(document.registrationUrl)
      return [
        cover(document.cover),
        lede(document.excerpt),
        facts([
          [
            '时间',
            formatDateTime(document.startsAt) +
              (document.endsAt ? ` 至 ${formatDateTime(document.endsAt)}` : ''),
          ],
          ['地点', document.location],
          ['线上', online ? link(online, '线上参与链接') : null, true],
          [
            '主办',
            document.organizers
              ?.map((organizer) => organizer.name)
              .filter(Boolean)
              .join('、'),
          ],
          ['报名', registration ? link(registration, '报名链接') : null, true],
        ]),
        body(document.body),
      ].join('')
    }
    default:
      return body((document as { body?: PortableTextValue | null }).body)
  }
}

/** An issue in a feed: the editor's note and the table of contents, each item linked to its page. */
function newsletterContent(issue: NewsletterIssue): string {
  const sections = editionSections(issue)
  const note = body(issue.editorNote)
  const contents = sections
    .map(
      (section) =>
        `<li><strong>${escapeHTML(section.title ?? '')}</strong><ul>` +
        section.items.map((item) => `<li>${link(hrefFor(item), item.title ?? '')}</li>`).join('') +
        `</ul></li>`,
    )
    .join('')
  return [
    cover(issue.cover),
    note ? `<h2>编者按</h2>${note}` : '',
    `<h2>本期目录</h2><ol>${contents}</ol>`,
    `<p>${link(hrefFor(issue), '在网站上阅读本期')}</p>`,
  ].join('')
}

// Portable Text is rendered with site-relative URLs and made absolute below in one pass, srcset candidates included.
function body(value: PortableTextValue | null | undefined): string {
  return renderPortableText(value)
}

/** Covers use the same sizes as the pages, so the feed asks for no image variant the pages do not. */
function cover(image: ImageValue | null | undefined): string {
  if (!image?.asset) return ''
  return renderPortableText([{ ...image, _type: 'imageWithAlt', _key: 'cover' }])
}

/** Feed readers resolve nothing against the site: every site-relative href, src and srcset URL gets the origin. */
function withAbsoluteUrls(html: string): string {
  const absolute = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? `${SITE_URL}${url}` : url)
  return html
    .replace(/ (href|src)="([^"]*)"/g, (_, name: string, url: string) => ` ${name}="${absolute(url)}"`)
    .replace(/ srcset="([^"]*)"/g, (_, candidates: string) => {
      const resolved = candidates.split(/,\s+/).map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/)
        return [absolute(url), ...descriptor].join(' ')
      })
      return ` srcset="${resolved.join(', ')}"`
    })
}

function lede(text: string | null | undefined): string {
  return text ? `<p><strong>${escapeHTML(text)}</strong></p>` : ''
}

/** Label–value lines; values are escaped unless marked as HTML already (links built by `link`). */
function facts(rows: Array<[label: string, value: string | null | undefined, html?: boolean]>): string {
  const lines = rows
    .filter(([, value]) => value)
    .map(([label, value, html]) => `${escapeHTML(label)}：${html ? value : escapeHTML(value!)}`)
  return lines.length > 0 ? `<p>${lines.join('<br>')}</p>` : ''
}

function link(href: string, text: string): string {
  return `<a href="${escapeHTML(absoluteUrl(href))}">${escapeHTML(text)}</a>`
}

function collegeNames(document: { colleges: Array<{ name: string | null }> | null }): string {
  return (document.colleges ?? [])
    .map((college) => college.name)
    .filter(Boolean)
    .join('、')
}

/** XML 1.0 forbids most control characters; text pasted from Word or WeChat can carry them. */
function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
}
