import { escapeHTML } from '@portabletext/to-html'
import { categoryLabel, channelLabel, SITE_URL, TYPE_LABELS } from './consts.ts'
import { formatDate, formatDateTime } from './format.ts'
import { responsiveImage, type ImageValue } from './images.ts'
import { renderPortableText, safeHref, type RenderOptions } from './portableText.ts'
import { EDITION_META, EDITION_SLOTS } from './editionMarkers.ts'
import { editionSections, hrefFor, issueLabel, type NewsletterIssue, type SiteSettings } from './siteData.ts'
import { sectionPaths } from '../../schemas/lib/permalinks.ts'
import { normalizedColor } from '../../schemas/lib/contentRules.ts'

/**
 * The 公众号 / e-mail edition of a newsletter issue: one self-contained HTML document.
 *
 * E-mail clients drop <style> and <link>, rewrite class names and ignore most CSS layout; the WeChat
 * official-account editor keeps inline styles and tables when an editor pastes rich text. So everything here is
 * a 600px table layout with inline styles only, and every URL is absolute because the copy no longer lives on
 * the site. All text is escaped; Portable Text goes through the site's renderer with inline styles.
 */

const COLORS = {
  text: '#1d1d1f',
  muted: '#5f5f66',
  line: '#e4e1dc',
  page: '#f3f1ed',
  surface: '#f6f4f1',
  accent: '#9b1b30',
}
const FONT = '-apple-system,BlinkMacSystemFont,PingFang SC,Hiragino Sans GB,Microsoft YaHei,sans-serif'
const WIDTH = 600
const GUTTER = 24
const THUMB = { width: 112, height: 84 }

/** A document listed in an issue section (article, profile, donation story, chapter report or event). */
type IssueItem = NonNullable<NonNullable<NewsletterIssue['sections']>[number]['items']>[number]

export interface EditionOptions {
  /** Origin every link and image points at; defaults to the site's SITE_URL. */
  siteUrl?: string
  /** A preview build (drafts shown): the copy says so, visibly and in a marker the delivery commands refuse. */
  preview?: boolean
  /** The build clock, recorded so the delivery commands can refuse a build made with a clock in the future. */
  builtAt?: Date
}

export function renderEdition(
  issue: NewsletterIssue,
  settings: SiteSettings,
  options: EditionOptions = {},
): string {
  const siteUrl = (options.siteUrl ?? SITE_URL).replace(/\/+$/, '')
  const absolute = (url: string) => new URL(url, `${siteUrl}/`).href
  const accent = normalizedColor(settings.accentColor) ?? COLORS.accent
  const label = issueLabel(issue)
  const issueUrl = absolute(hrefFor(issue))
  const sections = editionSections(issue)

  const link = (href: string, content: string, color = accent) =>
    `<a href="${escapeHTML(href)}" style="color:${color};text-decoration:none;">${content}</a>`
  const image = (value: ImageValue | null | undefined, width: number, aspectRatio?: number, style = '') => {
    // JPEG at twice the display width: WebP does not show in Outlook and some WeChat versions.
    const resolved = responsiveImage(value, { widths: [width * 2], aspectRatio, format: 'jpg' })
    if (!resolved) return ''
    const height = Math.round((width * resolved.height) / resolved.width)
    return (
      `<img src="${escapeHTML(absolute(resolved.src))}" width="${width}" height="${height}" alt="${escapeHTML(resolved.alt)}" ` +
      `style="display:block;width:100%;max-width:${width}px;height:auto;border:0;${style}">`
    )
  }
  const row = (content: string, style = '') =>
    `<tr><td style="padding:0 ${GUTTER}px;${style}">${content}</td></tr>`

  const masthead = row(
    text(`margin:0;font-size:13px;color:${COLORS.muted};`, escapeHTML(settings.title ?? '')) +
      text(`margin:2px 0 0;font-size:24px;font-weight:bold;letter-spacing:4px;color:${accent};`, '校友通讯') +
      text(
        `margin:2px 0 0;font-size:13px;color:${COLORS.muted};`,
        `${escapeHTML(label)} · ${escapeHTML(formatDate(issue.publishedAt))}`,
      ),
    `padding-top:20px;padding-bottom:12px;border-bottom:3px solid ${accent};`,
  )
  const title = row(
    text(
      `margin:0;font-size:22px;line-height:1.4;font-weight:bold;color:${COLORS.text};`,
      escapeHTML(issue.title ?? ''),
      'h1',
    ),
    'padding-top:20px;padding-bottom:12px;',
  )
  const cover = issue.cover?.asset
    ? `<tr><td style="padding:0 0 8px;">${image(issue.cover, WIDTH)}</td></tr>`
    : ''
  const coverImage = responsiveImage(issue.cover, { widths: [WIDTH * 2], format: 'jpg' })
  const previewBanner = options.preview
    ? row(
        text(
          'margin:0;padding:8px 12px;background:#fff3bf;color:#3d2f00;font-size:14px;line-height:1.6;',
          '预览版：本稿可能含未发布的草稿，仅供内部审阅；正式发送请用已发布的版本（发送命令不接受预览版）。',
        ),
        'padding-top:12px;',
      )
    : ''

  const noteStyles: RenderOptions['inlineStyles'] = {
    p: `margin:0 0 12px;font-size:15px;line-height:1.8;color:${COLORS.text};`,
    h2: `margin:16px 0 8px;font-size:17px;line-height:1.5;color:${COLORS.text};`,
    h3: `margin:14px 0 6px;font-size:16px;line-height:1.5;color:${COLORS.text};`,
    blockquote: `margin:12px 0;padding:2px 0 2px 12px;border-left:3px solid ${accent};color:${COLORS.muted};`,
    ul: 'margin:0 0 12px;padding-left:22px;',
    ol: 'margin:0 0 12px;padding-left:22px;',
    li: `margin:0 0 4px;font-size:15px;line-height:1.8;color:${COLORS.text};`,
    figure: 'margin:12px 0;',
    img: 'display:block;width:100%;max-width:100%;height:auto;border:0;',
    figcaption: `margin-top:4px;font-size:13px;color:${COLORS.muted};text-align:center;`,
    a: `color:${accent};text-decoration:underline;`,
  }
  const note = renderPortableText(issue.editorNote, { baseUrl: `${siteUrl}/`, inlineStyles: noteStyles })
  const editorNote = note
    ? row(
        text(`margin:0 0 8px;font-size:17px;line-height:1.5;color:${accent};`, '编者按', 'h2') + note,
        `padding-top:16px;padding-bottom:8px;`,
      )
    : ''

  const item = (card: IssueItem, last: boolean) => {
    const href = absolute(hrefFor(card))
    const summary = card._type === 'alumnusProfile' ? (card.headline ?? card.excerpt) : card.excerpt
    const thumb = card.cover?.asset
      ? image(card.cover, THUMB.width, THUMB.width / THUMB.height, 'border-radius:4px;')
      : ''
    return (
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;${last ? '' : `border-bottom:1px solid ${COLORS.line};`}"><tr>` +
      `<td valign="top" style="padding:12px 0;">` +
      text(`margin:0;font-size:12px;font-weight:bold;color:${accent};`, escapeHTML(kickerFor(card))) +
      text(
        `margin:2px 0 4px;font-size:16px;line-height:1.5;font-weight:bold;`,
        link(href, escapeHTML(card.title ?? ''), COLORS.text),
        'h3',
      ) +
      (summary
        ? text(`margin:0;font-size:14px;line-height:1.7;color:${COLORS.muted};`, escapeHTML(summary))
        : '') +
      `</td>` +
      (thumb
        ? `<td width="${THUMB.width}" valign="top" style="width:${THUMB.width}px;padding:14px 0 12px 12px;">${link(href, thumb)}</td>`
        : '') +
      `</tr></table>`
    )
  }
  const body = sections
    .map((section) =>
      row(
        text(
          `margin:0;padding:0 0 6px;font-size:18px;line-height:1.5;color:${COLORS.text};border-bottom:2px solid ${accent};`,
          escapeHTML(section.title ?? ''),
          'h2',
        ) + section.items.map((card, index, all) => item(card, index === all.length - 1)).join(''),
        'padding-top:20px;',
      ),
    )
    .join('')

  const footer = row(
    text(
      `margin:0 0 8px;font-size:13px;line-height:1.8;color:${COLORS.muted};`,
      `在网站阅读本期：${link(issueUrl, escapeHTML(issueUrl))}`,
    ) +
      subscribeHtml(settings, absolute, link) +
      text(
        `margin:0;font-size:13px;line-height:1.8;color:${COLORS.muted};`,
        `往期《校友通讯》：${link(absolute(sectionPaths.newsletter), escapeHTML(absolute(sectionPaths.newsletter)))}`,
      ) +
      EDITION_SLOTS.unsubscribe,
    `padding-top:20px;padding-bottom:24px;background:${COLORS.surface};border-top:1px solid ${COLORS.line};`,
  )

  const pageTitle = `${issue.title}（${label}）- 校友通讯 - ${settings.title}`
  const description = `${settings.title}《校友通讯》${label}：${sections.map((section) => section.title).join('、')}`
  const meta = (name: string, content: string) => `<meta name="${name}" content="${escapeHTML(content)}">\n`
  return (
    `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHTML(pageTitle)}</title>\n` +
    `<meta name="description" content="${escapeHTML(description)}">\n` +
    // A distribution copy: search engines should index the issue page, not this.
    `<meta name="robots" content="noindex">\n` +
    meta(EDITION_META.build, options.preview ? 'preview' : 'production') +
    meta(EDITION_META.builtAt, (options.builtAt ?? new Date()).toISOString()) +
    meta(EDITION_META.title, issue.title ?? '') +
    meta(EDITION_META.issue, label) +
    meta(EDITION_META.permalink, issueUrl) +
    meta(EDITION_META.site, settings.title ?? '') +
    (coverImage ? meta(EDITION_META.cover, absolute(coverImage.src)) : '') +
    `</head>\n<body style="margin:0;padding:0;background:${COLORS.page};">\n` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;background:${COLORS.page};"><tr>` +
    `<td align="center" style="padding:16px 8px;">\n` +
    `<table role="presentation" width="${WIDTH}" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;max-width:${WIDTH}px;background:#ffffff;font-family:${escapeHTML(FONT)};color:${COLORS.text};text-align:left;">\n` +
    [previewBanner, masthead, EDITION_SLOTS.greeting, title, cover, editorNote, body, footer]
      .filter(Boolean)
      .join('\n') +
    `\n</table>\n</td></tr></table>\n</body>\n</html>\n`
  )
}

function kickerFor(card: IssueItem): string {
  if (card._type === 'article') return categoryLabel(card.category)
  if (card._type === 'alumnusProfile' && card.classYear) return `${card.classYear}届校友`
  if (card._type === 'event' && card.startsAt) return `活动 · ${formatDateTime(card.startsAt)}`
  return TYPE_LABELS[card._type]
}

/** How to subscribe, from the channels and office contact in 站点设置; nothing is invented when they are empty. */
function subscribeHtml(
  settings: SiteSettings,
  absolute: (url: string) => string,
  link: (href: string, content: string, color?: string) => string,
): string {
  const style = `margin:0 0 8px;font-size:13px;line-height:1.8;color:${COLORS.muted};`
  const channels = (settings.channels ?? []).map((channel) => ({
    label: channel.label ?? channelLabel(channel.kind ?? 'other'),
    kind: channel.kind,
    href: safeHref(channel.url, `${absolute('/')}`),
    qrCode: channel.qrCode?.asset ? channel.qrCode : undefined,
  }))
  const wechat = channels.find((channel) => channel.kind === 'wechat')
  const follow = wechat && (wechat.label.includes('公众号') ? wechat.label : `微信公众号“${wechat.label}”`)
  const lines: string[] = []
  lines.push(
    text(
      style,
      '每期《校友通讯》同步发布在网站、电子邮件和微信公众号。' +
        (follow ? `关注${escapeHTML(follow)}即可收到推送。` : '') +
        (settings.contact?.email
          ? `订阅或退订邮件版，请写信至 ${link(`mailto:${settings.contact.email}`, escapeHTML(settings.contact.email))}。`
          : ''),
    ),
  )
  // QR codes side by side, each with its name; channels without one as a line of links.
  const withQr = channels.filter((channel) => channel.qrCode)
  if (withQr.length > 0) {
    const cells = withQr
      .map((channel) => {
        const qr = responsiveImage(channel.qrCode, { widths: [200], aspectRatio: 1, format: 'jpg' })
        const qrImage = qr
          ? `<img src="${escapeHTML(absolute(qr.src))}" width="100" height="100" alt="${escapeHTML(qr.alt || `${channel.label}二维码`)}" style="display:block;width:100px;height:100px;border:0;margin:0 auto 4px;">`
          : ''
        const caption = channel.href
          ? link(channel.href, escapeHTML(channel.label))
          : escapeHTML(channel.label)
        return `<td valign="top" align="center" style="width:140px;padding:0 12px 8px 0;font-size:12px;line-height:1.5;color:${COLORS.muted};">${qrImage}${caption}</td>`
      })
      .join('')
    lines.push(
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 8px;"><tr>${cells}</tr></table>`,
    )
  }
  const linked = channels.filter((channel) => channel.href && !channel.qrCode)
  if (linked.length > 0) {
    lines.push(
      text(style, linked.map((channel) => link(channel.href!, escapeHTML(channel.label))).join(' · ')),
    )
  }
  return lines.join('')
}

function text(style: string, content: string, tag = 'p'): string {
  return `<${tag} style="${style}">${content}</${tag}>`
}
